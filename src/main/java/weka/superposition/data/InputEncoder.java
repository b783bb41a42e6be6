package weka.superposition.data;

import java.io.Serializable;
import java.util.Arrays;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.tensorflow.TrainingData;

/**
 * Turns the non-class attributes of Instances into a row-major float matrix for a network, as
 * fitted on the training data: numeric attributes scaled by the chosen {@link Normalization};
 * nominal attributes as binary columns (one column for two values, one per value for more, as
 * Weka's NominalToBinary does); missing values replaced by the training mean or mode, as Weka's
 * MultilayerPerceptron does through ReplaceMissingValues.
 */
public final class InputEncoder implements Serializable {

  private static final long serialVersionUID = -6187025460212773512L;

  /** How numeric inputs are scaled before they reach the network. */
  public enum Normalization {
    /**
     * Every numeric input divided by the largest absolute numeric value in the training data: keeps
     * the relations between pixels, and makes 0-255 and 0-1 images the same input (the seed divides
     * by 255).
     */
    GLOBAL_MAX_ABS,
    /** Each numeric attribute mapped from its training range to [0, 1]. */
    ATTRIBUTE_RANGE,
    /** Each numeric attribute to zero mean and unit variance on the training data. */
    STANDARDIZE,
    /** Values used as they are. */
    NONE
  }

  /** Values that {@link #encodeCodes} can code: the integers 0 to 255. */
  private static final int CODES = TrainingData.CODES;

  private final Normalization normalization;
  private final int classIndex;

  /** Per attribute: its first column, or -1 for the class. */
  private final int[] firstColumn;

  /** Per attribute: its number of nominal values, 0 for a numeric one. */
  private final int[] numValues;

  /** Per attribute: the value that replaces a missing one (mean, or index of the mode). */
  private final double[] replacement;

  /** Per numeric attribute: (value - offset) / scale. */
  private final double[] offset;

  private final double[] scale;

  /** Per attribute: its name, for errors about its values. */
  private final String[] names;

  private final int numColumns;

  /**
   * Fits the encoding to {@code training}, whose values must be finite (see {@link
   * #requireNoInfiniteValue}); {@link #encode} refuses what is not.
   */
  public InputEncoder(Instances training, Normalization normalization) {
    this.normalization = normalization;
    int n = training.numAttributes();
    this.classIndex = training.classIndex();
    this.firstColumn = new int[n];
    this.numValues = new int[n];
    this.replacement = new double[n];
    this.offset = new double[n];
    this.scale = new double[n];
    this.names = new String[n];
    int columns = 0;
    double globalMaxAbs = 0;
    double[][] numericStats = numericStats(training);
    for (int a = 0; a < n; a++) {
      Attribute attribute = training.attribute(a);
      names[a] = attribute.name();
      if (a == classIndex) {
        firstColumn[a] = -1;
        continue;
      }
      firstColumn[a] = columns;
      columns += width(attribute);
      if (attribute.isNominal()) {
        numValues[a] = attribute.numValues();
        replacement[a] = mode(training, a);
        scale[a] = 1;
      } else {
        double[] stats = numericStats[a];
        replacement[a] = stats[0];
        globalMaxAbs = Math.max(globalMaxAbs, stats[3]);
        fitScaling(a, stats);
      }
    }
    if (normalization == Normalization.GLOBAL_MAX_ABS) {
      for (int a = 0; a < n; a++) {
        if (a != classIndex && numValues[a] == 0) {
          scale[a] = globalMaxAbs > 0 ? globalMaxAbs : 1;
        }
      }
    }
    this.numColumns = columns;
  }

  /**
   * Throws, naming the row (counted from 1) and the attribute, if a non-class value of {@code data}
   * is infinite: one such value makes the fitted means and scales, and so every encoded value, NaN.
   */
  public static void requireNoInfiniteValue(Instances data) {
    double[] values = new double[data.numAttributes()];
    for (int r = 0; r < data.numInstances(); r++) {
      Rows.values(data.instance(r), values);
      for (int a = 0; a < data.numAttributes(); a++) {
        double value = values[a];
        if (a != data.classIndex() && Double.isInfinite(value)) {
          throw new IllegalArgumentException(
              String.format(
                  "row %d: attribute %s holds %s, which "
                      + "is infinite; the network needs finite values",
                  r + 1, data.attribute(a).name(), value));
        }
      }
    }
  }

