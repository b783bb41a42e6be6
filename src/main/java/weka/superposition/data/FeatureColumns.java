package weka.superposition.data;

import java.util.Random;

/** Column-wise views and reshufflings of a row-major feature matrix. */
public final class FeatureColumns {

  private FeatureColumns() {}

  /** Per column of {@code rows x n} row-major {@code data}: the share of its values that are 0. */
  public static double[] zeroShare(float[] data, int rows, int n) {
    double[] zeros = new double[n];
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < n; i++) {
        if (data[r * n + i] == 0) {
          zeros[i]++;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      zeros[i] /= rows;
    }
    return zeros;
  }

  /**
   * A copy of {@code rows x n} row-major {@code data} in which every column is permuted on its own
   * (Fisher-Yates, one permutation per column, drawn in column order from {@code random}): each
   * column keeps its values, so its distribution, while any dependence between columns is gone.
   */
  public static float[] shuffledIndependently(float[] data, int rows, int n, Random random) {
    float[] copy = data.clone();
    for (int i = 0; i < n; i++) {
      for (int r = rows - 1; r > 0; r--) {
        int s = random.nextInt(r + 1);
        float swap = copy[r * n + i];
        copy[r * n + i] = copy[s * n + i];
        copy[s * n + i] = swap;
      }
    }
    return copy;
  }
}
