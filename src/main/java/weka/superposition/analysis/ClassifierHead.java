package weka.superposition.analysis;

import java.io.Serializable;

/**
 * A classifier's output layer in plain Java, hidden activations to class scores: what a sparse
 * dictionary's reconstruction is checked against downstream, since a reconstruction that keeps the
 * variance but loses what the classifier reads would look good on the error alone.
 *
 * @param kernel {@code hidden x classes}, row-major
 */
public record ClassifierHead(int hidden, int classes, float[] kernel, float[] bias)
    implements Serializable {

  public ClassifierHead {
    if (hidden < 1 || classes < 1) {
      throw new IllegalArgumentException(
          "A classifier head needs at least one hidden unit and one class");
    }
    if (kernel.length != hidden * classes || bias.length != classes) {
      throw new IllegalArgumentException(
          "A "
              + hidden
              + " x "
              + classes
              + " head needs "
              + hidden * classes
              + " kernel and "
              + classes
              + " bias values, got "
              + kernel.length
              + " and "
              + bias.length);
    }
  }

  /** The class with the highest score for the row of {@code hidden} values at {@code offset}. */
  public int predict(float[] activations, int offset) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      double score = bias[c];
      for (int j = 0; j < hidden; j++) {
        score += (double) activations[offset + j] * kernel[j * classes + c];
      }
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  /**
   * The share of rows whose predicted class is their label; rows labelled below 0 (no class) are
   * left out.
   */
  public double accuracy(float[] activations, int rows, int[] labels) {
    if (labels.length != rows || activations.length != rows * hidden) {
      throw new IllegalArgumentException(
          "Expected " + rows + " labels and " + rows + " x " + hidden + " activations");
    }
    int right = 0;
    int counted = 0;
    for (int r = 0; r < rows; r++) {
      if (labels[r] < 0) {
        continue;
      }
      counted++;
      if (predict(activations, r * hidden) == labels[r]) {
        right++;
      }
    }
    return counted == 0 ? Double.NaN : (double) right / counted;
  }
}
