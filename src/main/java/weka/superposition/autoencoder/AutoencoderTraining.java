package weka.superposition.autoencoder;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import weka.superposition.analysis.Analysis;
import weka.superposition.analysis.AutoencoderWeights;
import weka.superposition.analysis.ReferenceErrors;
import weka.superposition.analysis.SuperpositionAnalysis;
import weka.tensorflow.AdamTrainer;
import weka.tensorflow.EpochRecord;
import weka.tensorflow.Parameters;
import weka.tensorflow.TrainingData;

/** Trains an autoencoder on features and analyses it, after training and optionally every epoch. */
public final class AutoencoderTraining {

  private AutoencoderTraining() {}

  /** How to train. The defaults of the filter reproduce the seed's phase 2. */
  public record Settings(
      ModelType type,
      int bottleneck,
      int epochs,
      int miniBatchSize,
      double learningRate,
      int seed,
      int threads,
      boolean analyseEveryEpoch,
      double importanceDecay)
      implements Serializable {}

  /**
   * A trained autoencoder and what the analysis found.
   *
   * @param epochAnalyses one per epoch when every epoch was analysed, else empty
   * @param analysis the analysis after the last epoch
   * @param trainingSeconds seconds in the training steps (all epochs)
   * @param analysisSeconds seconds in the analyses (all of them)
   */
  public record Result(
      Settings settings,
      List<String> features,
      Parameters parameters,
      AutoencoderWeights weights,
      List<EpochRecord> history,
      List<Analysis> epochAnalyses,
      Analysis analysis,
      ReferenceErrors references,
      double trainingSeconds,
      double analysisSeconds)
      implements Serializable {}

  /** Told of every finished epoch, with its analysis when every epoch is analysed. */
  @FunctionalInterface
  public interface Progress {
    void epochDone(EpochRecord record, Analysis analysisOrNull) throws Exception;
  }

  /**
   * Trains on {@code rows x features.size()} row-major {@code data}.
   *
   * @throws IllegalStateException if the loss becomes NaN or infinite
   * @throws InterruptedException if the thread is interrupted
   */
  public static Result train(
      float[] data, int rows, List<String> features, Settings settings, Progress progress)
      throws Exception {
    float[] weights = new float[rows];
    Arrays.fill(weights, 1f);
    return train(data, weights, features, settings, progress);
  }

  /**
   * Trains on {@code weights.length x features.size()} row-major {@code data}, each row's loss
   * weighted by its weight (the analysis counts every row once).
   *
   * @throws IllegalStateException if the loss becomes NaN or infinite
   * @throws InterruptedException if the thread is interrupted
   */
  public static Result train(
      float[] data, float[] weights, List<String> features, Settings settings, Progress progress)
      throws Exception {
    int rows = weights.length;
    int n = features.size();
    int m = settings.bottleneck();
    ReferenceErrors references = ReferenceErrors.of(data, rows, n, m);
    Random random = new Random(settings.seed());
    Parameters initial = settings.type().initialParameters(n, m, random);
    List<Analysis> epochAnalyses = new ArrayList<>();
    double[] analysisSeconds = {0};
    List<EpochRecord> history;
    Parameters trained;
    try (AdamTrainer trainer =
        new AdamTrainer(
            settings.type().network(n, settings.importanceDecay()),
            initial,
            new TrainingData(data, n, null, 0, weights),
            (float) settings.learningRate(),
            // AdamW for the toy model, as the paper trains it; Adam for the notebook's
            (float) settings.type().defaultWeightDecay(),
            settings.threads())) {
      history =
          trainer.train(
              settings.epochs(),
              settings.miniBatchSize(),
              random,
              (record, current) -> {
                Analysis analysis = null;
                if (settings.analyseEveryEpoch()) {
                  long start = System.nanoTime();
                  analysis =
                      analyse(
                          record.epoch(),
                          features,
                          settings,
                          current.parameters(),
                          data,
                          rows,
                          references);
                  analysisSeconds[0] += (System.nanoTime() - start) / 1e9;
                  epochAnalyses.add(analysis);
                }
                progress.epochDone(record, analysis);
              });
      trained = trainer.parameters();
    }
    Analysis last;
    if (epochAnalyses.isEmpty()) {
      long start = System.nanoTime();
      last = analyse(settings.epochs(), features, settings, trained, data, rows, references);
      analysisSeconds[0] += (System.nanoTime() - start) / 1e9;
    } else {
      last = epochAnalyses.get(epochAnalyses.size() - 1);
    }
    double trainingSeconds = history.stream().mapToDouble(EpochRecord::seconds).sum();
    return new Result(
        settings,
        List.copyOf(features),
        trained,
        settings.type().weights(trained, n, m),
        history,
        List.copyOf(epochAnalyses),
        last,
        references,
        trainingSeconds,
        analysisSeconds[0]);
  }

  private static Analysis analyse(
      int epoch,
      List<String> features,
      Settings settings,
      Parameters parameters,
      float[] data,
      int rows,
      ReferenceErrors references) {
    AutoencoderWeights weights =
        settings.type().weights(parameters, features.size(), settings.bottleneck());
    return SuperpositionAnalysis.analyse(epoch, features, weights, data, rows, references);
  }
}
