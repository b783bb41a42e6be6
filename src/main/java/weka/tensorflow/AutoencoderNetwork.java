package weka.tensorflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The seed's autoencoder: Dense(n -> m) -> tanh (the code), Dense(m -> n) -> tanh -> ReLU (the
 * reconstruction), trained on the mean squared error of the reconstruction.
 */
public final class AutoencoderNetwork implements Network {

  private static final long serialVersionUID = -1981731440958153017L;

  public static final String CODE = "code";
  public static final String RECONSTRUCTION = "reconstruction";
  public static final String ENCODER = "encoder";
  public static final String DECODER = "decoder";

  /** Fresh parameters, initialised as PyTorch's {@code nn.Linear} layers of the seed. */
  public static Parameters initialParameters(int features, int bottleneck, Random random) {
    List<Parameter> list =
        new ArrayList<>(Parameters.pytorchDense(ENCODER, features, bottleneck, random));
    list.addAll(Parameters.pytorchDense(DECODER, bottleneck, features, random));
    return new Parameters(list);
  }

  @Override
  public Map<String, Operand<TFloat32>> outputs(Ops tf, Operand<TFloat32> x, ParameterSource p) {
    Operand<TFloat32> code = tf.math.tanh(Network.dense(tf, x, ENCODER, p));
    Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
    outputs.put(CODE, code);
    outputs.put(RECONSTRUCTION, tf.nn.relu(tf.math.tanh(Network.dense(tf, code, DECODER, p))));
    return outputs;
  }

  @Override
  public Operand<TFloat32> rowLoss(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> target, ParameterSource p) {
    Operand<TFloat32> reconstruction = outputs(tf, x, p).get(RECONSTRUCTION);
    return tf.math.mean(tf.math.squaredDifference(reconstruction, target), tf.constant(1));
  }
}
