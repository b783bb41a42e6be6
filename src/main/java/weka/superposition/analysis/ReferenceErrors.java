package weka.superposition.analysis;

import java.io.Serializable;

/**
 * The reconstruction errors that an autoencoder's MSE must be read against: predicting each
 * feature's mean (what a model that learned nothing reaches), and the best linear reconstruction of
 * rank k (PCA with k components, which a k-dimensional code could at least match).
 *
 * @param meanPredictorMse mean squared error of predicting every feature by its mean
 * @param pcaMse mean squared error of the best rank-k affine reconstruction
 * @param rank k
 */
public record ReferenceErrors(double meanPredictorMse, double pcaMse, int rank)
    implements Serializable {

  /** The references for {@code rows x n} row-major data and a code of {@code rank} dimensions. */
  public static ReferenceErrors of(float[] data, int rows, int n, int rank) {
    Covariance covariance = Covariance.of(data, rows, n);
    double[] pcaMse = covariance.pcaMse();
    return new ReferenceErrors(
        covariance.trace() / n, pcaMse[Math.max(0, Math.min(rank, n))], rank);
  }

  /**
   * How far a model's {@code mse} went from the mean predictor's towards PCA's: 0 not at all, 1 all
   * the way (below 0 when worse than the mean, above 1 when better than PCA); 0 when PCA is no
   * better than the mean.
   */
  public double gapClosed(double mse) {
    double gap = meanPredictorMse - pcaMse;
    return gap > 0 ? (meanPredictorMse - mse) / gap : 0;
  }
}
