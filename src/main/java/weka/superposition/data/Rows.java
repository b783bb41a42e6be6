package weka.superposition.data;

import weka.core.Instances;

/** Per-row values of Instances, as the networks take them. */
public final class Rows {

  private Rows() {
  }

  /** Each row's instance weight, in row order. */
  public static float[] weights(Instances data) {
    float[] weights = new float[data.numInstances()];
    for (int r = 0; r < weights.length; r++) {
      weights[r] = (float) data.instance(r).weight();
    }
    return weights;
  }
}
