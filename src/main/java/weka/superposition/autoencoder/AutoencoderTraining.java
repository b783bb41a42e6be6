package weka.superposition.autoencoder;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import weka.superposition.analysis.Analysis;
import weka.superposition.analysis.AutoencoderAnalysis;
import weka.superposition.analysis.AutoencoderWeights;
import weka.superposition.analysis.ReferenceErrors;
import weka.tensorflow.AdamRun;
import weka.tensorflow.AdamTrainer;
import weka.tensorflow.EpochRecord;
import weka.tensorflow.Parameters;
import weka.tensorflow.TrainingData;

/** Trains an autoencoder on features and analyses it, after training and optionally every epoch. */
public final class AutoencoderTraining {

  private AutoencoderTraining() {}

  /**
   * How to train. The defaults of the filter reproduce the seed's phase 2.
   *
   * @param adam its values stand flat among the others in the JSON report, as before it was a
   *     record of its own
   */
  public record Settings(
      ModelType type,
      int bottleneck,
      @JsonUnwrapped AdamRun adam,
      boolean analyseEveryEpoch,
      double importanceDecay)
      implements Serializable {

    /** The seed's phase 2: the notebook's model, its learning rate and mini-batch, one thread. */
    public static Settings notebook(int seed, int epochs, boolean analyseEveryEpoch) {
      ModelType type = ModelType.NOTEBOOK;
      return new Settings(
          type,
          2,
          new AdamRun(epochs, type.defaultMiniBatchSize(), type.defaultLearningRate(), seed, 1),
          analyseEveryEpoch,
          0);
    }
  }

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

  /**
   * Told of every finished epoch, with its analysis when every epoch is analysed, in epoch order
   * and in the training thread. The analysis of an epoch runs beside the next epochs' training (on
   * a core that training leaves free), so the call for an epoch may come after later epochs have
   * been trained; the last comes before {@code train} returns.
   */
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
    AdamRun adam = settings.adam();
    Random random = new Random(adam.seed());
    Parameters initial = settings.type().initialParameters(n, m, random);
    List<Analysis> epochAnalyses = new ArrayList<>();
    double[] analysisSeconds = {0};
    List<EpochRecord> history;
    Parameters trained;
    // one analysis at a time, beside the training thread; results are told in epoch order
    ExecutorService analyst =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "superposition-analysis");
              thread.setDaemon(true);
              return thread;
            });
    List<EpochRecord> pendingRecords = new ArrayList<>();
    List<Future<Analysis>> pending = new ArrayList<>();
    try (AdamTrainer trainer =
        new AdamTrainer(
            settings.type().network(n, settings.importanceDecay()),
            initial,
            new TrainingData(data, n, null, 0, weights),
            (float) adam.learningRate(),
            // AdamW for the toy model, as the paper trains it; Adam for the notebook's
            (float) settings.type().defaultWeightDecay(),
            adam.threads())) {
      history =
          trainer.train(
              adam.epochs(),
              adam.miniBatchSize(),
              random,
              (record, current) -> {
                if (!settings.analyseEveryEpoch()) {
                  progress.epochDone(record, null);
                  return;
                }
                Parameters parameters = current.parameters();
                pendingRecords.add(record);
                pending.add(
                    analyst.submit(
                        () -> {
                          long start = System.nanoTime();
                          Analysis analysis =
                              analyse(
                                  record.epoch(),
                                  features,
                                  settings,
                                  parameters,
                                  data,
                                  rows,
                                  references);
                          synchronized (analysisSeconds) {
                            analysisSeconds[0] += (System.nanoTime() - start) / 1e9;
                          }
                          return analysis;
                        }));
                tellFinished(pendingRecords, pending, epochAnalyses, progress, false);
              });
      trained = trainer.parameters();
      tellFinished(pendingRecords, pending, epochAnalyses, progress, true);
    } finally {
      analyst.shutdownNow();
    }
    Analysis last;
    if (epochAnalyses.isEmpty()) {
      long start = System.nanoTime();
      last = analyse(adam.epochs(), features, settings, trained, data, rows, references);
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

  /**
   * Tells {@code progress} of the analyses that are done, in epoch order, stopping at the first
   * that is not (or, with {@code all}, waiting for each).
   */
  private static void tellFinished(
      List<EpochRecord> records,
      List<Future<Analysis>> pending,
      List<Analysis> done,
      Progress progress,
      boolean all)
      throws Exception {
    while (!pending.isEmpty() && (all || pending.get(0).isDone())) {
      Analysis analysis;
      try {
        analysis = pending.get(0).get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw e;
      }
      pending.remove(0);
      done.add(analysis);
      progress.epochDone(records.remove(0), analysis);
    }
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
    return AutoencoderAnalysis.analyse(epoch, features, weights, data, rows, references);
  }
}
