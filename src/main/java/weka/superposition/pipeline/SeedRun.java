package weka.superposition.pipeline;

import java.nio.file.Path;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.Instances;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;

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

  /** Phase 1's trained classifier (set by {@link SeedSteps#PHASE1}). */
  public TFMlpClassifier classifier;

  /**
   * The hidden activations of the training and test sets (set by {@link SeedSteps#ACTIVATIONS}).
   */
  public Instances hiddenTrain;

  public Instances hiddenTest;

  /** Phase 2's trained and analysed autoencoder (set by {@link SeedSteps#PHASE2}). */
  public SuperpositionAutoencoder autoencoder;

  /** The hidden activations of the training set before the classifier's first step. */
  private float[] untrainedHidden;

  SeedRun(
      ExperimentPipeline.Settings settings,
      int seed,
      Path folder,
      MnistFiles data,
      Background background) {
    this.settings = settings;
    this.seed = seed;
    this.folder = folder;
    this.data = data;
    this.background = background;
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
}
