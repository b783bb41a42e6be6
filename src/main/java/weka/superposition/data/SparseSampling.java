package weka.superposition.data;

import java.util.Random;

/**
 * Elhage et al.'s synthetic features: each is 0 with probability S (the sparsity), else uniform on
 * [0, 1]. The SparseFeatures data generator and the sweeps draw from here.
 */
public final class SparseSampling {

  private SparseSampling() {}

  /** {@code rows x n} values, row-major: each 0 with probability {@code sparsity}, else U[0, 1]. */
  public static float[] sample(int rows, int n, double sparsity, Random random) {
    float[] values = new float[rows * n];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble() < sparsity ? 0f : random.nextFloat();
    }
    return values;
  }

  /**
   * {@code rows x sparsity.length} values, row-major: feature i is 0 with probability {@code
   * sparsity[i]}, else U[0, 1].
   */
  public static float[] sample(int rows, double[] sparsity, Random random) {
    int n = sparsity.length;
    float[] values = new float[rows * n];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble() < sparsity[i % n] ? 0f : random.nextFloat();
    }
    return values;
  }
}
