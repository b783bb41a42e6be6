package weka.superposition.analysis;

/**
 * Mean max cosine similarity: how well a set of learned directions recovers known true ones (a toy
 * model's features), as the mean over the true directions of the best cosine any learned direction
 * reaches. 1 when each true direction has a learned one along it.
 */
public final class Mmcs {

  private Mmcs() {}

  /**
   * The figure for {@code k} learned directions (a dictionary's decoder rows), {@code m x n} and
   * {@code k x n} row-major, of any length; a zero vector has cosine 0 with everything. The cosine
   * is signed: a dictionary's features are non-negative, so a feature pointing against a true
   * direction cannot represent it. NaN when there are no true or no learned directions.
   */
  public static double of(float[] trueDirections, int m, float[] learned, int k, int n) {
    DictionaryWeights.check("true directions", trueDirections, (long) m * n);
    DictionaryWeights.check("learned directions", learned, (long) k * n);
    double[][] rows = new double[k][n];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < n; j++) {
        rows[i][j] = learned[i * n + j];
      }
    }
    return meanMaxCosine(trueDirections, m, rows, false);
  }

  /**
   * The same for the n principal axes of {@code rows x n} row-major data, the baseline a dictionary
   * should beat. The cosine is taken in absolute value, since an axis' sign is arbitrary. The axes
   * are a basis, so the figure is at least {@code 1 / sqrt(n)}.
   */
  public static double pca(float[] trueDirections, int m, float[] data, int rows, int n) {
    DictionaryWeights.check("true directions", trueDirections, (long) m * n);
    DictionaryWeights.check("data", data, (long) rows * n);
    return meanMaxCosine(trueDirections, m, Covariance.of(data, rows, n).axes(), true);
  }

  private static double meanMaxCosine(
      float[] trueDirections, int m, double[][] learned, boolean absolute) {
    if (m == 0 || learned.length == 0) {
      return Double.NaN;
    }
    int n = learned[0].length;
    double[] norms = new double[learned.length];
    for (int i = 0; i < learned.length; i++) {
      norms[i] = AutoencoderAnalysis.norm(learned[i]);
    }
    double[] truth = new double[n];
    double sum = 0;
    for (int t = 0; t < m; t++) {
      for (int j = 0; j < n; j++) {
        truth[j] = trueDirections[t * n + j];
      }
      double truthNorm = AutoencoderAnalysis.norm(truth);
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < learned.length; i++) {
        double product = truthNorm * norms[i];
        double cosine = product > 0 ? AutoencoderAnalysis.dot(truth, learned[i]) / product : 0;
        best = Math.max(best, absolute ? Math.abs(cosine) : cosine);
      }
      sum += best;
    }
    return sum / m;
  }
}
