package weka.superposition.dictionary;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import weka.superposition.analysis.DictionaryWeights;
import weka.tensorflow.AdamRun;
import weka.tensorflow.AdamTrainer;
import weka.tensorflow.Parameter;
import weka.tensorflow.Parameters;
import weka.tensorflow.SparseDictionaryTrainer;
import weka.tensorflow.TrainingData;

/**
 * Trains a sparse dictionary on rows of features: the epochs, which features are dead, their
 * resampling, and the decoder bias's start. The graph and the update are {@link
 * SparseDictionaryTrainer}'s; what it learned is a {@link DictionaryWeights}.
 */
public final class DictionaryTraining {

  private DictionaryTraining() {}

  /**
   * The two sparsity modes; their order is that of the filter's tags, whose positions Weka's option
   * parser takes for their IDs.
   */
  public enum Mode {
    /** Only the k largest pre-activations of a row kept, with Gao et al.'s auxiliary loss. */
    TOPK,
    /** Mean squared error plus lambda times the sum of the activations. */
    L1
  }

  /** Where the decoder bias b_d starts (Bricken et al. 2023 take the geometric median). */
  public enum BiasStart {
    GEOMETRIC_MEDIAN,
    MEAN
  }

  /**
   * How to train.
   *
   * @param features dictionary size K
   * @param l1 lambda (L1 mode)
   * @param k features kept per row (top-k mode)
   * @param deadSteps a feature is dead when it has not fired for this many steps
   * @param resample resample dead features, at the end of each epoch in the first half of training
   * @param adam its values stand flat among the others in the JSON files, as before it was a record
   *     of its own
   */
  public record Settings(
      int features,
      Mode mode,
      double l1,
      int k,
      @JsonUnwrapped AdamRun adam,
      BiasStart biasStart,
      int deadSteps,
      boolean resample)
      implements Serializable {

    /** Gao et al.'s weight of the auxiliary loss. */
    public static final float AUX_COEFFICIENT = 1 / 32f;

    /**
     * A record is read back from a saved model through this constructor: a model saved before the
     * Adam run was a record of its own has none, and is refused here rather than failing later.
     */
    public Settings {
      if (adam == null) {
        throw new IllegalArgumentException(
            "the dictionary's settings have no Adam run (a model saved by an older version of "
                + "the package): train it again");
      }
    }

    /**
     * Throws, naming the first problem in words a user can act on, unless the settings work on
     * {@code inputs} inputs (the Adam run's values were checked when it was made).
     */
    public void check(int inputs) {
      String problem =
          features < 1
              ? "the number of features must be at least 1"
              : mode == Mode.TOPK && (k < 1 || k > features)
                  ? "k must be between 1 and the number of features (" + features + ")"
                  : mode == Mode.L1 && !(l1 >= 0 && l1 < Double.POSITIVE_INFINITY)
                      ? "lambda must be a number of at least 0"
                      : deadSteps < 1 ? "the dead-feature window must be at least 1 step" : null;
      if (problem == null && inputs < 1) {
        problem = "there are no features to learn a dictionary of";
      }
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }

    /** These settings with {@code k} features kept per row. */
    public Settings withK(int k) {
      return new Settings(features, mode, l1, k, adam, biasStart, deadSteps, resample);
    }

    /** Dead features of each row that reconstruct the residual: half the inputs, as Gao et al. */
    int auxK(int inputs) {
      return mode == Mode.TOPK ? Math.min(features, Math.max(1, inputs / 2)) : 0;
    }
  }

  /**
   * One epoch.
   *
   * @param loss the mean of the batches' losses, each weighted by its rows
   * @param fvu the epoch's fraction of variance unexplained, from each batch before its step
   * @param dead features that had not fired for {@link Settings#deadSteps} steps at its end
   * @param resampled features resampled at its end
   */
  public record Epoch(int epoch, double loss, double fvu, int dead, int resampled, double seconds)
      implements Serializable {}

  /** Told of every finished epoch, in the training thread. */
  @FunctionalInterface
  public interface Progress {
    void epochDone(Epoch epoch) throws Exception;
  }

  /** A trained dictionary, its settings and its history. */
  public record Result(
      Settings settings,
      List<String> inputs,
      DictionaryWeights weights,
      List<Epoch> history,
      double trainingSeconds)
      implements Serializable {}

