package weka.tensorflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.tensorflow.types.TInt32;

/**
 * Trains a {@link Network}'s parameters with Adam on mini-batches, in one TensorFlow graph.
 *
 * <p>The training data are loaded into the session once; each step feeds only the row indices of
 * its mini-batch, which the graph gathers. Coded inputs ({@link TrainingData.CodedInputs}) stay in
 * Java instead: each step decodes its rows and feeds their floats. The loss of a batch is the
 * weighted mean of the rows' losses (the plain mean when all weights are 1, as in PyTorch). A
 * mini-batch whose rows all have weight 0 has no defined loss (0 / 0); it is skipped, with no Adam
 * step.
 *
 * <p>A trainer made by {@link #forFedBatches} holds no data: each {@link #stepOn} feeds the values
 * of a fresh batch (as the paper's code draws synthetic features at every step), and the loss of a
 * batch is the plain mean of its rows' losses.
 *
 * <p>The update is PyTorch's Adam (the seed's optimizer), or AdamW with a weight decay. Adam is
 * built by hand rather than taken from tensorflow-framework, whose beta-power updates race its
 * ApplyAdam ops: here every ApplyAdam waits for all gradients, and the beta powers are updated
 * after every ApplyAdam, so the same data, order and initial weights give bit-identical weights on
 * every run.
 *
 * <p>Owns its graph and session; close it to release them.
 */
public final class AdamTrainer implements AutoCloseable {

  /** Adam's constants; PyTorch's defaults but the learning rate. */
  public static final float BETA1 = 0.9f;

  public static final float BETA2 = 0.999f;
  public static final float EPSILON = 1e-8f;

  private final Graph graph;
  private final Session session;
  private final Parameters initial;
  private final List<Variable<TFloat32>> variables = new ArrayList<>();

  /** The row indices of a batch of loaded data; null for a trainer of fed batches. */
  private final Placeholder<TInt32> batchRows;

  /**
   * The values of a fed batch: of every batch for a trainer of fed batches, of the rows of each
   * mini-batch for coded inputs; else null.
   */
  private final Placeholder<TFloat32> batchInputs;

  /** Coded inputs, decoded and fed for each mini-batch; null for float inputs. */
  private final TrainingData.CodedInputs codedInputs;

  /** The last mini-batch's decoded inputs, reused by the next (188 MB an epoch on MNIST). */
  private float[] decoded = new float[0];

  private final int numInputs;
  private final Operand<TFloat32> batchLoss;
  private final Op step;
  private final int rows;

  /** The training data's tensors, fed to every step of loaded data; closed with the trainer. */
  private final FedData dataFeeds = new FedData();

  /** The rows' weights, to find mini-batches of weight 0 before they reach the graph. */
  private final float[] weights;

  private final float learningRate;

  /**
   * Builds the training graph and loads the data and the initial parameters into it.
   *
   * @param weightDecay AdamW's decoupled weight decay, as PyTorch's AdamW applies it: every
   *     parameter is multiplied by {@code 1 - learningRate * weightDecay} before its Adam step; 0
   *     gives plain Adam
   * @param threads threads within and across operations; 0 lets TensorFlow choose
   */
  public AdamTrainer(
      Network network,
      Parameters initial,
      TrainingData data,
      float learningRate,
      float weightDecay,
      int threads) {
    this(network, initial, data, data.numInputs(), learningRate, weightDecay, threads);
  }

  /**
   * A trainer of a network that reconstructs its input, fed a fresh batch at every step ({@link
   * #stepOn}); the same update as the constructor's, with no data loaded into the graph.
   *
   * @param numInputs the number of input columns of every batch
   */
  public static AdamTrainer forFedBatches(
      Network network,
      Parameters initial,
      int numInputs,
      float learningRate,
      float weightDecay,
      int threads) {
    if (numInputs < 1) {
      throw new IllegalArgumentException("Training needs at least one input column");
    }
    return new AdamTrainer(network, initial, null, numInputs, learningRate, weightDecay, threads);
  }

