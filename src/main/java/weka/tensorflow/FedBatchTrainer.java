package weka.tensorflow;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Trains a network that reconstructs its input with Adam (see {@link AdamGraph}) on batches fed
 * afresh at every step, as the paper's code draws synthetic features at every step: it holds no
 * data, and the loss of a batch is the plain mean of its rows' losses. {@link AdamTrainer} takes
 * the same update on rows loaded into the graph instead.
 *
 * <p>Owns its graph and session; close it to release them.
 */
public final class FedBatchTrainer implements AutoCloseable {

  private final AdamGraph adam;

  /** The rows of a batch, {@code [rows, numInputs]}. */
  private final Placeholder<TFloat32> batch;

  private final int numInputs;
  private final float learningRate;

  /**
   * Builds the training graph and loads the initial parameters into it.
   *
   * @param numInputs the number of input columns of every batch
   * @param weightDecay AdamW's decoupled weight decay (see {@link AdamGraph#start}); 0 gives plain
   *     Adam
   * @param threads threads within and across operations; 0 lets TensorFlow choose
   */
  public FedBatchTrainer(
      Network network,
      Parameters initial,
      int numInputs,
      float learningRate,
      float weightDecay,
      int threads) {
    if (numInputs < 1) {
      throw new IllegalArgumentException("Training needs at least one input column");
    }
    this.numInputs = numInputs;
    this.learningRate = learningRate;
    this.adam = new AdamGraph(initial);
    try {
      Ops tf = adam.ops();
      batch = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, numInputs)));
      Operand<TFloat32> rowLoss = network.rowLoss(tf, batch, batch, adam.parameterSource());
      adam.start(
          tf.math.mean(rowLoss, tf.constant(new int[] {0})), learningRate, weightDecay, threads);
    } catch (RuntimeException e) {
      adam.close();
      throw e;
    }
  }

  /**
   * One Adam step on a batch: {@code values} holds its rows, row-major, {@code numInputs} values
   * each.
   *
   * @return the batch's loss before the step
   * @throws IllegalStateException if the loss becomes NaN or infinite
   */
  public float stepOn(float[] values) {
    if (values.length == 0 || values.length % numInputs != 0) {
      throw new IllegalArgumentException(
          "A batch needs whole rows of " + numInputs + " values, got " + values.length);
    }
    float loss;
    try (TFloat32 rows = TFRuntime.tensor(values, values.length / numInputs, numInputs)) {
      loss = adam.step(adam.runner().feed(batch, rows));
    }
    if (!Float.isFinite(loss)) {
      throw new IllegalStateException(
          String.format(
              "The training loss became %s at learning rate %s: lower the learning rate",
              loss, learningRate));
    }
    return loss;
  }

  /** The current values of the parameters. */
  public Parameters parameters() {
    return adam.parameters();
  }

  @Override
  public void close() {
    adam.close();
  }
}
