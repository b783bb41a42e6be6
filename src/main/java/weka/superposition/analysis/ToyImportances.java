package weka.superposition.analysis;

/** The paper's feature importances for its toy model: I_i = r^i, i = 0 .. n-1. */
public final class ToyImportances {

  private ToyImportances() {}

  /** I_i = {@code decay}^i for {@code features} features. */
  public static float[] of(int features, double decay) {
    float[] values = new float[features];
    for (int i = 0; i < features; i++) {
      values[i] = (float) Math.pow(decay, i);
    }
    return values;
  }
}
