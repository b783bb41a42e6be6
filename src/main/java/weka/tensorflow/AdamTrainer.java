package weka.tensorflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Trains a {@link Network}'s parameters with Adam (see {@link AdamGraph}) on mini-batches of rows
 * loaded into its TensorFlow graph once: each step feeds only the row indices of its mini-batch,
 * which the graph gathers. Coded inputs ({@link TrainingData.CodedInputs}) stay in Java instead:
 * each step decodes its rows and feeds their floats. The loss of a batch is the weighted mean of
 * the rows' losses (the plain mean when all weights are 1, as in PyTorch). A mini-batch whose rows
 * all have weight 0 has no defined loss (0 / 0); it is skipped, with no Adam step.
 *
 * <p>{@link FedBatchTrainer} takes the same update on batches fed afresh at every step instead.
 *
 * <p>Owns its graph and session; close it to release them.
 */
public final class AdamTrainer implements AutoCloseable {

  /** Adam's constants; PyTorch's defaults but the learning rate. */
  public static final float BETA1 = 0.9f;

  public static final float BETA2 = 0.999f;
  public static final float EPSILON = 1e-8f;

  private final AdamGraph adam;

  /** The row indices of a mini-batch, which the graph gathers from the loaded data. */
  private final Placeholder<TInt32> batchRows;

  /** The decoded inputs of a mini-batch's rows, for coded inputs; else null. */
  private final Placeholder<TFloat32> batchInputs;

  /** Coded inputs, decoded and fed for each mini-batch; null for float inputs. */
  private final TrainingData.CodedInputs codedInputs;

  /** The last mini-batch's decoded inputs, reused by the next (188 MB an epoch on MNIST). */
  private float[] decoded = new float[0];

  private final int numInputs;
  private final int rows;

  /** The training data's tensors, fed to every step; closed with the trainer. */
  private final FedData dataFeeds = new FedData();

  /** The rows' weights, to find mini-batches of weight 0 before they reach the graph. */
  private final float[] weights;

  private final float learningRate;

  /**
   * Builds the training graph and loads the data and the initial parameters into it.
   *
   * @param weightDecay AdamW's decoupled weight decay (see {@link AdamGraph#start}); 0 gives plain
   *     Adam
   * @param threads threads within and across operations; 0 lets TensorFlow choose
   */
  public AdamTrainer(
      Network network,
      Parameters initial,
      TrainingData data,
      float learningRate,
      float weightDecay,
      int threads) {
    if (data.rows() == 0 || data.numInputs() == 0) {
      throw new IllegalArgumentException(
          "Training needs at least one row and one input column, "
              + "got "
              + data.rows()
              + " x "
              + data.numInputs());
    }
    this.rows = data.rows();
    this.weights = data.weights().clone();
    this.codedInputs = data.codedInputs();
    this.numInputs = data.numInputs();
    this.learningRate = learningRate;
    this.adam = new AdamGraph(initial);
    try {
      Ops tf = adam.ops();
      Operand<TFloat32> targets =
          data.targets() == null
              ? null
              : dataFeeds.fed(tf, data.targets(), rows, data.numTargets());
      Operand<TFloat32> weights = dataFeeds.fed(tf, data.weights(), rows);
      batchRows = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      Operand<TInt32> axis0 = tf.constant(0);
      Operand<TFloat32> x;
      if (codedInputs == null) {
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
      Operand<TFloat32> rowLoss = network.rowLoss(tf, x, y, adam.parameterSource());
      Operand<TInt32> allRows = tf.constant(new int[] {0});
      adam.start(
          tf.math.div(tf.sum(tf.math.mul(w, rowLoss), allRows), tf.sum(w, allRows)),
          learningRate,
          weightDecay,
          threads);
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

  /**
   * One Adam step on the given rows.
   *
   * @return the batch's loss before the step
   */
  public float step(int[] batch) {
    try (TInt32 indices = TInt32.vectorOf(batch);
        TFloat32 inputs = codedInputs == null ? null : decodedInputs(batch)) {
      Session.Runner runner = dataFeeds.feedTo(adam.runner()).feed(batchRows, indices);
      if (inputs != null) {
        runner.feed(batchInputs, inputs);
      }
      return adam.step(runner);
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
    return adam.parameters();
  }

  @Override
  public void close() {
    adam.close();
    dataFeeds.close();
  }
}
