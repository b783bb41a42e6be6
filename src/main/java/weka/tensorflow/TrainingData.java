package weka.tensorflow;

/**
 * Rows to train on, as row-major arrays: inputs {@code [rows, inputs]}, targets {@code [rows,
 * targets]} (null when the network reconstructs its input) and one weight per row.
 *
 * <p>The inputs are floats, or {@link CodedInputs}: one byte per value and a table of the float
 * each code stands for in each column, which holds data of few distinct values per column (MNIST's
 * pixels, 0 to 255) in a quarter of the memory and gives the network the very same floats. Float
 * inputs are loaded into the graph once; coded ones stay in Java, and each mini-batch's rows are
 * decoded and fed.
 */
public record TrainingData(
    float[] inputs,
    CodedInputs codedInputs,
    int numInputs,
    float[] targets,
    int numTargets,
    float[] weights) {

  /** Codes per column: at most this many (a byte's values). */
  public static final int CODES = 256;

  /**
   * Inputs as codes: the value of row r in column c is {@code values[(codes[r * columns + c] &
   * 0xff) * columns + c]} (code-major: the columns' values of one code lie side by side).
   */
  public record CodedInputs(byte[] codes, float[] values) {

    /**
     * The inputs of the given rows, {@code columns} each, row-major, written into {@code inputs}
     * (at least that long): the table's very floats.
     */
    public float[] decode(int[] rows, int columns, float[] inputs) {
      for (int i = 0; i < rows.length; i++) {
        int from = rows[i] * columns;
        int to = i * columns;
        for (int c = 0; c < columns; c++) {
          inputs[to + c] = values[(codes[from + c] & 0xff) * columns + c];
        }
      }
      return inputs;
    }
  }

  /** Float inputs. */
  public TrainingData(
      float[] inputs, int numInputs, float[] targets, int numTargets, float[] weights) {
    this(inputs, null, numInputs, targets, numTargets, weights);
  }

  /** Coded inputs (see {@link CodedInputs}). */
  public static TrainingData coded(
      CodedInputs inputs, int numInputs, float[] targets, int numTargets, float[] weights) {
    return new TrainingData(null, inputs, numInputs, targets, numTargets, weights);
  }

  public TrainingData {
    int rows = weights.length;
    if ((inputs == null) == (codedInputs == null)) {
      throw new IllegalArgumentException("inputs: give either floats or codes");
    }
    long values = inputs != null ? inputs.length : codedInputs.codes().length;
    if (values != (long) rows * numInputs) {
      throw new IllegalArgumentException(
          "inputs: expected " + rows + " x " + numInputs + " values");
    }
    if (codedInputs != null && codedInputs.values().length != (long) numInputs * CODES) {
      throw new IllegalArgumentException(
          "coded inputs: expected " + numInputs + " x " + CODES + " code values");
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
