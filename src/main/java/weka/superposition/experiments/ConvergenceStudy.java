package weka.superposition.experiments;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import weka.superposition.analysis.Analysis;
import weka.superposition.analysis.ReferenceErrors;
import weka.superposition.analysis.SeedDirections;
import weka.superposition.autoencoder.AutoencoderTraining;
import weka.superposition.autoencoder.ConvergedTraining;
import weka.superposition.autoencoder.ModelType;
import weka.superposition.data.FeatureColumns;
import weka.superposition.data.Seeds;
import weka.superposition.data.SparseSampling;
import weka.tensorflow.AdamRun;

/**
 * Does the seed's picture survive a trained autoencoder, and is there more structure in the
 * classifier's hidden features than in data that cannot hold any? For one seed, five variants go
 * through the 49 -> 2 -> 49 analysis:
 *
 * <ol>
 *   <li>{@value #NOTEBOOK}: the seed's own setting (learning rate 0.0001, 20 epochs);
 *   <li>{@value #CONVERGED}: the same model trained until the error on a held-out tenth of the rows
 *       stops improving ({@link ConvergedTraining});
 *   <li>{@value #INDEPENDENT}: the same, on the hidden activations with every column permuted on
 *       its own (each feature's distribution kept, their joint structure gone);
 *   <li>{@value #UNTRAINED}: the same, on the hidden activations of the classifier before its first
 *       step;
 *   <li>{@value #TOY}: Elhage et al.'s tied toy model, trained the same way on synthetic features
 *       whose share of exact zeros (sparsity) is that of each hidden unit and whose loss weights
 *       (importances) are the converged autoencoder's importance shares, the largest scaled to 1.
 * </ol>
 */
public final class ConvergenceStudy {

  public static final String NOTEBOOK = "notebook";
  public static final String CONVERGED = "converged";
  public static final String INDEPENDENT = "independent";
  public static final String UNTRAINED = "untrained";
  public static final String TOY = "toy";

  private ConvergenceStudy() {}

  /**
   * The study's settings.
   *
   * @param notebook the seed's fixed-epoch phase 2
   * @param converged the notebook model trained to convergence (also for the first two controls)
   * @param toy the toy model trained to convergence
   */
  public record Settings(
      AutoencoderTraining.Settings notebook,
      ConvergedTraining.Settings converged,
      ConvergedTraining.Settings toy)
      implements Serializable {

    /** The variants of every study, in the order they are trained. */
    public static final List<String> VARIANTS =
        List.of(NOTEBOOK, CONVERGED, INDEPENDENT, UNTRAINED, TOY);

    /**
     * The settings the study states in REPORT.md. Both models hold out a tenth of the rows and stop
     * after 10 epochs without a 0.01 % improvement of the held-out loss. The notebook's model:
     * learning rate 0.001 (ten times the seed's; PyTorch's default), mini-batch 64, at most 150
     * epochs (on MNIST's 60,000 rows it stops after 40 to 80, in 8 to 20 s on a 2-core machine;
     * 0.003 reached the same MSE). The toy model: the paper's learning rate 0.001 and mini-batch
     * 1024, at most 300 epochs.
     */
    public static Settings standard(int seed, int notebookEpochs) {
      return new Settings(
          AutoencoderTraining.Settings.notebook(seed, notebookEpochs, false),
          new ConvergedTraining.Settings(
              ModelType.NOTEBOOK, 2, new AdamRun(150, 64, 0.001, seed, 1), 10, 0.0001, 0.1),
          new ConvergedTraining.Settings(
              ModelType.TOY, 2, new AdamRun(300, 1024, 0.001, seed, 1), 10, 0.0001, 0.1));
    }
  }

  /**
   * Direction figures from one kind of direction.
   *
   * @param clusters angular clusters (30 degrees, complete linkage) of the important features
   * @param topTwoShare the importance share of the two largest clusters
   * @param topTwoAngle degrees between them (NaN with fewer than two)
   */
  public record Directions(int clusters, double topTwoShare, double topTwoAngle)
      implements Serializable {

    static Directions of(Analysis.Summary s) {
      return new Directions(s.clusters(), s.topTwoShare(), s.topTwoAngle());
    }
  }

