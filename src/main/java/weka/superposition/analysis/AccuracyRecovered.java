package weka.superposition.analysis;

/**
 * How much of the classifier's accuracy survives when its hidden activations are replaced by a
 * dictionary's reconstruction, measured from what remains when they are ablated (set to their mean,
 * or to 0): 1 when the reconstruction loses nothing, 0 when it is no better than ablation.
 */
public final class AccuracyRecovered {

  private AccuracyRecovered() {}

  /**
   * {@code (replaced - ablated) / (clean - ablated)}; NaN when ablation costs nothing, since then
   * there is nothing to recover.
   */
  public static double of(double clean, double replaced, double ablated) {
    return clean == ablated ? Double.NaN : (replaced - ablated) / (clean - ablated);
  }
}
