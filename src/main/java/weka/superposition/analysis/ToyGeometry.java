package weka.superposition.analysis;

/**
 * What the paper reads off a trained toy model's feature vectors W_i: whether a feature is
 * represented, the phase of a model of two features in one dimension, and each feature's
 * dimensionality D_i, with the fractions at which D_i sticks.
 */
public final class ToyGeometry {

  /**
   * A feature counts as represented when ||W_i|| exceeds this: trained models put ||W_i|| near 1 or
   * near 0, and half-way separates the two.
   */
  public static final double REPRESENTED = 0.5;

  /** The fractions the paper's dimensionality figure marks, largest first. */
  public static final double[] FRACTIONS = {1, 3.0 / 4, 2.0 / 3, 1.0 / 2, 2.0 / 5, 3.0 / 8};

  public static final String[] FRACTION_NAMES = {"1", "3/4", "2/3", "1/2", "2/5", "3/8"};

  /** A D_i counts as at a fraction when within this of it (half the gap between 2/5 and 3/8). */
  public static final double NEAR = 0.0125;

  /** The phases of a model of two features in one dimension, as the paper's phase diagram. */
  public enum Phase {
    /** only the first feature is represented: the extra feature is not */
    FIRST_ONLY,
    /** both features share the dimension, antipodal: in superposition */
    SUPERPOSITION,
    /** only the second (the extra) feature is represented: it gets the dimension */
    SECOND_ONLY,
    /** neither is represented */
    NONE
  }

  private ToyGeometry() {}

  /** The phase of a model of two features, from their vectors W_1, W_2. */
  public static Phase phase(double[][] vectors) {
    if (vectors.length != 2) {
      throw new IllegalArgumentException(
          "The phase is defined for 2 features, not " + vectors.length);
    }
    boolean first = norm(vectors[0]) > REPRESENTED;
    boolean second = norm(vectors[1]) > REPRESENTED;
    return first && second
        ? Phase.SUPERPOSITION
        : first ? Phase.FIRST_ONLY : second ? Phase.SECOND_ONLY : Phase.NONE;
  }

  /**
   * The paper's feature dimensionality D_i = ||W_i||^2 / sum over j of (W_i / ||W_i|| . W_j)^2; 0
   * for a feature whose vector is 0.
   */
  public static double[] dimensionality(double[][] vectors) {
    int n = vectors.length;
    double[] norm = new double[n];
    for (int i = 0; i < n; i++) {
      norm[i] = norm(vectors[i]);
    }
    double[] dimensionality = new double[n];
    for (int i = 0; i < n; i++) {
      double projectionsSquared = 0;
      for (int j = 0; j < n; j++) {
        double projection = norm[i] > 0 ? dot(vectors[i], vectors[j]) / norm[i] : 0;
        projectionsSquared += projection * projection;
      }
      dimensionality[i] = projectionsSquared > 0 ? norm[i] * norm[i] / projectionsSquared : 0;
    }
    return dimensionality;
  }

  /** The index in {@link #FRACTIONS} of the fraction within {@link #NEAR} of d, or -1. */
  public static int nearestFraction(double d) {
    for (int f = 0; f < FRACTIONS.length; f++) {
      if (Math.abs(d - FRACTIONS[f]) <= NEAR) {
        return f;
      }
    }
    return -1;
  }

  private static double norm(double[] v) {
    return AutoencoderAnalysis.norm(v);
  }

  private static double dot(double[] a, double[] b) {
    return AutoencoderAnalysis.dot(a, b);
  }
}
