package weka.superposition.analysis;

/**
 * The best a linear code can do, as a dictionary's FVU at a given L0 is read against it: the FVU of
 * PCA's rank-j affine reconstruction for every j. A dictionary with L0 active features is nonlinear
 * and may beat it; one that does not has bought nothing with its sparsity.
 */
public final class PcaFrontier {

  private PcaFrontier() {}

  /**
   * The FVU of the best rank-j affine reconstruction of {@code rows x n} row-major data for j = 0
   * .. n (index j): 1 at 0, 0 (up to rounding) at n; all NaN when the data do not vary. The same
   * figures as {@link ReferenceErrors}' {@code pcaMse / meanPredictorMse}.
   */
  public static double[] fvu(float[] data, int rows, int n) {
    DictionaryWeights.check("data", data, (long) rows * n);
    Covariance covariance = Covariance.of(data, rows, n);
    double[] mse = covariance.pcaMse();
    double meanPredictorMse = covariance.trace() / n;
    double[] fvu = new double[n + 1];
    for (int j = 0; j <= n; j++) {
      fvu[j] = meanPredictorMse > 0 ? mse[j] / meanPredictorMse : Double.NaN;
    }
    return fvu;
  }

  /**
   * The frontier at a fractional rank, such as a dictionary's L0: linear between the neighbouring
   * whole ranks, {@code l0} clamped to [0, n].
   */
  public static double at(double[] fvu, double l0) {
    int n = fvu.length - 1;
    if (Double.isNaN(l0)) {
      return Double.NaN;
    }
    double j = Math.max(0, Math.min(n, l0));
    int below = (int) Math.floor(j);
    if (below == n) {
      return fvu[n];
    }
    double t = j - below;
    return (1 - t) * fvu[below] + t * fvu[below + 1];
  }
}
