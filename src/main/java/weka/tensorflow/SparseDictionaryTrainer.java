package weka.tensorflow;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.tensorflow.op.core.ReduceMin;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Trains a sparse dictionary (a sparse autoencoder) with Adam in one TensorFlow graph:
 *
 * <pre>
 *   x_c = x - b_d;  pre = x_c W_e + b_e;  f = ReLU(pre);  x_hat = f W_d + b_d
 * </pre>
 *
 * with {@code W_e [n, K]}, {@code b_e [K]}, {@code W_d [K, n]} (row k is feature k's direction) and
 * {@code b_d [n]}. Two sparsity modes:
 *
 * <ul>
 *   <li>L1 ({@code topK == 0}): loss = mean squared error + lambda * sum_k f_k;
 *   <li>top-k: only the k largest pre-activations of a row are kept, no L1; an auxiliary loss (Gao
 *       et al. 2024) lets the {@code auxK} largest dead features of each row reconstruct the
 *       residual, so that dead features get a gradient again. Which features are dead is fed at
 *       every step, from the counts the caller keeps.
 * </ul>
 *
 * Every decoder row is kept at unit norm: the gradient's component along the row is removed before
 * Adam's step and the row is rescaled after it (Bricken et al. 2023), so that the L1 penalty cannot
 * be dodged by shrinking f and growing W_d.
 *
 * <p>The data are fed by reference to every step, as in {@link AdamTrainer}; each step feeds the
 * row indices of its mini-batch. The Adam update is {@link AdamTrainer}'s ({@link AdamUpdate}), so
 * that the same inputs give bit-identical weights. {@link #state} and {@link #restore} read and
 * write every variable, the Adam moments included, which is how dead features are resampled with
 * their Adam state reset.
 *
 * <p>Owns its graph and session; close it to release them.
 */
public final class SparseDictionaryTrainer implements AutoCloseable {

  public static final String ENCODER = "encoder/kernel";
  public static final String ENCODER_BIAS = "encoder/bias";
  public static final String DECODER = "decoder/kernel";
  public static final String DECODER_BIAS = "decoder/bias";

  /** The Adam moments of parameter {@code name} in {@link #state}. */
  public static String firstMoment(String name) {
    return AdamUpdate.firstMoment(name);
  }

  public static String secondMoment(String name) {
    return AdamUpdate.secondMoment(name);
  }

  /**
   * How the dictionary is trained.
   *
   * @param topK features kept per row; 0 for the L1 mode
   * @param l1 the L1 coefficient lambda (L1 mode only)
   * @param auxK dead features that reconstruct the residual (top-k mode; 0: no auxiliary loss)
   * @param auxCoefficient the auxiliary loss's weight
   * @param threads threads within operations; 0 lets TensorFlow choose
   */
  public record Settings(
      int topK, float l1, int auxK, float auxCoefficient, float learningRate, int threads) {}

  /**
   * One step's figures, before its update.
   *
   * @param loss the batch's weighted loss
   * @param squaredError the batch's sum over rows of ||x - x_hat||^2 (unweighted)
   * @param activeRows for each feature, the rows of the batch where it fired
   */
  public record Step(float loss, float squaredError, float[] activeRows) {}

  private final Graph graph;
  private final Session session;
  private final int features;
  private final List<Parameter> parameterShapes = new ArrayList<>();
  private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
  private final Map<String, Placeholder<TFloat32>> restoreValues = new LinkedHashMap<>();
  private final List<Op> restores = new ArrayList<>();
  private final FedData dataFeeds = new FedData();
  private final Placeholder<TInt32> batchRows;
  private final Placeholder<TFloat32> deadMask;
  private final Operand<TFloat32> batchLoss;

  /** The loss with Gao et al.'s auxiliary term, and its step; null without one. */
  private final Operand<TFloat32> batchLossWithAux;

  private final Op stepWithAux;
  private final Operand<TFloat32> batchSquaredError;
  private final Operand<TFloat32> rowSquaredError;
  private final Operand<TFloat32> activeRows;
  private final Op step;

  /**
   * Builds the graph and loads the data and the initial parameters into it.
   *
   * @param initial {@link #ENCODER}, {@link #ENCODER_BIAS}, {@link #DECODER}, {@link #DECODER_BIAS}
   */
  public SparseDictionaryTrainer(Parameters initial, TrainingData data, Settings settings) {
    if (data.rows() == 0 || data.numInputs() == 0) {
      throw new IllegalArgumentException(
          "Training needs at least one row and one input column, got "
              + data.rows()
              + " x "
              + data.numInputs());
    }
    initial.requireNoEmptyDimension();
    int n = data.numInputs();
    features = (int) initial.get(ENCODER_BIAS).shape()[0];
    if (settings.topK() < 0 || settings.topK() > features) {
      throw new IllegalArgumentException(
          "k must be between 1 and the " + features + " features, got " + settings.topK());
    }
    if (settings.auxK() < 0 || settings.auxK() > features) {
      throw new IllegalArgumentException(
          "the auxiliary k must be between 0 and the " + features + " features");
    }
    graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      for (String name : List.of(ENCODER, ENCODER_BIAS, DECODER, DECODER_BIAS)) {
        parameterShapes.add(initial.get(name));
        variable(tf, name, initial.get(name).shape());
      }
      Operand<TFloat32> weights = dataFeeds.fed(tf, data.weights(), data.rows());
      batchRows = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      deadMask = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(features)));
      Operand<TInt32> axis0 = tf.constant(0);
      Operand<TInt32> axis1 = tf.constant(1);
      Operand<TFloat32> x = dataFeeds.inputs(tf, data, batchRows);
      Operand<TFloat32> w = tf.gather(weights, batchRows, axis0);

      Operand<TFloat32> pre =
          tf.math.add(
              tf.linalg.matMul(tf.math.sub(x, variables.get(DECODER_BIAS)), variables.get(ENCODER)),
              variables.get(ENCODER_BIAS));
      Operand<TFloat32> f =
          settings.topK() == 0 ? tf.nn.relu(pre) : keepLargest(tf, pre, settings.topK());
      Operand<TFloat32> xHat =
          tf.math.add(tf.linalg.matMul(f, variables.get(DECODER)), variables.get(DECODER_BIAS));
      Operand<TFloat32> residual = tf.math.sub(x, xHat);
      rowSquaredError = tf.sum(tf.math.square(residual), axis1);
      Operand<TFloat32> rowLoss = tf.math.div(rowSquaredError, tf.constant((float) n));
      if (settings.topK() == 0) {
        rowLoss = tf.math.add(rowLoss, tf.math.mul(tf.constant(settings.l1()), tf.sum(f, axis1)));
      }
      batchLoss = weightedMean(tf, w, rowLoss);
      batchSquaredError = tf.sum(rowSquaredError, axis0);
      activeRows =
          tf.sum(tf.dtypes.cast(tf.math.greater(f, tf.constant(0f)), TFloat32.class), axis0);
      AdamUpdate adam = createAdamState(tf);
      step = adam.step(graph, tf, batchLoss, settings.learningRate(), 0);
      if (settings.topK() > 0 && settings.auxK() > 0) {
        // a step of its own, run only while some feature is dead: with none, the auxiliary term
        // adds exact zeros to every gradient, but costs three more matrix products and a top-k
        Operand<TFloat32> aux =
            tf.math.mul(
                tf.constant(settings.auxCoefficient()),
                auxiliaryLoss(tf, pre, residual, settings.auxK(), n));
        batchLossWithAux = weightedMean(tf, w, tf.math.add(rowLoss, aux));
        stepWithAux = adam.step(graph, tf, batchLossWithAux, settings.learningRate(), 0);
      } else {
        batchLossWithAux = null;
        stepWithAux = null;
      }
      session = TFRuntime.openSession(graph, settings.threads());
    } catch (RuntimeException e) {
      dataFeeds.close();
      graph.close();
      throw e;
    }
    try {
      Map<String, float[]> state = new LinkedHashMap<>();
      for (Parameter p : parameterShapes) {
        state.put(p.name(), initial.get(p.name()).values());
        state.put(firstMoment(p.name()), new float[p.values().length]);
        state.put(secondMoment(p.name()), new float[p.values().length]);
      }
      state.put(AdamUpdate.BETA1_POWER, new float[] {AdamTrainer.BETA1});
      state.put(AdamUpdate.BETA2_POWER, new float[] {AdamTrainer.BETA2});
      restore(state);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * ReLU of the {@code k} largest pre-activations of each row, 0 elsewhere. Which entries are kept
   * is a mask through which no gradient flows (the gradient reaches the kept entries only).
   */
  private static Operand<TFloat32> keepLargest(Ops tf, Operand<TFloat32> pre, int k) {
    return tf.math.mul(tf.nn.relu(pre), largestMask(tf, pre, k));
  }

  /** 1 where an entry is among its row's {@code k} largest, else 0; no gradient. */
  private static Operand<TFloat32> largestMask(Ops tf, Operand<TFloat32> values, int k) {
    Operand<TFloat32> kth =
        tf.reduceMin(
            tf.nn.topK(values, tf.constant(k), new org.tensorflow.op.nn.TopK.Options[0]).values(),
            tf.constant(1),
            ReduceMin.keepDims(true));
    return tf.stopGradient(tf.dtypes.cast(tf.math.greaterEqual(values, kth), TFloat32.class));
  }

  /**
   * Gao et al.'s auxiliary loss: the {@code auxK} largest pre-activations among the dead features
   * reconstruct the main reconstruction's residual (no gradient into the residual), as the mean
   * squared error over the inputs.
   */
  private Operand<TFloat32> auxiliaryLoss(
      Ops tf, Operand<TFloat32> pre, Operand<TFloat32> residual, int auxK, int n) {
    // live features pushed far below any dead one, so that top-k picks among the dead
    Operand<TFloat32> deadPre =
        tf.math.add(pre, tf.math.mul(tf.math.sub(deadMask, tf.constant(1f)), tf.constant(1e30f)));
    Operand<TFloat32> fAux =
        tf.math.mul(tf.math.mul(tf.nn.relu(pre), largestMask(tf, deadPre, auxK)), deadMask);
    Operand<TFloat32> error =
        tf.math.sub(tf.linalg.matMul(fAux, variables.get(DECODER)), tf.stopGradient(residual));
    return tf.math.div(tf.sum(tf.math.square(error), tf.constant(1)), tf.constant((float) n));
  }

  private Variable<TFloat32> variable(Ops tf, String name, long[] shape) {
    Variable<TFloat32> variable =
        tf.withName(name.replace('/', '_')).variable(Shape.of(shape), TFloat32.class);
    Placeholder<TFloat32> value =
        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
    restores.add(tf.assign(variable, value));
    restoreValues.put(name, value);
    variables.put(name, variable);
    return variable;
  }

  /** The weighted mean over the batch's rows. */
  private static Operand<TFloat32> weightedMean(
      Ops tf, Operand<TFloat32> weights, Operand<TFloat32> rowValues) {
    Operand<TInt32> rows = tf.constant(0);
    return tf.math.div(tf.sum(tf.math.mul(weights, rowValues), rows), tf.sum(weights, rows));
  }

  /**
   * Adam's beta powers and each parameter's moments, shared by every step of the trainer, and its
   * update: the decoder's gradient is first made orthogonal to its unit rows, and its rows are
   * rescaled to unit norm after Adam's step.
   */
  private AdamUpdate createAdamState(Ops tf) {
    Variable<TFloat32> beta1Power = variable(tf, AdamUpdate.BETA1_POWER, new long[0]);
    Variable<TFloat32> beta2Power = variable(tf, AdamUpdate.BETA2_POWER, new long[0]);
    List<AdamUpdate.Slot> slots = new ArrayList<>();
    for (Parameter p : parameterShapes) {
      slots.add(
          new AdamUpdate.Slot(
              variables.get(p.name()),
              variable(tf, firstMoment(p.name()), p.shape()),
              variable(tf, secondMoment(p.name()), p.shape()),
              p.name().equals(DECODER) ? UNIT_ROWS : null));
    }
    return new AdamUpdate(beta1Power, beta2Power, slots);
  }

  /** Unit decoder rows, so that the L1 penalty cannot be dodged by growing them. */
  private static final AdamUpdate.Constraint UNIT_ROWS =
      new AdamUpdate.Constraint() {
        @Override
        public Operand<TFloat32> project(
            Ops tf, Operand<TFloat32> gradient, Operand<TFloat32> value) {
          return withoutRowComponent(tf, gradient, value);
        }

        @Override
        public Operand<TFloat32> restore(Ops tf, Operand<TFloat32> value) {
          return unitRows(tf, value);
        }
      };

  /** {@code g - (g . d) d} row by row, for unit rows {@code d}. */
  private static Operand<TFloat32> withoutRowComponent(
      Ops tf, Operand<TFloat32> g, Operand<TFloat32> d) {
    Operand<TFloat32> along = tf.sum(tf.math.mul(g, d), tf.constant(1), Sum.keepDims(true));
    return tf.math.sub(g, tf.math.mul(along, d));
  }

  private static Operand<TFloat32> unitRows(Ops tf, Operand<TFloat32> d) {
    Operand<TFloat32> norm =
        tf.math.sqrt(tf.sum(tf.math.square(d), tf.constant(1), Sum.keepDims(true)));
    return tf.math.div(d, tf.math.maximum(norm, tf.constant(1e-12f)));
  }

  /**
   * One Adam step on the given rows.
   *
   * @param dead 1 for each feature the caller counts as dead, else 0: while any is, the step adds
   *     the auxiliary loss (top-k mode), whose value the step's loss then includes
   */
  public Step step(int[] rows, float[] dead) {
    boolean withAux = stepWithAux != null && anyDead(dead);
    try (TInt32 indices = TInt32.vectorOf(rows);
        TFloat32 deadFeatures = TFRuntime.tensor(dead, features)) {
      Session.Runner runner = dataFeeds.feedTo(session.runner());
      try (Result result =
          runner
              .feed(batchRows, indices)
              .feed(deadMask, deadFeatures)
              .addTarget(withAux ? stepWithAux : step)
              .fetch(withAux ? batchLossWithAux : batchLoss)
              .fetch(batchSquaredError)
              .fetch(activeRows)
              .run()) {
        return new Step(
            ((TFloat32) result.get(0)).getFloat(),
            ((TFloat32) result.get(1)).getFloat(),
            TFRuntime.values((TFloat32) result.get(2)));
      }
    }
  }

  private static boolean anyDead(float[] dead) {
    for (float d : dead) {
      if (d > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * ||x - x_hat||^2 of each of the given rows, with the current parameters; no update. The rows go
   * through the graph {@value #ROWS_PER_RUN} at a time: all of MNIST's 60,000 hidden activations in
   * one run held about 100 MB of intermediates (pre-activations, masks, codes: a few {@code [rows,
   * features]} floats) at once, two dictionaries training side by side twice that. Each row's error
   * depends on that row alone, so the chunks give the same figures, bit for bit.
   */
  public float[] squaredErrors(int[] rows) {
    return squaredErrors(rows, ROWS_PER_RUN);
  }

  /** Rows per session run of {@link #squaredErrors(int[])}: bounds the memory of one run. */
  static final int ROWS_PER_RUN = 4096;

  /** {@link #squaredErrors(int[])} with {@code rowsPerRun} rows per session run. */
  float[] squaredErrors(int[] rows, int rowsPerRun) {
    float[] errors = new float[rows.length];
    for (int from = 0; from < rows.length; from += rowsPerRun) {
      int to = Math.min(rows.length, from + rowsPerRun);
      try (TInt32 indices = TInt32.vectorOf(Arrays.copyOfRange(rows, from, to))) {
        Session.Runner runner = dataFeeds.feedTo(session.runner());
        try (Result result = runner.feed(batchRows, indices).fetch(rowSquaredError).run()) {
          float[] chunk = TFRuntime.values((TFloat32) result.get(0));
          System.arraycopy(chunk, 0, errors, from, chunk.length);
        }
      }
    }
    return errors;
  }

  public int features() {
    return features;
  }

  /** The four parameters' current values. */
  public Parameters parameters() {
    Map<String, float[]> state = state();
    return new Parameters(
        parameterShapes.stream().map(p -> p.withValues(state.get(p.name()))).toList());
  }

  /** Every variable's current value by name: the parameters, Adam's moments and beta powers. */
  public Map<String, float[]> state() {
    Session.Runner runner = session.runner();
    variables.values().forEach(runner::fetch);
    Map<String, float[]> values = new LinkedHashMap<>();
    try (Result result = runner.run()) {
      int i = 0;
      for (String name : variables.keySet()) {
        values.put(name, TFRuntime.values((TFloat32) result.get(i++)));
      }
    }
    return values;
  }

  /** Sets every variable from {@code state} (all of them, by the names {@link #state} gives). */
  public void restore(Map<String, float[]> state) {
    List<Tensor> tensors = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (Map.Entry<String, Placeholder<TFloat32>> entry : restoreValues.entrySet()) {
        float[] values = state.get(entry.getKey());
        if (values == null) {
          throw new IllegalArgumentException("No value for " + entry.getKey());
        }
        long[] shape = variables.get(entry.getKey()).shape().asArray();
        TFloat32 tensor = TFRuntime.tensor(values, shape);
        tensors.add(tensor);
        runner.feed(entry.getValue(), tensor);
      }
      restores.forEach(runner::addTarget);
      runner.run().close();
    } finally {
      tensors.forEach(Tensor::close);
    }
  }

  @Override
  public void close() {
    session.close();
    dataFeeds.close();
    graph.close();
  }
}