  /**
   * One variant's figures.
   *
   * @param gapClosed how far the MSE went from the mean predictor's towards PCA-2's (0 none, 1 all)
   * @param important features with scaled importance above 0.5
   * @param normAboveHalf features with ||W_i|| above 0.5
   * @param fromZero direction figures from the directions minus the zero input's code
   * @param seedDirections the same from the seed's own directions
   * @param meanInterference the paper's interference, mean over all features
   * @param meanDimensionality the paper's D_i, mean over all features
   * @param sdDimensionality its standard deviation over all features
   */
  public record Figures(
      double mse,
      double meanPredictorMse,
      double pcaMse,
      double gapClosed,
      int important,
      int normAboveHalf,
      Directions fromZero,
      Directions seedDirections,
      double meanInterference,
      double meanDimensionality,
      double sdDimensionality)
      implements Serializable {

    /** The figures of an analysis. */
    public static Figures of(Analysis a) {
      Analysis.Summary s = a.summary();
      double[] d = a.weights().dimensionality();
      double mean = Arrays.stream(d).average().orElse(Double.NaN);
      double sd =
          Math.sqrt(
              Arrays.stream(d).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, d.length));
      return new Figures(
          s.mse(),
          s.meanPredictorMse(),
          s.pcaMse(),
          new ReferenceErrors(s.meanPredictorMse(), s.pcaMse(), a.bottleneck()).gapClosed(s.mse()),
          s.importantFeatures(),
          (int) Arrays.stream(a.weights().norm()).filter(v -> v > 0.5).count(),
          Directions.of(s),
          Directions.of(SeedDirections.summary(a)),
          Arrays.stream(a.weights().interferencePaper()).average().orElse(Double.NaN),
          mean,
          sd);
    }
  }

  /**
   * One variant.
   *
   * @param model the autoencoder: the notebook's or the toy model
   * @param epochs epochs trained
   * @param bestEpoch the epoch whose model was analysed (the last for a fixed-epoch run)
   * @param stoppedEarly whether the stopping rule ended training before the epoch limit
   * @param seconds training (and held-out evaluation)
   * @param history per epoch; the held-out loss is NaN for a fixed-epoch run
   */
  public record Variant(
      String name,
      String description,
      ModelType model,
      double learningRate,
      int miniBatchSize,
      int epochs,
      int bestEpoch,
      boolean stoppedEarly,
      double seconds,
      List<ConvergedTraining.Epoch> history,
      Figures figures,
      Analysis analysis)
      implements Serializable {}

  /**
   * One seed's study.
   *
   * @param sparsity per hidden unit, the share of exact zeros in the trained activations (the toy
   *     control's sparsities)
   * @param toyImportance the toy control's loss weights
   */
  public record Study(
      int seed,
      int rows,
      List<String> features,
      Settings settings,
      double[] sparsity,
      double[] toyImportance,
      List<Variant> variants,
      double seconds)
      implements Serializable {

    /** The variant of that name; throws if there is none. */
    public Variant variant(String name) {
      return variants.stream()
          .filter(v -> v.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no variant " + name));
    }
  }

  /** Told of every finished variant. */
  @FunctionalInterface
  public interface Progress {
    void variantDone(Variant variant) throws Exception;
  }

  /** Adds a trained variant to the study and reports it done. */
  private static void finish(List<Variant> variants, Progress progress, Variant variant)
      throws Exception {
    variants.add(variant);
    progress.variantDone(variant);
  }

  /**
   * Runs the study on {@code rows x features.size()} row-major activations.
   *
   * @param trained the trained classifier's hidden activations of the training set
   * @param untrained the same classifier's before its first step (same seed, zero epochs)
   * @param notebookResult phase 2's autoencoder, trained on {@code trained} with {@code
   *     settings.notebook()}, which becomes the notebook variant; null to train it here
   */
  public static Study run(
      float[] trained,
      float[] untrained,
      int rows,
      List<String> features,
      int seed,
      Settings settings,
      AutoencoderTraining.Result notebookResult,
      Progress progress)
      throws Exception {
    int n = features.size();
    if (trained.length != (long) rows * n || untrained.length != trained.length) {
      throw new IllegalArgumentException(
          "expected two matrices of " + rows + " x " + n + " activations");
    }
    long start = System.nanoTime();
    List<Variant> variants = new ArrayList<>();

    // phase 2 trained the seed's setting already: its model is the notebook variant
    AutoencoderTraining.Result notebook =
        notebookResult != null
            ? notebookResult
            : AutoencoderTraining.train(trained, rows, features, settings.notebook(), (r, a) -> {});
    finish(variants, progress, notebookVariant(notebook, settings.notebook()));

    ConvergedTraining.Result converged =
        ConvergedTraining.train(trained, rows, features, null, settings.converged());
    finish(
        variants,
        progress,
        variant(
            CONVERGED, "the same model trained until its held-out MSE stops improving", converged));

    float[] independent =
        FeatureColumns.shuffledIndependently(
            trained, rows, n, new Random(Seeds.independentColumns(seed)));
    finish(
        variants,
        progress,
        variant(
            INDEPENDENT,
            "control: each hidden unit's column permuted on its own",
            ConvergedTraining.train(independent, rows, features, null, settings.converged())));

    finish(
        variants,
        progress,
        variant(
            UNTRAINED,
            "control: the hidden activations of the classifier before its first step",
            ConvergedTraining.train(untrained, rows, features, null, settings.converged())));

    double[] sparsity = FeatureColumns.zeroShare(trained, rows, n);
    float[] importance = toyImportance(converged.analysis().importance().share());
    float[] synthetic = SparseSampling.sample(rows, sparsity, new Random(Seeds.toyFeatures(seed)));
    finish(
        variants,
        progress,
        variant(
            TOY,
            "control: the toy model on synthetic features of the hidden units' sparsity and "
                + "importance",
            ConvergedTraining.train(synthetic, rows, features, importance, settings.toy())));

    double[] toyImportance = new double[n];
    for (int i = 0; i < n; i++) {
      toyImportance[i] = importance[i];
    }
    return new Study(
        seed,
        rows,
        List.copyOf(features),
        settings,
        sparsity,
        toyImportance,
        List.copyOf(variants),
        (System.nanoTime() - start) / 1e9);
  }

  /** Importance shares as loss weights: divided by the largest, so that it weighs 1. */
  static float[] toyImportance(double[] share) {
    double max = Arrays.stream(share).max().orElse(0);
    float[] weights = new float[share.length];
    for (int i = 0; i < share.length; i++) {
      weights[i] = max > 0 ? (float) Math.max(0, share[i] / max) : 1f;
    }
    return weights;
  }

  private static Variant notebookVariant(
      AutoencoderTraining.Result result, AutoencoderTraining.Settings settings) {
    AdamRun s = settings.adam();
    List<ConvergedTraining.Epoch> history = new ArrayList<>();
    for (var e : result.history()) {
      history.add(new ConvergedTraining.Epoch(e.epoch(), e.loss(), Double.NaN, e.seconds()));
    }
    return new Variant(
        NOTEBOOK,
        "the seed's setting: learning rate " + s.learningRate() + ", " + s.epochs() + " epochs",
        settings.type(),
        s.learningRate(),
        s.miniBatchSize(),
        s.epochs(),
        s.epochs(),
        false,
        result.trainingSeconds(),
        List.copyOf(history),
        Figures.of(result.analysis()),
        result.analysis());
  }

  private static Variant variant(String name, String description, ConvergedTraining.Result r) {
    ConvergedTraining.Settings s = r.settings();
    return new Variant(
        name,
        description,
        s.type(),
        s.adam().learningRate(),
        s.adam().miniBatchSize(),
        r.history().size(),
        r.bestEpoch(),
        r.stoppedEarly(),
        r.seconds(),
        r.history(),
        Figures.of(r.analysis()),
        r.analysis());
  }
}
