package weka.superposition.analysis;

import java.io.Serializable;

/**
 * The trained weights of an autoencoder of the form {@code code = f(x . encoder + c)}, {@code x' =
 * g(code . decoder + b)}, in plain arrays, with its forward pass in plain Java. Both model types of
 * the package fit: the seed's (untied weights, f = tanh, g = ReLU after tanh) and Elhage et al.'s
 * toy model (decoder = encoder transposed, no code bias, f = identity, g = ReLU).
 *
 * @param numFeatures n, the inputs (features) reconstructed
 * @param bottleneck m, the code's dimensions
 * @param encoderKernel {@code [n, m]} row-major: row i is feature i's vector W_i
 * @param encoderBias {@code [m]}
 * @param decoderKernel {@code [m, n]} row-major
 * @param decoderBias {@code [n]}: the b of the paper and of the seed's bias plot
 */
public record AutoencoderWeights(
    int numFeatures,
    int bottleneck,
    float[] encoderKernel,
    float[] encoderBias,
    Activation codeActivation,
    float[] decoderKernel,
    float[] decoderBias,
    Activation outputActivation)
    implements Serializable {

  /** The element-wise functions of the code and the output. */
  public enum Activation {
    IDENTITY,
    TANH,
    RELU,
    /** ReLU after tanh, as the seed's decoder (and classifier) apply them. */
    TANH_RELU;

    /** Applies the function to {@code values[0 .. count)}, in a loop the JIT can vectorize. */
    public void applyInPlace(float[] values, int count) {
      switch (this) {
        case IDENTITY -> {}
        case TANH -> {
          for (int i = 0; i < count; i++) {
            values[i] = FastTanh.rational(values[i]);
          }
        }
        case RELU -> {
          for (int i = 0; i < count; i++) {
            values[i] = values[i] > 0f ? values[i] : 0f;
          }
        }
        case TANH_RELU -> {
          for (int i = 0; i < count; i++) {
            values[i] = FastTanh.rational(values[i] > 0f ? values[i] : 0f);
          }
        }
      }
    }

    /** In float, with the same tanh as TensorFlow's CPU kernels (to a few float ulps). */
    public float apply(float value) {
      return switch (this) {
        case IDENTITY -> value;
        case TANH -> FastTanh.rational(value);
        case RELU -> Math.max(0f, value);
        // tanh is increasing and tanh(0) = 0, so ReLU(tanh(u)) = tanh(max(u, 0))
        case TANH_RELU -> FastTanh.rational(Math.max(0f, value));
      };
    }
  }

  public AutoencoderWeights {
    check("encoder kernel", encoderKernel, numFeatures * bottleneck);
    check("encoder bias", encoderBias, bottleneck);
    check("decoder kernel", decoderKernel, bottleneck * numFeatures);
    check("decoder bias", decoderBias, numFeatures);
  }

  private static void check(String what, float[] values, int expected) {
    if (values.length != expected) {
      throw new IllegalArgumentException(
          what + ": expected " + expected + " values, got " + values.length);
    }
  }

  /** W_i: feature i's row of the encoder, m values. */
  public double[] featureVector(int i) {
    double[] vector = new double[bottleneck];
    for (int k = 0; k < bottleneck; k++) {
      vector[k] = encoderKernel[i * bottleneck + k];
    }
    return vector;
  }

  /** Each feature's vector W_i, its length ||W_i|| and its decoder bias b_i. */
  public record FeatureGeometry(double[][] vectors, double[] norms, double[] bias) {}

  /** W_i, ||W_i|| and b_i of every feature, as the paper's plots show them. */
  public FeatureGeometry featureGeometry() {
    double[][] vectors = new double[numFeatures][];
    double[] norms = new double[numFeatures];
    double[] bias = new double[numFeatures];
    for (int i = 0; i < numFeatures; i++) {
      vectors[i] = featureVector(i);
      norms[i] = AutoencoderAnalysis.norm(vectors[i]);
      bias[i] = decoderBias[i];
    }
    return new FeatureGeometry(vectors, norms, bias);
  }

  /**
   * Entry (a, b) of the n x n matrix that the seed calls W^T W: decoder times encoder, i.e. how
   * much input feature b writes into output feature a through the code. For tied weights it is the
   * Gram matrix of the feature vectors.
   */
  public double decoderTimesEncoder(int a, int b) {
    double sum = 0;
    for (int k = 0; k < bottleneck; k++) {
      sum += (double) decoderKernel[k * numFeatures + a] * encoderKernel[b * bottleneck + k];
    }
    return sum;
  }

  /** The code of one input row: {@code f(x . encoder + c)}, into {@code code}. */
  public void encode(float[] x, int offset, float[] code) {
    for (int k = 0; k < bottleneck; k++) {
      code[k] = encoderBias[k];
    }
    for (int i = 0; i < numFeatures; i++) {
      float xi = x[offset + i];
      if (xi != 0) {
        for (int k = 0; k < bottleneck; k++) {
          code[k] += xi * encoderKernel[i * bottleneck + k];
        }
      }
    }
    for (int k = 0; k < bottleneck; k++) {
      code[k] = codeActivation.apply(code[k]);
    }
  }

  /** The reconstruction of a code: {@code g(code . decoder + b)}, into {@code output}. */
  public void decode(float[] code, float[] output) {
    System.arraycopy(decoderBias, 0, output, 0, numFeatures);
    for (int k = 0; k < bottleneck; k++) {
      float ck = code[k];
      int row = k * numFeatures;
      for (int j = 0; j < numFeatures; j++) {
        output[j] += ck * decoderKernel[row + j];
      }
    }
    outputActivation.applyInPlace(output, numFeatures);
  }
}