  private static int width(Attribute attribute) {
    return attribute.isNominal() && attribute.numValues() > 2 ? attribute.numValues() : 1;
  }

  private void fitScaling(int a, double[] stats) {
    double mean = stats[0];
    double sd = stats[1];
    double min = stats[2];
    double max = stats[4];
    switch (normalization) {
      case ATTRIBUTE_RANGE -> {
        offset[a] = min;
        scale[a] = max > min ? max - min : 1;
      }
      case STANDARDIZE -> {
        offset[a] = mean;
        scale[a] = sd > 0 ? sd : 1;
      }
      default -> scale[a] = 1;
    }
  }

  /**
   * Per numeric attribute but the class: weighted mean, standard deviation, min, largest absolute
   * value, max of its non-missing values (all 0 without any); null for the others. One pass over
   * the rows, each read once (a sparse row would otherwise be searched for every attribute); each
   * attribute's sums are added in row order, as a pass per attribute would.
   */
  private static double[][] numericStats(Instances data) {
    int n = data.numAttributes();
    boolean[] numeric = new boolean[n];
    for (int a = 0; a < n; a++) {
      numeric[a] = a != data.classIndex() && !data.attribute(a).isNominal();
    }
    double[] sum = new double[n];
    double[] sumSquares = new double[n];
    double[] weights = new double[n];
    double[] min = new double[n];
    double[] max = new double[n];
    double[] maxAbs = new double[n];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    double[] values = new double[n];
    for (Instance row : data) {
      Rows.values(row, values);
      double w = row.weight();
      for (int a = 0; a < n; a++) {
        double v = values[a];
        if (!numeric[a] || Utils.isMissingValue(v)) {
          continue;
        }
        sum[a] += w * v;
        sumSquares[a] += w * v * v;
        weights[a] += w;
        min[a] = Math.min(min[a], v);
        max[a] = Math.max(max[a], v);
        maxAbs[a] = Math.max(maxAbs[a], Math.abs(v));
      }
    }
    double[][] stats = new double[n][];
    for (int a = 0; a < n; a++) {
      if (!numeric[a]) {
        continue;
      }
      if (weights[a] == 0) {
        stats[a] = new double[] {0, 0, 0, 0, 0};
        continue;
      }
      double mean = sum[a] / weights[a];
      double variance = Math.max(0, sumSquares[a] / weights[a] - mean * mean);
      stats[a] = new double[] {mean, Math.sqrt(variance), min[a], maxAbs[a], max[a]};
    }
    return stats;
  }

  private static double mode(Instances data, int a) {
    double[] counts = new double[data.attribute(a).numValues()];
    for (Instance row : data) {
      if (!row.isMissing(a)) {
        counts[(int) row.value(a)] += row.weight();
      }
    }
    int best = 0;
    for (int v = 1; v < counts.length; v++) {
      if (counts[v] > counts[best]) {
        best = v;
      }
    }
    return best;
  }

  public Normalization normalization() {
    return normalization;
  }

  /** Columns of the encoded matrix: the network's number of inputs. */
  public int numColumns() {
    return numColumns;
  }

  /**
   * Encodes rows {@code from} (inclusive) to {@code to} (exclusive) of {@code data}.
   *
   * @throws IllegalArgumentException naming the row (counted from 1) and the attribute, if a
   *     numeric value is infinite or too large to be a float after scaling: such a value would make
   *     the network's loss and outputs NaN
   */
  public float[] encode(Instances data, int from, int to) {
    return encode(data, from, to, new float[(to - from) * numColumns]);
  }

