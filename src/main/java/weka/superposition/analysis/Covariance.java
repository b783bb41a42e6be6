package weka.superposition.analysis;

import java.util.Arrays;
import weka.core.matrix.EigenvalueDecomposition;
import weka.core.matrix.Matrix;

/**
 * The covariance of {@code rows x n} row-major data, divided by rows (numpy's {@code bias=True}),
 * and its eigen-decomposition: PCA's reconstruction errors are sums of its eigenvalues, and its
 * eigenvectors are PCA's axes.
 *
 * @param matrix the symmetric {@code n x n} covariance
 * @param trace its trace: the mean squared distance of a row from the mean row
 */
record Covariance(double[][] matrix, double trace) {

  /** Each column's mean. */
  static double[] means(float[] data, int rows, int n) {
    double[] mean = new double[n];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < n; j++) {
        mean[j] += data[r * n + j];
      }
    }
    for (int j = 0; j < n; j++) {
      mean[j] /= rows;
    }
    return mean;
  }

  static Covariance of(float[] data, int rows, int n) {
    double[] mean = means(data, rows, n);
    double[][] covariance = new double[n][n];
    double[] centred = new double[n];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < n; j++) {
        centred[j] = data[r * n + j] - mean[j];
      }
      // the upper triangle only, mirrored below; the activations' many zeros are skipped
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
    return new Covariance(covariance, trace);
  }

  private EigenvalueDecomposition decomposition() {
    return new EigenvalueDecomposition(new Matrix(matrix));
  }

  /** The eigenvalues, ascending (a few may be slightly negative from rounding). */
  double[] eigenvalues() {
    double[] eigenvalues = decomposition().getRealEigenvalues();
    Arrays.sort(eigenvalues);
    return eigenvalues;
  }

  /**
   * The {@code n} unit eigenvectors, one per row, from the largest eigenvalue down. Each one's sign
   * is arbitrary.
   */
  double[][] axes() {
    EigenvalueDecomposition eigen = decomposition();
    double[] values = eigen.getRealEigenvalues();
    double[][] vectors = eigen.getV().getArray();
    int[] order = Statistics.ascendingOrder(values);
    int n = values.length;
    double[][] axes = new double[n][n];
    for (int i = 0; i < n; i++) {
      int column = order[n - 1 - i];
      for (int j = 0; j < n; j++) {
        axes[i][j] = vectors[j][column];
      }
    }
    return axes;
  }

  /**
   * The mean squared error of the best rank-k affine reconstruction for k = 0 .. n (index k): the
   * trace less the k largest eigenvalues, each counted only when positive, and never below 0.
   */
  double[] pcaMse() {
    double[] eigenvalues = eigenvalues();
    int n = eigenvalues.length;
    double[] mse = new double[n + 1];
    double kept = 0;
    for (int k = 0; k <= n; k++) {
      if (k > 0) {
        kept += Math.max(0, eigenvalues[n - k]);
      }
      mse[k] = Math.max(0, trace - kept) / n;
    }
    return mse;
  }
}
