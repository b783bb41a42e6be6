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
 * The seed's classifier: Dense(inputs -> hidden) -> tanh -> ReLU (the hidden activations that the
 * superposition analysis studies) -> Dense(hidden -> classes), trained with softmax cross-entropy.
 */
public final class MlpNetwork implements Network {

  private static final long serialVersionUID = 3985305634874325079L;

  public static final String HIDDEN = "hidden";
  public static final String PROBABILITIES = "probabilities";
  public static final String OUTPUT_LAYER = "output";

  /** Fresh parameters, initialised as PyTorch's {@code nn.Linear} layers of the seed. */
  public static Parameters initialParameters(int inputs, int hidden, int classes, Random random) {
    List<Parameter> list = new ArrayList<>(Parameters.pytorchDense(HIDDEN, inputs, hidden, random));
    list.addAll(Parameters.pytorchDense(OUTPUT_LAYER, hidden, classes, random));
    return new Parameters(list);
  }

  private static Operand<TFloat32> hidden(Ops tf, Operand<TFloat32> x, ParameterSource p) {
    return tf.nn.relu(tf.math.tanh(Network.dense(tf, x, HIDDEN, p)));
  }

  @Override
  public Map<String, Operand<TFloat32>> outputs(Ops tf, Operand<TFloat32> x, ParameterSource p) {
    Operand<TFloat32> hidden = hidden(tf, x, p);
    Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
    outputs.put(HIDDEN, hidden);
    outputs.put(PROBABILITIES, tf.nn.softmax(Network.dense(tf, hidden, OUTPUT_LAYER, p)));
    return outputs;
  }

  @Override
  public Operand<TFloat32> rowLoss(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> target, ParameterSource p) {
    Operand<TFloat32> logits = Network.dense(tf, hidden(tf, x, p), OUTPUT_LAYER, p);
    return tf.nn.softmaxCrossEntropyWithLogits(logits, target).loss();
  }
}
