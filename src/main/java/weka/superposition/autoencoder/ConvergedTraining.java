package weka.superposition.autoencoder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import weka.superposition.analysis.Analysis;
import weka.superposition.analysis.AutoencoderAnalysis;
import weka.superposition.analysis.AutoencoderWeights;
import weka.superposition.analysis.ReferenceErrors;
import weka.superposition.data.Seeds;
import weka.tensorflow.AdamRun;
import weka.tensorflow.AdamTrainer;
import weka.tensorflow.Network;
import weka.tensorflow.Parameters;
import weka.tensorflow.ToyModelNetwork;
import weka.tensorflow.TrainingData;

/**
 * Trains an autoencoder until it stops improving, instead of for a fixed number of epochs: a share
 * of the rows is held out, the model is trained on the rest, and after every epoch its loss on the
 * held-out rows is measured (in plain Java, with the analysis's forward pass). Training stops when
 * that loss has not improved by a relative {@code minImprovement} for {@code patience} epochs, or
 * after {@code maxEpochs}; the epoch with the lowest held-out loss is kept. The kept model is
 * analysed on all rows, held-out rows included, so its figures compare with a fixed-epoch run's.
 */
public final class ConvergedTraining {

  private ConvergedTraining() {}

  /**
   * How to train.
   *
   * @param adam its epochs are the most the run may take
   * @param heldOutShare the share of rows held out for the stopping rule (rounded, at least 1 row)
   * @param minImprovement the relative decrease of the held-out loss that counts as an improvement
   */
  public record Settings(
      ModelType type,
      int bottleneck,
      AdamRun adam,
      int patience,
      double minImprovement,
      double heldOutShare)
      implements Serializable {

    public Settings {
      if (patience < 1 || !(heldOutShare > 0 && heldOutShare < 1) || !(minImprovement >= 0)) {
        throw new IllegalArgumentException(
            "patience must be at least 1, the held-out share in (0, 1) and the minimum "
                + "improvement not negative");
      }
    }

    /**
     * The JSON form (study.json): flat, in the order it had before {@code adam} was a record of its
     * own, with the most epochs as {@code maxEpochs}, so that studies written then still read and
     * new ones match them byte for byte.
     */
    private record Json(
        ModelType type,
        int bottleneck,
        double learningRate,
        int miniBatchSize,
        int maxEpochs,
        int patience,
        double minImprovement,
        double heldOutShare,
        int seed,
        int threads) {}

    @JsonValue
    private Json json() {
      return new Json(
          type,
          bottleneck,
          adam.learningRate(),
          adam.miniBatchSize(),
          adam.epochs(),
          patience,
          minImprovement,
          heldOutShare,
          adam.seed(),
          adam.threads());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static Settings fromJson(Json j) {
      return new Settings(
          j.type(),
          j.bottleneck(),
          new AdamRun(j.maxEpochs(), j.miniBatchSize(), j.learningRate(), j.seed(), j.threads()),
          j.patience(),
          j.minImprovement(),
          j.heldOutShare());
    }
  }

  /**
   * One epoch.
   *
   * @param trainingLoss the mean mini-batch loss over the epoch, on the training rows
   * @param heldOutLoss the loss on the held-out rows after the epoch (for the notebook's model its
   *     MSE; for the toy model the importance-weighted squared error divided by the importances'
   *     sum)
   */
  public record Epoch(int epoch, double trainingLoss, double heldOutLoss, double seconds)
      implements Serializable {}

  /**
   * The kept model and its analysis.
   *
   * @param bestEpoch the epoch whose model was kept (0: the initial one was never beaten)
   * @param stoppedEarly whether the patience ran out before {@code maxEpochs}
   * @param seconds training and held-out evaluation, all epochs
   */
  public record Result(
      Settings settings,
      AutoencoderWeights weights,
      List<Epoch> history,
      int bestEpoch,
      boolean stoppedEarly,
      Analysis analysis,
      ReferenceErrors references,
      double seconds)
      implements Serializable {}

  /**
   * Trains on {@code rows x features.size()} row-major {@code data}.
   *
   * @param lossWeights the toy model's per-feature importances I_i (null: all 1); must be null for
   *     the notebook's model, whose loss is the plain MSE
   */
  public static Result train(
      float[] data, int rows, List<String> features, float[] lossWeights, Settings settings)
      throws Exception {
    int n = features.size();
    int m = settings.bottleneck();
    if (data.length != (long) rows * n || rows < 2) {
      throw new IllegalArgumentException("expected at least 2 rows of " + n + " values");
    }
    float[] importance = importances(settings.type(), n, lossWeights);
    // the split has its own random numbers, so that the initial weights and the shuffling are
    // those of a fixed-epoch run of the same seed
    AdamRun adam = settings.adam();
    int[] order = AdamTrainer.permutation(rows, new Random(Seeds.heldOutSplit(adam.seed())));
    int heldOut = Math.max(1, Math.min(rows - 1, (int) Math.round(rows * settings.heldOutShare())));
    float[] validation = gather(data, n, order, 0, heldOut);
    float[] training = gather(data, n, order, heldOut, rows);
    float[] ones = new float[rows - heldOut];
    Arrays.fill(ones, 1f);

    Random random = new Random(adam.seed());
    Parameters initial = settings.type().initialParameters(n, m, random);
    Network network =
        settings.type() == ModelType.TOY
            ? new ToyModelNetwork(importance)
            : settings.type().network(n, 0);
    List<Epoch> history = new ArrayList<>();
    Parameters best = initial;
    double bestLoss = heldOutLoss(settings.type().weights(initial, n, m), validation, importance);
    int bestEpoch = 0;
    boolean stoppedEarly = false;
    long start = System.nanoTime();
    try (AdamTrainer trainer =
        new AdamTrainer(
            network,
            initial,
            new TrainingData(training, n, null, 0, ones),
            (float) adam.learningRate(),
            // as AutoencoderTraining: AdamW for the toy model, Adam for the notebook's
            (float) settings.type().defaultWeightDecay(),
            adam.threads())) {
      for (int epoch = 1; epoch <= adam.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        double loss = trainer.epoch(adam.miniBatchSize(), random);
        Parameters current = trainer.parameters();
        double held = heldOutLoss(settings.type().weights(current, n, m), validation, importance);
        history.add(new Epoch(epoch, loss, held, (System.nanoTime() - epochStart) / 1e9));
        if (improves(held, bestLoss, settings.minImprovement())) {
          bestLoss = held;
          best = current;
          bestEpoch = epoch;
        } else if (epoch - bestEpoch >= settings.patience()) {
          stoppedEarly = epoch < adam.epochs();
          break;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    AutoencoderWeights weights = settings.type().weights(best, n, m);
    ReferenceErrors references = ReferenceErrors.of(data, rows, n, m);
    Analysis analysis =
        AutoencoderAnalysis.analyse(bestEpoch, features, weights, data, rows, references);
    return new Result(
        settings,
        weights,
        List.copyOf(history),
        bestEpoch,
        stoppedEarly,
        analysis,
        references,
        seconds);
  }

  /** Whether {@code loss} is lower than {@code best} by more than the relative {@code margin}. */
  static boolean improves(double loss, double best, double margin) {
    return loss < best * (1 - margin);
  }

  private static float[] importances(ModelType type, int n, float[] lossWeights) {
    if (lossWeights == null) {
      float[] ones = new float[n];
      Arrays.fill(ones, 1f);
      return ones;
    }
    if (type != ModelType.TOY || lossWeights.length != n) {
      throw new IllegalArgumentException(
          "per-feature loss weights need the toy model and one weight per feature");
    }
    return lossWeights.clone();
  }

  /**
   * The importance-weighted squared error per row on {@code rows}, divided by the importances' sum:
   * with all importances 1 it is the MSE.
   */
  static double heldOutLoss(AutoencoderWeights w, float[] rows, float[] importance) {
    int n = w.numFeatures();
    float[] code = new float[w.bottleneck()];
    float[] output = new float[n];
    double sum = 0;
    double total = 0;
    for (float i : importance) {
      total += i;
    }
    int count = rows.length / n;
    for (int r = 0; r < count; r++) {
      w.encode(rows, r * n, code);
      w.decode(code, output);
      for (int j = 0; j < n; j++) {
        double d = output[j] - rows[r * n + j];
        sum += importance[j] * d * d;
      }
    }
    return sum / (count * total);
  }

  private static float[] gather(float[] data, int n, int[] order, int from, int to) {
    float[] rows = new float[(to - from) * n];
    for (int r = from; r < to; r++) {
      System.arraycopy(data, order[r] * n, rows, (r - from) * n, n);
    }
    return rows;
  }
}
