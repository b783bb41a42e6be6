package weka.superposition.pipeline;

import java.nio.file.Path;
import java.util.List;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.Instances;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.filters.unsupervised.attribute.TFMlpActivations;
import weka.superposition.data.Rows;

/**
 * What the steps of one seed's run share: the settings, the data (read once for all seeds), and
 * what each step leaves for the next. A step reads the fields earlier steps set and sets its own.
 */
public final class SeedRun {

  public final ExperimentPipeline.Settings settings;
  public final int seed;

  /** seed-N in the output folder: phase1.json, report.json, png/ and the step's text. */
  public final Path folder;

  public final MnistFiles data;

  /** Plots and other work off the critical path. */
  public final Background background;

  /** Where the steps tell their progress. */
  public final Console console;

  /** Phase 1's trained classifier (set by {@link SeedSteps#PHASE1}). */
  public TFMlpClassifier classifier;

  /** The hidden activations of the training set (set by {@link SeedSteps#ACTIVATIONS}). */
  public Instances hiddenTrain;

  /** The hidden activations of the test set, made when first read. */
  private Instances hiddenTest;

  /** Phase 2's trained and analysed autoencoder (set by {@link SeedSteps#PHASE2}). */
  public SuperpositionAutoencoder autoencoder;

  /** The hidden activations of the training set before the classifier's first step. */
  private float[] untrainedHidden;

  /** {@link #hiddenTrain}'s features as one row-major matrix. */
  private float[] trainedHidden;

  SeedRun(
      ExperimentPipeline.Settings settings,
      int seed,
      Path folder,
      MnistFiles data,
      Background background,
      Console console) {
    this.settings = settings;
    this.seed = seed;
    this.folder = folder;
    this.data = data;
    this.background = background;
    this.console = console;
  }

  /**
   * The hidden activations of the training set by the classifier before its first step (the same
   * options and seed, zero epochs), computed once for the studies' controls.
   */
  public float[] untrainedHidden() throws Exception {
    if (untrainedHidden == null) {
      TFMlpClassifier untrained = SeedStudy.untrained(classifier, data.train());
      untrainedHidden =
          SeedStudy.flatten(
              untrained.hiddenActivations(data.train()), untrained.trainedHiddenUnits());
    }
    return untrainedHidden;
  }

  /** The hidden activations of the training set as one row-major matrix, made once. */
  public float[] trainedHidden() {
    if (trainedHidden == null) {
      trainedHidden = Rows.featureMatrix(hiddenTrain, Rows.featureIndices(hiddenTrain));
    }
    return trainedHidden;
  }

  /** The names of the hidden units, as the activations filter named them. */
  public List<String> hiddenUnits() {
    return Rows.featureIndices(hiddenTrain).stream()
        .map(i -> hiddenTrain.attribute(i).name())
        .toList();
  }

  /**
   * The hidden activations of the test set, by phase 1's classifier; made once, when first read.
   */
  public Instances hiddenTest() throws Exception {
    if (hiddenTest == null) {
      hiddenTest = TFMlpActivations.activations(classifier, data.test());
    }
    return hiddenTest;
  }
}
