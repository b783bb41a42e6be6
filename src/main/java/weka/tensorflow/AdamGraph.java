package weka.tensorflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
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
 * batch's loss ({@link AdamUpdate}), and the session that runs it. A trainer builds in two stages:
 * the constructor makes the variables, the trainer adds the ops that compute its batch's loss from
 * them ({@link #ops}, {@link #parameterSource}), and {@link #start} adds the update, opens the
 * session and loads the initial values.
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

  /** The Adam state, loaded with its initial values, and the update of {@link #batchLoss}. */
  private Op adamStep(float learningRate, float weightDecay) {
    Variable<TFloat32> beta1Power =
        loaded(AdamUpdate.BETA1_POWER, new float[] {AdamTrainer.BETA1}, new long[0]);
    Variable<TFloat32> beta2Power =
        loaded(AdamUpdate.BETA2_POWER, new float[] {AdamTrainer.BETA2}, new long[0]);
    List<AdamUpdate.Slot> slots = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Parameter p = initial.list().get(i);
      float[] zeros = new float[p.values().length];
      slots.add(
          new AdamUpdate.Slot(
              variables.get(i),
              loaded(AdamUpdate.firstMoment(p.name()), zeros, p.shape()),
              loaded(AdamUpdate.secondMoment(p.name()), zeros, p.shape()),
              null));
    }
    return new AdamUpdate(beta1Power, beta2Power, slots)
        .step(graph, tf, batchLoss, learningRate, weightDecay);
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
