package weka.superposition.analysis;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The trained weights of a sparse dictionary (a sparse autoencoder over a network's hidden
 * activations), in plain arrays, with its forward pass in plain Java: {@code pre = (x - b_d) . W_e
 * + b_e}, {@code f = ReLU(pre)} (l1 mode) or ReLU of only the {@code topK} largest pre-activations
 * (top-k mode), {@code x' = f . W_d + b_d}.
 *
 * @param inputs n, the activations reconstructed
 * @param features K, the dictionary's features
 * @param topK how many pre-activations are kept in top-k mode; 0 in l1 mode (all are kept)
 * @param encoder W_e, {@code [n, K]} row-major: {@code encoder[j * K + k]}
 * @param encoderBias b_e, {@code [K]}
 * @param decoder W_d, {@code [K, n]} row-major: row k is feature k's direction (unit length once
 *     trained)
 * @param decoderBias b_d, {@code [n]}
 */
public record DictionaryWeights(
    int inputs,
    int features,
    int topK,
    float[] encoder,
    float[] encoderBias,
    float[] decoder,
    float[] decoderBias)
    implements Serializable {

  public DictionaryWeights {
    if (inputs < 1 || features < 1) {
      throw new IllegalArgumentException(
          "a dictionary needs at least one input and one feature, got "
              + inputs
              + " inputs and "
              + features
              + " features");
    }
    if (topK < 0 || topK > features) {
      throw new IllegalArgumentException(
          "topK: expected 0 (l1 mode) to " + features + " features, got " + topK);
    }
    check("encoder", encoder, (long) inputs * features);
    check("encoder bias", encoderBias, features);
    check("decoder", decoder, (long) features * inputs);
    check("decoder bias", decoderBias, inputs);
  }

  static void check(String what, float[] values, long expected) {
    if (values == null) {
      throw new IllegalArgumentException(what + ": missing, expected " + expected + " values");
    }
    if (values.length != expected) {
      throw new IllegalArgumentException(
          what + ": expected " + expected + " values, got " + values.length);
    }
  }

  /** Feature k's direction: a copy of row k of the decoder. */
  public float[] direction(int k) {
    return Arrays.copyOfRange(decoder, k * inputs, (k + 1) * inputs);
  }

  /**
   * An encoder for many rows. Prefer it to {@link #encode} in a loop: it folds the decoder bias
   * into the encoder's once.
   */
  public Encoder newEncoder() {
    return new Encoder();
  }

  /**
   * The features of one row, {@code data[offset .. offset + inputs)}, into {@code f} (K values).
   * Costs an extra {@code n x K} for the folded bias; see {@link #newEncoder()}.
   */
  public void encode(float[] data, int offset, float[] f) {
    newEncoder().encode(data, offset, f);
  }

  /** The features of {@code rows x inputs} row-major {@code data}, {@code rows x features}. */
  public float[] encodeAll(float[] data, int rows) {
    check("data", data, (long) rows * inputs);
    Encoder encoder = newEncoder();
    float[] all = new float[rows * features];
    float[] f = new float[features];
    for (int r = 0; r < rows; r++) {
      encoder.encode(data, r * inputs, f);
      System.arraycopy(f, 0, all, r * features, features);
    }
    return all;
  }

  /** The reconstruction {@code f . W_d + b_d} of features {@code f}, into {@code out}. */
  public void decode(float[] f, float[] out) {
    check("features", f, features);
    check("output", out, inputs);
    System.arraycopy(decoderBias, 0, out, 0, inputs);
    for (int k = 0; k < features; k++) {
      float fk = f[k];
      // most features are 0
      if (fk != 0) {
        int row = k * inputs;
        for (int j = 0; j < inputs; j++) {
          out[j] += fk * decoder[row + j];
        }
      }
    }
  }

  /**
   * Encodes rows one at a time. Writing {@code (x - b_d) . W_e + b_e} as {@code x . W_e + (b_e -
   * b_d . W_e)} makes a zero input cost nothing, and the activations are mostly zeros; the product
   * runs along the rows of W_e, which are contiguous. It keeps scratch space: one per thread.
   */
  public final class Encoder {
    /** b_e - b_d . W_e: the pre-activation of the all-zero row. */
    private final float[] bias = new float[features];

    /** Top-k mode: the kept pre-activations, largest first, and their features. */
    private final float[] keptValue = new float[topK];

    private final int[] keptIndex = new int[topK];

    private Encoder() {
      // in double, so that the fold rounds once
      double[] sum = new double[features];
      for (int k = 0; k < features; k++) {
        sum[k] = encoderBias[k];
      }
      for (int j = 0; j < inputs; j++) {
        double bj = decoderBias[j];
        int row = j * features;
        for (int k = 0; k < features; k++) {
          sum[k] -= bj * encoder[row + k];
        }
      }
      for (int k = 0; k < features; k++) {
        bias[k] = (float) sum[k];
      }
    }

    /** The features of {@code data[offset .. offset + inputs)}, into {@code f} (K values). */
    public void encode(float[] data, int offset, float[] f) {
      if (offset < 0 || offset > data.length - inputs) {
        throw new IllegalArgumentException(
            "data: a row of "
                + inputs
                + " values at offset "
                + offset
                + " does not fit in "
                + data.length);
      }
      check("features", f, features);
      System.arraycopy(bias, 0, f, 0, features);
      for (int j = 0; j < inputs; j++) {
        float xj = data[offset + j];
        if (xj != 0) {
          int row = j * features;
          for (int k = 0; k < features; k++) {
            f[k] += xj * encoder[row + k];
          }
        }
      }
      if (topK > 0) {
        keepTopK(f);
      } else {
        for (int k = 0; k < features; k++) {
          f[k] = f[k] > 0f ? f[k] : 0f;
        }
      }
    }

    /**
     * Keeps the topK largest pre-activations, ReLU applied, and zeroes the rest. An insertion into
     * a short sorted list: most values are below the smallest kept one and cost one comparison.
     * Features come in index order and a value must beat the smallest kept one strictly to enter,
     * so ties go to the lower index.
     */
    private void keepTopK(float[] f) {
      int kept = 0;
      for (int k = 0; k < features; k++) {
        float value = f[k];
        if (kept == topK && !(value > keptValue[topK - 1])) {
          continue;
        }
        int at = kept == topK ? topK - 1 : kept++;
        while (at > 0 && value > keptValue[at - 1]) {
          keptValue[at] = keptValue[at - 1];
          keptIndex[at] = keptIndex[at - 1];
          at--;
        }
        keptValue[at] = value;
        keptIndex[at] = k;
      }
      Arrays.fill(f, 0f);
      for (int i = 0; i < kept; i++) {
        f[keptIndex[i]] = keptValue[i] > 0f ? keptValue[i] : 0f;
      }
    }
  }
}
