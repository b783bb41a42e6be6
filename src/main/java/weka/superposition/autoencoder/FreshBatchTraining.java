package weka.superposition.autoencoder;

import java.util.Random;
import weka.superposition.analysis.AutoencoderWeights;
import weka.tensorflow.FedBatchTrainer;
import weka.tensorflow.Parameters;

/**
 * Training as the paper's code does it: a fresh batch of synthetic features at every step, the loss
 * reduced as the mean over the batch and the features, and AdamW. One TensorFlow thread per run, so
 * that many runs can go side by side.
 */
public final class FreshBatchTraining {

  private FreshBatchTraining() {}

  /** Draws a batch: {@code rows} rows of the features, row-major. */
  @FunctionalInterface
  public interface Batches {
    float[] next(int rows);
  }

  /**
   * A trained model.
   *
   * @param finalLoss the mean loss of the last 1 % of the steps (at least one), before each step
   */
  public record Result(AutoencoderWeights weights, double finalLoss) {}

  /**
   * Trains the toy model of {@code bottleneck} dimensions from initial weights drawn from {@code
   * random}, on batches from {@code batches}.
   *
   * @param importance the toy model's importance I_i of each feature
   * @throws InterruptedException if the thread is interrupted (checked before every step)
   * @throws IllegalStateException if the loss becomes NaN or infinite
   */
  public static Result train(
      int bottleneck, float[] importance, ToyTraining training, Random random, Batches batches)
      throws InterruptedException {
    int n = importance.length;
    ModelType type = ModelType.TOY;
    Parameters initial = type.initialParameters(n, bottleneck, random);
    int last = Math.max(1, training.steps() / 100);
    double lossSum = 0;
    Parameters trained;
    try (FedBatchTrainer trainer =
        new FedBatchTrainer(
            type.network(importance, true),
            initial,
            n,
            (float) training.learningRate(),
            (float) training.weightDecay(),
            1)) {
      for (int step = 0; step < training.steps(); step++) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("Training stopped");
        }
        float loss = trainer.stepOn(batches.next(training.batchSize()));
        if (step >= training.steps() - last) {
          lossSum += loss;
        }
      }
      trained = trainer.parameters();
    }
    return new Result(
        type.weights(trained, n, bottleneck),
        training.steps() == 0 ? Double.NaN : lossSum / Math.min(last, training.steps()));
  }
}