  /**
   * Trains on {@code rows x inputs.size()} row-major {@code data}, each row's loss weighted by
   * {@code weights}.
   *
   * @throws IllegalStateException if the loss becomes NaN or infinite
   * @throws InterruptedException if the thread is interrupted (checked before every mini-batch)
   */
  public static Result train(
      float[] data, float[] weights, List<String> inputs, Settings settings, Progress progress)
      throws Exception {
    int n = inputs.size();
    settings.check(n);
    int rows = weights.length;
    if (rows == 0) {
      throw new IllegalArgumentException("there are no rows to train on");
    }
    AdamRun adam = settings.adam();
    Random random = new Random(adam.seed());
    float[] bias = decoderBiasStart(data, weights, n, settings.biasStart());
    Parameters initial = initialParameters(n, settings.features(), bias, random);
    double totalVariance = totalVariance(data, rows, n);
    long start = System.nanoTime();
    List<Epoch> history = new ArrayList<>();
    SparseDictionaryTrainer.Settings graphSettings =
        new SparseDictionaryTrainer.Settings(
            settings.mode() == Mode.TOPK ? settings.k() : 0,
            (float) settings.l1(),
            settings.auxK(n),
            Settings.AUX_COEFFICIENT,
            (float) adam.learningRate(),
            adam.threads());
    try (SparseDictionaryTrainer trainer =
        new SparseDictionaryTrainer(
            initial, new TrainingData(data, n, null, 0, weights), graphSettings)) {
      DeadFeatures dead = new DeadFeatures(settings.features(), settings.deadSteps());
      for (int e = 1; e <= adam.epochs(); e++) {
        long epochStart = System.nanoTime();
        double[] sums = epoch(trainer, weights, settings, random, dead, e);
        int resampled = 0;
        if (settings.resample() && e <= adam.epochs() / 2 && dead.count() > 0) {
          resampled = Resampling.resample(trainer, dead.indices(), data, rows, n, random);
          dead.revive(dead.indices());
        }
        Epoch epoch =
            new Epoch(
                e,
                sums[0] / sums[1],
                sums[2] / totalVariance,
                dead.count(),
                resampled,
                (System.nanoTime() - epochStart) / 1e9);
        history.add(epoch);
        progress.epochDone(epoch);
      }
      return new Result(
          settings,
          List.copyOf(inputs),
          weights(trainer.parameters(), settings),
          List.copyOf(history),
          (System.nanoTime() - start) / 1e9);
    }
  }