  /**
   * {@link #encode(Instances, int, int)} written into {@code matrix} (at least as long; what it
   * held is overwritten), so that chunk after chunk of rows can reuse one array.
   */
  public float[] encode(Instances data, int from, int to, float[] matrix) {
    Arrays.fill(matrix, 0, (to - from) * numColumns, 0);
    double[] values = new double[firstColumn.length];
    for (int r = from; r < to; r++) {
      encodeRow(Rows.values(data.instance(r), values), matrix, (r - from) * numColumns, r + 1);
    }
    return matrix;
  }

  public float[] encode(Instances data) {
    return encode(data, 0, data.numInstances());
  }

  /**
   * Rows {@code from} (inclusive) to {@code to} (exclusive) of {@code data} as codes, one byte per
   * encoded column, which {@link #codeValues()} turns into exactly the floats of {@link #encode},
   * in a quarter of the memory: for a numeric or binary attribute the value itself, for each column
   * of a nominal attribute of more values 1 where the value is the column's, else 0. Only data
   * whose values are all integers from 0 to 255 (after missing values are replaced) have codes,
   * such as MNIST's pixels and nominal attributes.
   *
   * @return the codes, or null when a value is not such an integer or is not finite after
   *     normalization ({@link #encode} then says which)
   */
  public byte[] encodeCodes(Instances data, int from, int to) {
    float[] values = codeValues();
    byte[] codes = new byte[(to - from) * numColumns];
    double[] row = new double[firstColumn.length];
    for (int r = from; r < to; r++) {
      int rowStart = (r - from) * numColumns;
      // all values at once: a sparse row would otherwise search its values for every attribute
      Rows.values(data.instance(r), row);
      for (int a = 0; a < firstColumn.length; a++) {
        int column = firstColumn[a];
        if (column < 0) {
          continue;
        }
        double value = Utils.isMissingValue(row[a]) ? replacement[a] : row[a];
        if (numValues[a] > 2) {
          codes[rowStart + column + (int) value] = 1;
          continue;
        }
        int code = (int) value;
        // the same bits as the code's double: no fraction, no -0
        if (code < 0
            || code >= CODES
            || Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(code)
            || !Float.isFinite(values[code * numColumns + column])) {
          return null;
        }
        codes[rowStart + column] = (byte) code;
      }
    }
    return codes;
  }

  /**
   * What {@link #encodeCodes} codes stand for: at {@code code * numColumns() + column}, the float
   * that {@link #encode} gives the encoded column {@code column} for a value of that code, computed
   * by the same arithmetic.
   */
  public float[] codeValues() {
    float[] values = new float[numColumns * CODES];
    for (int a = 0; a < firstColumn.length; a++) {
      int column = firstColumn[a];
      if (column < 0) {
        continue;
      }
      if (numValues[a] > 2) {
        for (int v = 0; v < numValues[a]; v++) {
          values[numColumns + column + v] = 1;
        }
        continue;
      }
      for (int code = 0; code < CODES; code++) {
        values[code * numColumns + column] = numValues[a] == 0 ? scaled(a, code) : (float) code;
      }
    }
    return values;
  }

  /** A numeric attribute's value after normalization. */
  private float scaled(int a, double value) {
    return (float) ((value - offset[a]) / scale[a]);
  }

  /**
   * One row's {@code values} (all values at once: a sparse row would otherwise be searched for
   * every attribute).
   */
  private void encodeRow(double[] values, float[] matrix, int rowStart, int rowNumber) {
    for (int a = 0; a < firstColumn.length; a++) {
      int column = firstColumn[a];
      if (column < 0) {
        continue;
      }
      double value = Utils.isMissingValue(values[a]) ? replacement[a] : values[a];
      if (numValues[a] == 0) {
        float encoded = scaled(a, value);
        if (!Float.isFinite(encoded)) {
          throw new IllegalArgumentException(
              String.format(
                  "row %d: attribute %s holds %s, which "
                      + "is %s; the network needs finite values that fit a float after normalization",
                  rowNumber,
                  names[a],
                  value,
                  Double.isInfinite(value) ? "infinite" : "out of range"));
        }
        matrix[rowStart + column] = encoded;
      } else if (numValues[a] > 2) {
        matrix[rowStart + column + (int) value] = 1;
      } else {
        matrix[rowStart + column] = (float) value;
      }
    }
  }
}
