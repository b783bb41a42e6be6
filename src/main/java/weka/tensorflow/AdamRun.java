package weka.tensorflow;

import java.io.Serializable;

/**
 * How long and how an Adam run over a data set goes: {@code epochs} passes in mini-batches of
 * {@code miniBatchSize} rows at {@code learningRate}, its randomness from {@code seed}, on {@code
 * threads} TensorFlow threads (0: all cores). The learners that train on rows share it, so that
 * each checks these values once, here, in the words {@link AdamTrainer#checkSettings} uses.
 *
 * @param epochs the number of epochs, or the most the run may take where it stops by itself
 */
public record AdamRun(int epochs, int miniBatchSize, double learningRate, int seed, int threads)
    implements Serializable {

  /**
   * @throws IllegalArgumentException naming the first value that does not work
   */
  public AdamRun {
    AdamTrainer.checkSettings(epochs, miniBatchSize, learningRate, threads);
  }
}