  /** One pass in a fresh random order; returns {loss * rows, rows trained, squared error}. */
  private static double[] epoch(
      SparseDictionaryTrainer trainer,
      float[] weights,
      Settings settings,
      Random random,
      DeadFeatures dead,
      int epochNumber)
      throws InterruptedException {
    int rows = weights.length;
    int[] order = AdamTrainer.permutation(rows, random);
    double lossSum = 0;
    double squaredError = 0;
    int rowsTrained = 0;
    int miniBatchSize = settings.adam().miniBatchSize();
    for (int start = 0, batch = 1; start < rows; start += miniBatchSize, batch++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("Training stopped");
      }
      int[] indices = Arrays.copyOfRange(order, start, Math.min(rows, start + miniBatchSize));
      if (!hasWeight(indices, weights)) {
        continue;
      }
      SparseDictionaryTrainer.Step step = trainer.step(indices, dead.mask());
      if (!Float.isFinite(step.loss())) {
        throw new IllegalStateException(
            String.format(
                "The training loss became %s in epoch %d, mini-batch %d, at learning rate %s: "
                    + "lower the learning rate (or check the data for extreme values)",
                step.loss(), epochNumber, batch, settings.adam().learningRate()));
      }
      dead.record(step.activeRows());
      lossSum += (double) step.loss() * indices.length;
      squaredError += step.squaredError();
      rowsTrained += indices.length;
    }
    return new double[] {lossSum, rowsTrained, squaredError};
  }

  private static boolean hasWeight(int[] batch, float[] weights) {
    for (int row : batch) {
      if (weights[row] > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Decoder rows drawn uniformly on the unit sphere, the encoder their transpose (Gao et al.'s
   * start: every feature at first reads the direction it writes), the encoder bias 0.
   */
  static Parameters initialParameters(int n, int features, float[] decoderBias, Random random) {
    float[] decoder = new float[features * n];
    for (int k = 0; k < features; k++) {
      double norm = 0;
      for (int j = 0; j < n; j++) {
        double g = random.nextGaussian();
        decoder[k * n + j] = (float) g;
        norm += g * g;
      }
      float scale = (float) (1 / Math.sqrt(Math.max(norm, 1e-24)));
      for (int j = 0; j < n; j++) {
        decoder[k * n + j] *= scale;
      }
    }
    float[] encoder = new float[n * features];
    for (int k = 0; k < features; k++) {
      for (int j = 0; j < n; j++) {
        encoder[j * features + k] = decoder[k * n + j];
      }
    }
    return new Parameters(
        List.of(
            new Parameter(SparseDictionaryTrainer.ENCODER, new long[] {n, features}, encoder),
            new Parameter(
                SparseDictionaryTrainer.ENCODER_BIAS, new long[] {features}, new float[features]),
            new Parameter(SparseDictionaryTrainer.DECODER, new long[] {features, n}, decoder),
            new Parameter(SparseDictionaryTrainer.DECODER_BIAS, new long[] {n}, decoderBias)));
  }

  static DictionaryWeights weights(Parameters p, Settings settings) {
    int n = (int) p.get(SparseDictionaryTrainer.DECODER_BIAS).shape()[0];
    return new DictionaryWeights(
        n,
        settings.features(),
        settings.mode() == Mode.TOPK ? settings.k() : 0,
        p.get(SparseDictionaryTrainer.ENCODER).values(),
        p.get(SparseDictionaryTrainer.ENCODER_BIAS).values(),
        p.get(SparseDictionaryTrainer.DECODER).values(),
        p.get(SparseDictionaryTrainer.DECODER_BIAS).values());
  }

  /**
   * Weiszfeld's iterations stop after this many, or when no coordinate moves by more than {@link
   * #MEDIAN_TOLERANCE}: the start only needs to be near the median, and each iteration reads every
   * row.
   */
  static final int MEDIAN_ITERATIONS = 50;

  static final double MEDIAN_TOLERANCE = 1e-5;

  /** The decoder bias's start: the weighted mean or geometric median of the rows. */
  static float[] decoderBiasStart(float[] data, float[] weights, int n, BiasStart start) {
    double[] centre =
        start == BiasStart.MEAN ? mean(data, weights, n) : geometricMedian(data, weights, n);
    float[] bias = new float[n];
    for (int j = 0; j < n; j++) {
      bias[j] = (float) centre[j];
    }
    return bias;
  }

  /** The weighted mean of the rows (0 when every weight is 0). */
  static double[] mean(float[] data, float[] weights, int n) {
    double[] mean = new double[n];
    double total = 0;
    for (int r = 0; r < weights.length; r++) {
      total += weights[r];
      for (int j = 0; j < n; j++) {
        mean[j] += (double) weights[r] * data[r * n + j];
      }
    }
    for (int j = 0; j < n; j++) {
      mean[j] = total > 0 ? mean[j] / total : 0;
    }
    return mean;
  }

  /**
   * The weighted geometric median (the point of least weighted summed distance to the rows), by
   * Weiszfeld's iterations from the mean; a row that sits on the estimate is left out of that
   * iteration, whose weights would divide by 0.
   */
  static double[] geometricMedian(float[] data, float[] weights, int n) {
    double[] median = mean(data, weights, n);
    for (int iteration = 0; iteration < MEDIAN_ITERATIONS; iteration++) {
      double[] next = new double[n];
      double weightSum = 0;
      for (int r = 0; r < weights.length; r++) {
        if (weights[r] <= 0) {
          continue;
        }
        double distance = 0;
        for (int j = 0; j < n; j++) {
          double d = data[r * n + j] - median[j];
          distance += d * d;
        }
        distance = Math.sqrt(distance);
        if (distance < 1e-12) {
          continue;
        }
        double w = weights[r] / distance;
        weightSum += w;
        for (int j = 0; j < n; j++) {
          next[j] += w * data[r * n + j];
        }
      }
      if (weightSum == 0) {
        return median;
      }
      double moved = 0;
      for (int j = 0; j < n; j++) {
        next[j] /= weightSum;
        moved = Math.max(moved, Math.abs(next[j] - median[j]));
      }
      median = next;
      if (moved < MEDIAN_TOLERANCE) {
        break;
      }
    }
    return median;
  }

  /** The rows' summed squared distance to their (unweighted) mean: FVU's denominator. */
  static double totalVariance(float[] data, int rows, int n) {
    float[] ones = new float[rows];
    Arrays.fill(ones, 1f);
    double[] mean = mean(data, ones, n);
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < n; j++) {
        double d = data[r * n + j] - mean[j];
        sum += d * d;
      }
    }
    return sum;
  }
}
