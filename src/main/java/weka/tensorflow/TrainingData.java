package weka.tensorflow;

/**
 * Rows to train on, as row-major float arrays: inputs {@code [rows, inputs]}, targets {@code [rows,
 * targets]} (null when the network reconstructs its input) and one weight per row.
 */
public record TrainingData(
    float[] inputs, int numInputs, float[] targets, int numTargets, float[] weights) {

  public TrainingData {
    int rows = weights.length;
    if (inputs.length != (long) rows * numInputs) {
      throw new IllegalArgumentException(
          "inputs: expected " + rows + " x " + numInputs + " values");
    }
    if (targets != null && targets.length != (long) rows * numTargets) {
      throw new IllegalArgumentException(
          "targets: expected " + rows + " x " + numTargets + " values");
    }
  }

  public int rows() {
    return weights.length;
  }
}
