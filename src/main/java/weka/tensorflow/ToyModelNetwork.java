package weka.tensorflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Elhage et al.'s toy model of superposition: h = W x, x' = ReLU(W^T W x + b), one weight matrix
 * for encoder and decoder, trained on the importance-weighted squared error sum_i I_i (x_i -
 * x'_i)^2 with I_i = r^i (or, as the paper's code reduces it, the mean over the features of I_i
 * (x_i - x'_i)^2: the same minimum, a loss n times smaller). The matrix is stored as W^T ({@code
 * [n, m]}, row i is feature i's vector W_i), so that a batch of rows encodes as x . W^T.
 */
public final class ToyModelNetwork implements Network {

  private static final long serialVersionUID = 8790125432166043811L;

  public static final String WEIGHTS = "toy/weights";
  public static final String BIAS = "toy/bias";
  public static final String CODE = "code";
  public static final String RECONSTRUCTION = "reconstruction";

  private final float[] importance;
  private final boolean meanOverFeatures;

  /** A toy model whose loss weights feature i's squared error by {@code importance[i]}. */
  public ToyModelNetwork(float[] importance) {
    this(importance, false);
  }

  /**
   * @param meanOverFeatures a row's loss is the mean over the features of the weighted squared
   *     errors, as in the paper's code, rather than their sum
   */
  public ToyModelNetwork(float[] importance, boolean meanOverFeatures) {
    this.importance = importance.clone();
    this.meanOverFeatures = meanOverFeatures;
  }

  /** Xavier-normal W (std sqrt(2 / (n + m))), zero bias, as the paper's code initialises them. */
  public static Parameters initialParameters(int features, int bottleneck, Random random) {
    double std = Math.sqrt(2.0 / (features + bottleneck));
    float[] weights = new float[features * bottleneck];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) (random.nextGaussian() * std);
    }
    return new Parameters(
        List.of(
            new Parameter(WEIGHTS, new long[] {features, bottleneck}, weights),
            new Parameter(BIAS, new long[] {features}, new float[features])));
  }

  @Override
  public Map<String, Operand<TFloat32>> outputs(Ops tf, Operand<TFloat32> x, ParameterSource p) {
    Operand<TFloat32> code = tf.linalg.matMul(x, p.get(WEIGHTS));
    Operand<TFloat32> decoded =
        tf.linalg.matMul(code, p.get(WEIGHTS), org.tensorflow.op.linalg.MatMul.transposeB(true));
    Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
    outputs.put(CODE, code);
    outputs.put(RECONSTRUCTION, tf.nn.relu(tf.math.add(decoded, p.get(BIAS))));
    return outputs;
  }

  @Override
  public Operand<TFloat32> rowLoss(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> target, ParameterSource p) {
    Operand<TFloat32> reconstruction = outputs(tf, x, p).get(RECONSTRUCTION);
    Operand<TFloat32> weights =
        tf.constant(Shape.of(importance.length), DataBuffers.of(importance, true, false));
    Operand<TFloat32> weighted =
        tf.math.mul(tf.math.squaredDifference(reconstruction, target), weights);
    return meanOverFeatures
        ? tf.math.mean(weighted, tf.constant(1))
        : tf.sum(weighted, tf.constant(1));
  }
}
