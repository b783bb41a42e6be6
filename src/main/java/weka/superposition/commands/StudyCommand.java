package weka.superposition.commands;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;
import weka.core.converters.IDXLoader;
import weka.superposition.experiments.ConvergenceStudy;
import weka.superposition.io.ModelFiles;
import weka.superposition.report.StudyReport;

/**
 * The convergence study ({@link ConvergenceStudy}) for one seed folder of {@code
 * examples/run-experiment.sh}: reads the trained classifier {@code mlp.model}, computes its hidden
 * activations of the training set and those of the same classifier before its first step (same
 * options, zero epochs), runs the study with the model's seed and writes {@code study.json}.
 *
 * <p>Usage: {@code StudyCommand <seed folder> <training data: MNIST's IDX images file or ARFF>}
 */
public final class StudyCommand {

  private StudyCommand() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("Usage: StudyCommand <seed folder with mlp.model> <training data>");
      System.exit(1);
    }
    Path folder = Path.of(args[0]);
    Object model = ModelFiles.readModel(folder.resolve("mlp.model").toFile());
    if (!(model instanceof TFMlpClassifier trained)) {
      throw new IllegalArgumentException(folder.resolve("mlp.model") + " is no TFMlpClassifier");
    }
    Instances data = load(args[1]);

    TFMlpClassifier untrained = new TFMlpClassifier();
    untrained.setOptions(trained.getOptions());
    untrained.setEpochs(0);
    untrained.setMonitorFile(null);
    untrained.setReportFile(null);
    untrained.setResume(false);
    untrained.buildClassifier(data);

    float[][] hidden = trained.hiddenActivations(data);
    float[][] before = untrained.hiddenActivations(data);
    int rows = hidden.length;
    int n = trained.trainedHiddenUnits();
    List<String> features = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      features.add("h" + i);
    }
    int seed = trained.getSeed();
    ConvergenceStudy.Study study =
        ConvergenceStudy.run(
            flatten(hidden, n),
            flatten(before, n),
            rows,
            features,
            seed,
            ConvergenceStudy.Settings.standard(seed),
            v ->
                System.err.printf(
                    Locale.ROOT,
                    "[study] seed %d, %s: %d epochs (kept %d), %.1f s, MSE %.5f%n",
                    seed,
                    v.name(),
                    v.epochs(),
                    v.bestEpoch(),
                    v.seconds(),
                    v.figures().mse()));
    Path file = folder.resolve("study.json");
    StudyReport.write(study, file);
    System.err.printf(Locale.ROOT, "[study] %s (%.1f s)%n", file, study.seconds());
  }

  /** MNIST's IDX images (the labels file found beside it) or any file Weka reads; class last. */
  private static Instances load(String name) throws Exception {
    Instances data;
    if (name.contains("idx3")) {
      IDXLoader loader = new IDXLoader();
      loader.setFile(new File(name));
      data = loader.getDataSet();
    } else {
      data = DataSource.read(name);
    }
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  private static float[] flatten(float[][] rows, int n) {
    float[] matrix = new float[rows.length * n];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, matrix, r * n, n);
    }
    return matrix;
  }
}
