package weka.superposition.dictionary;

import java.util.Map;
import java.util.Random;
import weka.tensorflow.SparseDictionaryTrainer;

/**
 * Bricken et al.'s (2023) resampling of dead features: each dead feature gets, as its decoder
 * direction, a row the dictionary reconstructs badly (drawn with probability proportional to the
 * square of its squared error), centred on the decoder bias and scaled to unit norm; its encoder
 * column is the same direction scaled to a fifth of the live encoder columns' mean norm, its
 * encoder bias 0, and its Adam moments 0. Every other feature, and its Adam state, is untouched.
 */
final class Resampling {

  /** The new encoder column's norm, as a share of the live columns' mean norm (Bricken et al.). */
  static final double ENCODER_SCALE = 0.2;

  private Resampling() {}

  /** Resamples {@code dead} in the trainer's variables; returns how many it resampled. */
  static int resample(
      SparseDictionaryTrainer trainer, int[] dead, float[] data, int rows, int n, Random random) {
    int features = trainer.features();
    int[] all = new int[rows];
    for (int r = 0; r < rows; r++) {
      all[r] = r;
    }
    float[] errors = trainer.squaredErrors(all);
    double[] cumulative = new double[rows];
    double total = 0;
    for (int r = 0; r < rows; r++) {
      total += (double) errors[r] * errors[r];
      cumulative[r] = total;
    }
    if (!(total > 0)) {
      return 0; // a perfect reconstruction leaves nothing to point dead features at
    }
    Map<String, float[]> state = trainer.state();
    float[] encoder = state.get(SparseDictionaryTrainer.ENCODER);
    float[] encoderBias = state.get(SparseDictionaryTrainer.ENCODER_BIAS);
    float[] decoder = state.get(SparseDictionaryTrainer.DECODER);
    float[] decoderBias = state.get(SparseDictionaryTrainer.DECODER_BIAS);
    double encoderNorm = ENCODER_SCALE * meanLiveColumnNorm(encoder, n, features, dead);
    for (int k : dead) {
      int row = drawRow(cumulative, total, random);
      double[] direction = new double[n];
      double norm = 0;
      for (int j = 0; j < n; j++) {
        direction[j] = data[row * n + j] - decoderBias[j];
        norm += direction[j] * direction[j];
      }
      norm = Math.sqrt(norm);
      if (norm < 1e-12) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        decoder[k * n + j] = (float) (direction[j] / norm);
        encoder[j * features + k] = (float) (direction[j] / norm * encoderNorm);
      }
      encoderBias[k] = 0;
      resetMoments(state, k, n, features);
    }
    trainer.restore(state);
    return dead.length;
  }

  private static int drawRow(double[] cumulative, double total, Random random) {
    double u = random.nextDouble() * total;
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > u) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /** The mean norm of the encoder columns of live features (1 when every feature is dead). */
  private static double meanLiveColumnNorm(float[] encoder, int n, int features, int[] dead) {
    boolean[] isDead = new boolean[features];
    for (int k : dead) {
      isDead[k] = true;
    }
    double sum = 0;
    int live = 0;
    for (int k = 0; k < features; k++) {
      if (isDead[k]) {
        continue;
      }
      double norm = 0;
      for (int j = 0; j < n; j++) {
        norm += (double) encoder[j * features + k] * encoder[j * features + k];
      }
      sum += Math.sqrt(norm);
      live++;
    }
    return live == 0 ? 1 : sum / live;
  }

  private static void resetMoments(Map<String, float[]> state, int k, int n, int features) {
    for (String moment :
        new String[] {
          SparseDictionaryTrainer.firstMoment(SparseDictionaryTrainer.ENCODER),
          SparseDictionaryTrainer.secondMoment(SparseDictionaryTrainer.ENCODER)
        }) {
      float[] values = state.get(moment);
      for (int j = 0; j < n; j++) {
        values[j * features + k] = 0;
      }
    }
    for (String name :
        new String[] {SparseDictionaryTrainer.ENCODER_BIAS, SparseDictionaryTrainer.DECODER}) {
      int width = name.equals(SparseDictionaryTrainer.DECODER) ? n : 1;
      for (String moment :
          new String[] {
            SparseDictionaryTrainer.firstMoment(name), SparseDictionaryTrainer.secondMoment(name)
          }) {
        java.util.Arrays.fill(state.get(moment), k * width, (k + 1) * width, 0f);
      }
    }
  }
}
