package weka.superposition.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.Instances;
import weka.superposition.autoencoder.AutoencoderTraining;
import weka.superposition.experiments.ConvergenceStudy;
import weka.superposition.report.StudyReport;

/**
 * The convergence study ({@link ConvergenceStudy}) of one seed: the trained classifier's hidden
 * activations of the training set and those of the same classifier before its first step (same
 * options, zero epochs), the study with the classifier's seed, and {@code study.json} in the seed's
 * folder, which REPORT.md's section "Does the seed's claim hold when the autoencoder is trained?"
 * reads.
 */
public final class SeedStudy {

  private SeedStudy() {}

  /**
   * The classifier {@code trained} was before its first step: the same options and seed, zero
   * epochs; the controls of the studies read its hidden activations.
   */
  public static TFMlpClassifier untrained(TFMlpClassifier trained, Instances train)
      throws Exception {
    TFMlpClassifier untrained = new TFMlpClassifier();
    untrained.setOptions(trained.getOptions());
    untrained.setEpochs(0);
    untrained.setMonitorFile(null);
    untrained.setReportFile(null);
    untrained.setResume(false);
    untrained.buildClassifier(train);
    return untrained;
  }

  /**
   * Runs the study of one seed's hidden activations and writes {@code folder/study.json}.
   *
   * @param trainedHidden the trained classifier's hidden activations of the training set, {@code
   *     rows x features.size()} row-major
   * @param notebookEpochs phase 2's epochs: the seed's setting that the notebook variant has
   * @param notebook phase 2's trained autoencoder (the notebook variant), or null to train it
   */
  public static void study(
      float[] trainedHidden,
      float[] untrainedHidden,
      List<String> features,
      int seed,
      int notebookEpochs,
      AutoencoderTraining.Result notebook,
      Path folder,
      Console console)
      throws Exception {
    Console.Progress progress =
        console.progress("variant", ConvergenceStudy.Settings.VARIANTS.size());
    ConvergenceStudy.Study study =
        ConvergenceStudy.run(
            trainedHidden,
            untrainedHidden,
            trainedHidden.length / features.size(),
            features,
            seed,
            ConvergenceStudy.Settings.standard(seed, notebookEpochs),
            notebook,
            v ->
                progress.advance(
                    String.format(
                        Locale.ROOT,
                        "%s: %d epochs (kept %d), %.1f s, MSE %.5f",
                        v.name(),
                        v.epochs(),
                        v.bestEpoch(),
                        v.seconds(),
                        v.figures().mse())));
    progress.finish();
    StudyReport.write(study, folder.resolve(StudyReport.FILE));
  }

  /** Rows of {@code n} values as one row-major array. */
  public static float[] flatten(float[][] rows, int n) {
    float[] matrix = new float[rows.length * n];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, matrix, r * n, n);
    }
    return matrix;
  }
}
