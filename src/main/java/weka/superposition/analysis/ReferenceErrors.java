package weka.superposition.analysis;

import java.io.Serializable;
import java.util.Arrays;
import weka.core.matrix.EigenvalueDecomposition;
import weka.core.matrix.Matrix;

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
    double[] mean = new double[n];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < n; j++) {
        mean[j] += data[r * n + j];
      }
    }
    for (int j = 0; j < n; j++) {
      mean[j] /= rows;
    }
    double[][] covariance = new double[n][n];
    double[] centred = new double[n];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < n; j++) {
        centred[j] = data[r * n + j] - mean[j];
      }
      for (int a = 0; a < n; a++) {
        double ca = centred[a];
        if (ca != 0) {
          double[] row = covariance[a];
          for (int b = a; b < n; b++) {
            row[b] += ca * centred[b];
          }
        }
      }
    }
    double trace = 0;
    for (int a = 0; a < n; a++) {
      for (int b = a; b < n; b++) {
        covariance[a][b] /= rows;
        covariance[b][a] = covariance[a][b];
      }
      trace += covariance[a][a];
    }
    double[] eigenvalues = new EigenvalueDecomposition(new Matrix(covariance)).getRealEigenvalues();
    Arrays.sort(eigenvalues);
    double kept = 0;
    for (int i = 0; i < Math.min(rank, n); i++) {
      kept += Math.max(0, eigenvalues[n - 1 - i]);
    }
    return new ReferenceErrors(trace / n, Math.max(0, trace - kept) / n, rank);
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
