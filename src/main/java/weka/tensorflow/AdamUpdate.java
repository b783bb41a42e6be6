package weka.tensorflow;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * PyTorch's Adam (the seed's optimizer), or AdamW with a weight decay, over a fixed set of
 * parameters and their Adam state, built by hand for both {@link AdamGraph} and {@link
 * SparseDictionaryTrainer}. tensorflow-framework's Adam is not used because its beta-power updates
 * race its ApplyAdam ops: here every stage waits for the one before (all gradients, the decay,
 * every ApplyAdam, the constraints, the beta powers), so the same data, order and initial weights
 * give bit-identical weights on every run.
 *
 * <p>TensorFlow's ApplyAdam adds epsilon to sqrt(v) before the bias correction, which amounts to
 * epsilon / sqrt(1 - beta2^t) after it; PyTorch adds it after. Passing epsilon * sqrt(1 - beta2^t)
 * to ApplyAdam gives PyTorch's update, which matters for small gradients: for a gradient of 1e-8
 * the first step is 5e-4 in PyTorch and 3e-5 with TensorFlow's epsilon.
 */
final class AdamUpdate {

  static final String BETA1_POWER = "adam/beta1_power";
  static final String BETA2_POWER = "adam/beta2_power";

  /** The name of parameter {@code name}'s first Adam moment. */
  static String firstMoment(String name) {
    return "adam/m/" + name;
  }

  static String secondMoment(String name) {
    return "adam/v/" + name;
  }

  /**
   * A parameter and its Adam moments.
   *
   * @param constraint what keeps the parameter's values on a set; null for none
   */
  record Slot(
      Variable<TFloat32> parameter,
      Variable<TFloat32> firstMoment,
      Variable<TFloat32> secondMoment,
      Constraint constraint) {}

  /** A set that a parameter is kept on: its gradient is projected, its stepped values put back. */
  interface Constraint {

    /** {@code gradient} without the component that would leave the set at {@code value}. */
    Operand<TFloat32> project(Ops tf, Operand<TFloat32> gradient, Operand<TFloat32> value);

    /** {@code value}, after Adam's step, put back on the set. */
    Operand<TFloat32> restore(Ops tf, Operand<TFloat32> value);
  }

  private final Variable<TFloat32> beta1Power;
  private final Variable<TFloat32> beta2Power;
  private final List<Slot> slots;

  /** The update of {@code slots}' parameters, with the beta powers all of them share. */
  AdamUpdate(Variable<TFloat32> beta1Power, Variable<TFloat32> beta2Power, List<Slot> slots) {
    this.beta1Power = beta1Power;
    this.beta2Power = beta2Power;
    this.slots = List.copyOf(slots);
  }

  /**
   * One step on {@code loss}'s gradients.
   *
   * @param weightDecay AdamW's decoupled weight decay, as PyTorch's AdamW applies it: every
   *     parameter is multiplied by {@code 1 - learningRate * weightDecay} before its Adam step; 0
   *     gives plain Adam
   */
  Op step(Graph graph, Ops tf, Operand<TFloat32> loss, float learningRate, float weightDecay) {
    Output<?>[] gradients =
        graph.addGradients(
            loss.asOutput(),
            slots.stream().map(s -> s.parameter().asOutput()).toArray(Output<?>[]::new));
    List<Op> gradientsDone = new ArrayList<>();
    for (Output<?> gradient : gradients) {
      gradientsDone.add(tf.identity(gradient));
    }
    Ops afterGradients = tf.withControlDependencies(gradientsDone);
    Ops afterDecay = afterGradients;
    if (weightDecay != 0) {
      // AdamW: the decay uses the weights the gradients were computed from, then Adam steps
      Operand<TFloat32> keep = tf.constant(1 - learningRate * weightDecay);
      List<Op> decays = new ArrayList<>();
      for (Slot slot : slots) {
        Variable<TFloat32> p = slot.parameter();
        decays.add(afterGradients.assign(p, afterGradients.math.mul(p, keep)));
      }
      afterDecay = tf.withControlDependencies(decays);
    }
    Operand<TFloat32> epsilon =
        tf.math.mul(
            tf.constant(AdamTrainer.EPSILON),
            tf.math.sqrt(tf.math.sub(tf.constant(1f), beta2Power)));
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      Slot slot = slots.get(i);
      @SuppressWarnings("unchecked")
      Operand<TFloat32> gradient = (Operand<TFloat32>) gradients[i];
      if (slot.constraint() != null) {
        gradient = slot.constraint().project(tf, gradient, slot.parameter());
      }
      updates.add(
          afterDecay.train.applyAdam(
              slot.parameter(),
              slot.firstMoment(),
              slot.secondMoment(),
              beta1Power,
              beta2Power,
              tf.constant(learningRate),
              tf.constant(AdamTrainer.BETA1),
              tf.constant(AdamTrainer.BETA2),
              epsilon,
              gradient));
    }
    Ops afterUpdates = tf.withControlDependencies(updates);
    List<Op> restores = new ArrayList<>();
    for (Slot slot : slots) {
      if (slot.constraint() != null) {
        Variable<TFloat32> p = slot.parameter();
        restores.add(afterUpdates.assign(p, slot.constraint().restore(afterUpdates, p)));
      }
    }
    Ops afterStep = restores.isEmpty() ? afterUpdates : tf.withControlDependencies(restores);
    List<Op> powers =
        List.of(
            afterStep.assign(
                beta1Power, afterStep.math.mul(beta1Power, tf.constant(AdamTrainer.BETA1))),
            afterStep.assign(
                beta2Power, afterStep.math.mul(beta2Power, tf.constant(AdamTrainer.BETA2))));
    return tf.withControlDependencies(powers).noOp();
  }
}