  /** {@code data} null: fed batches of {@code numInputs} columns; else the data, loaded once. */
  private AdamTrainer(
      Network network,
      Parameters initial,
      TrainingData data,
      int numInputs,
      float learningRate,
      float weightDecay,
      int threads) {
    if (data != null && (data.rows() == 0 || data.numInputs() == 0)) {
      throw new IllegalArgumentException(
          "Training needs at least one row and one input column, "
              + "got "
              + data.rows()
              + " x "
              + data.numInputs());
    }
    initial.requireNoEmptyDimension();
    this.initial = initial;
    this.rows = data == null ? 0 : data.rows();
    this.weights = data == null ? new float[0] : data.weights().clone();
    this.codedInputs = data == null ? null : data.codedInputs();
    this.numInputs = numInputs;
    this.learningRate = learningRate;
    this.graph = new Graph();
    Map<Placeholder<?>, Tensor> loadFeeds = new LinkedHashMap<>();
    List<Op> loads = new ArrayList<>();
    try {
      Ops tf = Ops.create(graph);

      Map<String, Operand<TFloat32>> parameters = new LinkedHashMap<>();
      for (Parameter p : initial.list()) {
        Variable<TFloat32> variable = loaded(tf, p.name(), p.values(), p.shape(), loads, loadFeeds);
        variables.add(variable);
        parameters.put(p.name(), variable);
      }
      if (data == null) {
        batchRows = null;
        batchInputs = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, numInputs)));
        Operand<TFloat32> rowLoss = network.rowLoss(tf, batchInputs, batchInputs, parameters::get);
        batchLoss = tf.math.mean(rowLoss, tf.constant(new int[] {0}));
      } else {
        Operand<TFloat32> targets =
            data.targets() == null
                ? null
                : dataFeeds.fed(tf, data.targets(), rows, data.numTargets());
        Operand<TFloat32> weights = dataFeeds.fed(tf, data.weights(), rows);
        batchRows = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        Operand<TInt32> axis0 = tf.constant(0);
        Operand<TFloat32> x;
        if (data.codedInputs() == null) {
          batchInputs = null;
          x = dataFeeds.inputs(tf, data, batchRows);
        } else {
          // decoding a mini-batch in Java took a third of the time the graph's element-wise
          // gathers from the codes and their table took (0.2 s more per MNIST epoch than floats)
          batchInputs = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, numInputs)));
          x = batchInputs;
        }
        Operand<TFloat32> y = targets == null ? x : tf.gather(targets, batchRows, axis0);
        Operand<TFloat32> w = tf.gather(weights, batchRows, axis0);
        Operand<TFloat32> rowLoss = network.rowLoss(tf, x, y, parameters::get);
        Operand<TInt32> allRows = tf.constant(new int[] {0});
        batchLoss = tf.math.div(tf.sum(tf.math.mul(w, rowLoss), allRows), tf.sum(w, allRows));
      }

      step = adamStep(tf, learningRate, weightDecay, loads, loadFeeds);
      session = TFRuntime.openSession(graph, threads);
    } catch (RuntimeException e) {
      loadFeeds.values().forEach(Tensor::close);
      dataFeeds.close();
      graph.close();
      throw e;
    }
    try {
      runLoads(loads, loadFeeds);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Throws, naming the first problem in words a user can act on, unless the settings of a training
   * run make sense; the learners check their options here before any graph is built.
   */
  public static void checkSettings(
      int epochs, int miniBatchSize, double learningRate, int threads) {
    String problem =
        epochs < 0
            ? "the number of epochs must not be negative"
            : miniBatchSize < 1
                ? "the mini-batch size must be at least 1"
                : !(learningRate > 0) || Double.isInfinite(learningRate)
                    ? "the learning rate must be a positive number"
                    : threads < 0 ? "the number of threads must not be negative" : null;
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** A variable of {@code shape} whose value is fed once, by the load run, from {@code values}. */
  private static Variable<TFloat32> loaded(
      Ops tf,
      String name,
      float[] values,
      long[] shape,
      List<Op> loads,
      Map<Placeholder<?>, Tensor> loadFeeds) {
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
  private Op adamStep(
      Ops tf,
      float learningRate,
      float weightDecay,
      List<Op> loads,
      Map<Placeholder<?>, Tensor> loadFeeds) {
    Output<?>[] targets = variables.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
    Output<?>[] gradients = graph.addGradients(batchLoss.asOutput(), targets);

    Variable<TFloat32> beta1Power =
        loaded(tf, "adam/beta1_power", new float[] {BETA1}, new long[0], loads, loadFeeds);
    Variable<TFloat32> beta2Power =
        loaded(tf, "adam/beta2_power", new float[] {BETA2}, new long[0], loads, loadFeeds);

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
        tf.math.mul(tf.constant(EPSILON), tf.math.sqrt(tf.math.sub(tf.constant(1f), beta2Power)));
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Parameter p = initial.list().get(i);
      float[] zeros = new float[p.values().length];
      Variable<TFloat32> m = loaded(tf, "adam/m/" + p.name(), zeros, p.shape(), loads, loadFeeds);
      Variable<TFloat32> v = loaded(tf, "adam/v/" + p.name(), zeros, p.shape(), loads, loadFeeds);
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
              tf.constant(BETA1),
              tf.constant(BETA2),
              epsilon,
              gradient));
    }
    Ops afterUpdates = tf.withControlDependencies(updates);
    List<Op> powers =
        List.of(
            afterUpdates.assign(beta1Power, afterUpdates.math.mul(beta1Power, tf.constant(BETA1))),
            afterUpdates.assign(beta2Power, afterUpdates.math.mul(beta2Power, tf.constant(BETA2))));
    return tf.withControlDependencies(powers).noOp();
  }

  private void runLoads(List<Op> loads, Map<Placeholder<?>, Tensor> loadFeeds) {
    try {
      Session.Runner runner = session.runner();
      loadFeeds.forEach(runner::feed);
      loads.forEach(runner::addTarget);
      runner.run().close();
    } finally {
      loadFeeds.values().forEach(Tensor::close);
    }
  }

  /**
   * One Adam step on the given rows.
   *
   * @return the batch's loss before the step
   */
  public float step(int[] batch) {
    requireLoaded(true);
    try (TInt32 indices = TInt32.vectorOf(batch);
        TFloat32 inputs = codedInputs == null ? null : decodedInputs(batch)) {
      Session.Runner runner = dataFeeds.feedTo(session.runner()).feed(batchRows, indices);
      if (inputs != null) {
        runner.feed(batchInputs, inputs);
      }
      try (Result result = runner.addTarget(step).fetch(batchLoss).run()) {
        return ((TFloat32) result.get(0)).getFloat();
      }
    }
  }

  /** The coded inputs of {@code batch} as a tensor. */
  private TFloat32 decodedInputs(int[] batch) {
    int values = batch.length * numInputs;
    if (decoded.length != values) {
      decoded = new float[values];
    }
    return TFRuntime.tensor(codedInputs.decode(batch, numInputs, decoded), batch.length, numInputs);
  }

  /**
   * One Adam step on a fed batch: {@code values} holds its rows, row-major, {@code numInputs}
   * values each (a trainer made by {@link #forFedBatches}).
   *
   * @return the batch's loss before the step
   * @throws IllegalStateException if the loss becomes NaN or infinite
   */
  public float stepOn(float[] values) {
    requireLoaded(false);
    if (values.length == 0 || values.length % numInputs != 0) {
      throw new IllegalArgumentException(
          "A batch needs whole rows of " + numInputs + " values, got " + values.length);
    }
    float loss;
    try (TFloat32 batch = TFRuntime.tensor(values, values.length / numInputs, numInputs);
        Result result =
            session.runner().feed(batchInputs, batch).addTarget(step).fetch(batchLoss).run()) {
      loss = ((TFloat32) result.get(0)).getFloat();
    }
    if (!Float.isFinite(loss)) {
      throw new IllegalStateException(
          String.format(
              "The training loss became %s at learning rate %s: lower the learning rate",
              loss, learningRate));
    }
    return loss;
  }

  private void requireLoaded(boolean loaded) {
    if ((batchRows != null) != loaded) {
      throw new IllegalStateException(
          loaded
              ? "This trainer holds no data: feed batches with stepOn"
              : "This trainer trains on loaded data: give row indices to step");
    }
  }

  /**
   * One pass over all rows in a random order (a fresh permutation from {@code random}), one Adam
   * step per mini-batch of {@code batchSize} rows; the last batch may be smaller.
   *
   * @return the mean of the batches' losses, each weighted by its number of rows; batches of weight
   *     0 are skipped and do not count; NaN when every batch was skipped
   * @throws InterruptedException if the thread is interrupted (the Explorer's Stop button); the
   *     check is made before each mini-batch
   * @throws IllegalStateException if the loss becomes NaN or infinite
   */
  public double epoch(int batchSize, Random random) throws InterruptedException {
    requireLoaded(true);
    int[] order = permutation(rows, random);
    double lossSum = 0;
    int rowsTrained = 0;
    for (int start = 0, batch = 1; start < rows; start += batchSize, batch++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("Training stopped");
      }
      int[] indices = Arrays.copyOfRange(order, start, Math.min(rows, start + batchSize));
      if (!hasWeight(indices)) {
        continue;
      }
      float loss = step(indices);
      if (!Float.isFinite(loss)) {
        throw new IllegalStateException(
            String.format(
                "The training loss became %s in mini-batch "
                    + "%d at learning rate %s: lower the learning rate (or check the data for extreme "
                    + "values)",
                loss, batch, learningRate));
      }
      lossSum += (double) loss * indices.length;
      rowsTrained += indices.length;
    }
    return rowsTrained == 0 ? Double.NaN : lossSum / rowsTrained;
  }

  private boolean hasWeight(int[] batch) {
    for (int row : batch) {
      if (weights[row] > 0) {
        return true;
      }
    }
    return false;
  }

  /** Told of every finished epoch, while the trainer still holds that epoch's parameters. */
  @FunctionalInterface
  public interface EpochListener {
    void epochDone(EpochRecord record, AdamTrainer trainer) throws Exception;
  }

  /**
   * Trains for {@code epochs} epochs (see {@link #epoch}), telling {@code listener} after each.
   *
   * @return one record per epoch
   */
  public List<EpochRecord> train(int epochs, int batchSize, Random random, EpochListener listener)
      throws Exception {
    List<EpochRecord> history = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      long start = System.nanoTime();
      double loss = epoch(batchSize, random);
      EpochRecord record = new EpochRecord(e, loss, (System.nanoTime() - start) / 1e9);
      history.add(record);
      listener.epochDone(record, this);
    }
    return history;
  }

  /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
  public static int[] permutation(int n, Random random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  public int rows() {
    return rows;
  }

  /** The current values of the parameters. */
  public Parameters parameters() {
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

  @Override
  public void close() {
    session.close();
    dataFeeds.close();
    graph.close();
  }
}
