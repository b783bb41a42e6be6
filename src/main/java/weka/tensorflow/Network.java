package weka.tensorflow;

import java.io.Serializable;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The architecture of a network, apart from its weights: how its outputs and its loss are built in
 * a graph from a batch of inputs and its parameters. The same code builds the training graph
 * (parameters are variables) and the inference graph (parameters are constants), so that the two
 * cannot drift apart.
 */
public interface Network extends Serializable {

  /** Looks up a parameter's operand in the graph being built. */
  @FunctionalInterface
  interface ParameterSource {
    Operand<TFloat32> get(String name);
  }

  /** The network's named outputs for a batch {@code x} of shape {@code [rows, inputs]}. */
  Map<String, Operand<TFloat32>> outputs(Ops tf, Operand<TFloat32> x, ParameterSource parameters);

  /**
   * The loss of each row of the batch, shape {@code [rows]}; the trainer weights and averages it.
   *
   * @param target the batch's targets, or {@code x} itself for networks that reconstruct their
   *     input
   */
  Operand<TFloat32> rowLoss(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> target, ParameterSource parameters);

  /**
   * A dense layer: {@code x . kernel + bias}, parameters {@code layer/kernel}, {@code layer/bias}.
   */
  static Operand<TFloat32> dense(Ops tf, Operand<TFloat32> x, String layer, ParameterSource p) {
    return tf.math.add(tf.linalg.matMul(x, p.get(layer + "/kernel")), p.get(layer + "/bias"));
  }
}
