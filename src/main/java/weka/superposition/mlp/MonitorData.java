package weka.superposition.mlp;

import java.util.Arrays;
import weka.core.Instances;
import weka.superposition.data.InputEncoder;
import weka.tensorflow.MlpNetwork;
import weka.tensorflow.NetworkRunner;

/**
 * Data whose accuracy is measured after every epoch (the test set, as the seed's notebook prints
 * it), encoded once for the whole training: the network inputs and the class of each row.
 */
public record MonitorData(float[] inputs, int[] classes) {

  /**
   * The rows of {@code rows} that have a class, encoded by {@code encoder}, which was fitted to
   * {@code training}; sets their class and drops the rows without one (the caller passes a copy
   * where that matters).
   *
   * @throws IllegalArgumentException if its attributes differ from the training data's, or a value
   *     cannot be encoded
   */
  public static MonitorData of(Instances rows, Instances training, InputEncoder encoder) {
    rows.setClassIndex(training.classIndex());
    if (!training.equalHeaders(rows)) {
      throw new IllegalArgumentException(
          "the monitor data's attributes differ from the training data's: "
              + training.equalHeadersMsg(rows));
    }
    rows.deleteWithMissingClass();
    int[] classes = new int[rows.numInstances()];
    for (int r = 0; r < classes.length; r++) {
      classes[r] = (int) rows.instance(r).classValue();
    }
    return new MonitorData(encoder.encode(rows, 0, classes.length), classes);
  }

  /** The share of the rows that {@code network} classifies right; NaN without rows. */
  double accuracy(NetworkRunner network) {
    if (classes.length == 0) {
      return Double.NaN;
    }
    int width = inputs.length / classes.length;
    int correct = 0;
    for (int from = 0; from < classes.length; from += MlpModel.ROWS_PER_RUN) {
      int to = Math.min(classes.length, from + MlpModel.ROWS_PER_RUN);
      float[] p =
          network
              .run(
                  Arrays.copyOfRange(inputs, from * width, to * width),
                  to - from,
                  MlpNetwork.PROBABILITIES)
              .get(MlpNetwork.PROBABILITIES);
      int k = p.length / (to - from);
      for (int r = from; r < to; r++) {
        int best = 0;
        for (int c = 1; c < k; c++) {
          if (p[(r - from) * k + c] > p[(r - from) * k + best]) {
            best = c;
          }
        }
        correct += best == classes[r] ? 1 : 0;
      }
    }
    return (double) correct / classes.length;
  }
}
