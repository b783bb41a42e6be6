package weka.tensorflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * What both trainers share: a graph that holds the parameters as variables, the Adam update of a
 * batch's loss, and the session that runs it. A trainer builds in two stages: the constructor makes
 * the variables, the trainer adds the ops that compute its batch's loss from them ({@link #ops},
 * {@link #parameterSource}), and {@link #start} adds the update, opens the session and loads the
 * initial values.
 *
 * <p>The update is PyTorch's Adam (the seed's optimizer), or AdamW with a weight decay. Adam is
 * built by hand rather than taken from tensorflow-framework, whose beta-power updates race its
 * ApplyAdam ops: here every ApplyAdam waits for all gradients, and the beta powers are updated
 * after every ApplyAdam, so the same data, order and initial weights give bit-identical weights on
 * every run.
 */
final class AdamGraph implements AutoCloseable {

  private final Graph graph;
  private final Ops tf;
  private final Parameters initial;
  private final List<Variable<TFloat32>> variables = new ArrayList<>();
  private final Map<String, Operand<TFloat32>> parameters = new LinkedHashMap<>();

  /** The assignments of the initial values, run once by {@link #start}. */
  private final List<Op> loads = new ArrayList<>();

  /** The initial values the loads are fed; closed once loaded. */
  private final Map<Placeholder<?>, Tensor> loadFeeds = new LinkedHashMap<>();

  private Operand<TFloat32> batchLoss;
  private Op step;
  private Session session;

  /** A graph with a variable for each of the {@code initial} parameters. */
  AdamGraph(Parameters initial) {
    initial.requireNoEmptyDimension();
    this.initial = initial;
    graph = new Graph();
    try {
      tf = Ops.create(graph);
      for (Parameter p : initial.list()) {
        Variable<TFloat32> variable = loaded(p.name(), p.values(), p.shape());
        variables.add(variable);
        parameters.put(p.name(), variable);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Where the trainer adds the ops of its batch's loss. */
  Ops ops() {
    return tf;
  }

  /** The parameters' variables, by name, for the network's ops. */
  Network.ParameterSource parameterSource() {
    return parameters::get;
  }

  /**
   * Adds the Adam update of {@code batchLoss}, opens the session and loads the initial values.
   *
   * @param weightDecay AdamW's decoupled weight decay, as PyTorch's AdamW applies it: every
   *     parameter is multiplied by {@code 1 - learningRate * weightDecay} before its Adam step; 0
   *     gives plain Adam
   * @param threads threads within and across operations; 0 lets TensorFlow choose
   */
  void start(Operand<TFloat32> batchLoss, float learningRate, float weightDecay, int threads) {
    this.batchLoss = batchLoss;
    step = adamStep(learningRate, weightDecay);
    session = TFRuntime.openSession(graph, threads);
    Session.Runner runner = session.runner();
    loadFeeds.forEach(runner::feed);
    loads.forEach(runner::addTarget);
    try {
      runner.run().close();
    } finally {
      closeLoadFeeds();
    }
  }

  /** A runner of the session, for the trainer to feed its batch to. */
  Session.Runner runner() {
    return session.runner();
  }

  /**
   * One Adam step on the batch that {@code fed} feeds.
   *
   * @return the batch's loss before the step
   */
  float step(Session.Runner fed) {
    try (Result result = fed.addTarget(step).fetch(batchLoss).run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  /** The current values of the parameters. */
  Parameters parameters() {
    Session.Runner runner = session.runner();
    variables.forEach(runner::fetch);
    List<Parameter> values = new ArrayList<>();
    try (Result result = runner.run()) {
      for (int i = 0; i < variables.size(); i++) {
        values.add(initial.list().get(i).withValues(TFRuntime.values((TFloat32) result.get(i))));
      }
    }
    return new Parameters(values);
  }

  /** A variable of {@code shape} whose value is fed once, by the load run, from {@code values}. */
  private Variable<TFloat32> loaded(String name, float[] values, long[] shape) {
    Variable<TFloat32> variable =
        tf.withName(name.replace('/', '_')).variable(Shape.of(shape), TFloat32.class);
    Placeholder<TFloat32> value =
        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
    loads.add(tf.assign(variable, value));
    loadFeeds.put(value, TFRuntime.tensor(values, shape));
    return variable;
  }

  /**
   * One step of PyTorch's Adam (or AdamW). TensorFlow's ApplyAdam adds epsilon to sqrt(v) before
   * the bias correction, which amounts to epsilon / sqrt(1 - beta2^t) after it; PyTorch adds it
   * after. Passing epsilon * sqrt(1 - beta2^t) to ApplyAdam gives PyTorch's update, which matters
   * for small gradients: for a gradient of 1e-8 the first step is 5e-4 in PyTorch and 3e-5 with
   * TensorFlow's epsilon.
   */
  private Op adamStep(float learningRate, float weightDecay) {
    Output<?>[] targets = variables.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
    Output<?>[] gradients = graph.addGradients(batchLoss.asOutput(), targets);

    Variable<TFloat32> beta1Power =
        loaded("adam/beta1_power", new float[] {AdamTrainer.BETA1}, new long[0]);
    Variable<TFloat32> beta2Power =
        loaded("adam/beta2_power", new float[] {AdamTrainer.BETA2}, new long[0]);

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
      for (Variable<TFloat32> variable : variables) {
        decays.add(afterGradients.assign(variable, afterGradients.math.mul(variable, keep)));
      }
      afterDecay = tf.withControlDependencies(decays);
    }
    Operand<TFloat32> epsilon =
        tf.math.mul(
            tf.constant(AdamTrainer.EPSILON),
            tf.math.sqrt(tf.math.sub(tf.constant(1f), beta2Power)));
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Parameter p = initial.list().get(i);
      float[] zeros = new float[p.values().length];
      Variable<TFloat32> m = loaded("adam/m/" + p.name(), zeros, p.shape());
      Variable<TFloat32> v = loaded("adam/v/" + p.name(), zeros, p.shape());
      @SuppressWarnings("unchecked")
      Operand<TFloat32> gradient = (Operand<TFloat32>) gradients[i];
      updates.add(
          afterDecay.train.applyAdam(
              variables.get(i),
              m,
              v,
              beta1Power,
              beta2Power,
              tf.constant(learningRate),
              tf.constant(AdamTrainer.BETA1),
              tf.constant(AdamTrainer.BETA2),
              epsilon,
              gradient));
    }
    Ops afterUpdates = tf.withControlDependencies(updates);
    List<Op> powers =
        List.of(
            afterUpdates.assign(
                beta1Power, afterUpdates.math.mul(beta1Power, tf.constant(AdamTrainer.BETA1))),
            afterUpdates.assign(
                beta2Power, afterUpdates.math.mul(beta2Power, tf.constant(AdamTrainer.BETA2))));
    return tf.withControlDependencies(powers).noOp();
  }

  private void closeLoadFeeds() {
    loadFeeds.values().forEach(Tensor::close);
    loadFeeds.clear();
  }

  /** Closes the session and the graph, and the initial values if they were never loaded. */
  @Override
  public void close() {
    if (session != null) {
      session.close();
    }
    closeLoadFeeds();
    graph.close();
  }
}
