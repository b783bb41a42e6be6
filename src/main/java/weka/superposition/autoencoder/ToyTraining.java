package weka.superposition.autoencoder;

import java.io.Serializable;
import weka.tensorflow.AdamTrainer;

/**
 * How a toy model is trained: {@code steps} AdamW steps, each on a fresh batch of {@code batchSize}
 * rows.
 *
 * @param weightDecay AdamW's decoupled weight decay; 0 gives Adam
 */
public record ToyTraining(int steps, int batchSize, double learningRate, double weightDecay)
    implements Serializable {

  /** The paper's training: 10,000 steps of 1024 fresh rows, learning rate 0.001, AdamW 0.01. */
  public static final ToyTraining PAPER = new ToyTraining(10_000, 1024, 0.001, 0.01);

  public ToyTraining {
    AdamTrainer.checkSettings(steps, batchSize, learningRate, 1);
    if (!(weightDecay >= 0) || learningRate * weightDecay >= 1) {
      throw new IllegalArgumentException(
          "the weight decay must be at least 0 and below 1 / learning rate, not " + weightDecay);
    }
  }

  /** This training with {@code steps} steps. */
  public ToyTraining withSteps(int steps) {
    return new ToyTraining(steps, batchSize, learningRate, weightDecay);
  }
}
