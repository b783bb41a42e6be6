package weka.superposition.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.Instances;
import weka.superposition.io.ModelFiles;
import weka.superposition.pipeline.Console;
import weka.superposition.pipeline.MnistFiles;
import weka.superposition.pipeline.SeedStudy;

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
    Usage.exitUnless(
        args.length == 2 || args.length == 3,
        "StudyCommand <seed folder with mlp.model> <training data> [phase-2 epochs, default 20]");
    Path folder = Path.of(args[0]);
    Object model = ModelFiles.readModel(folder.resolve("mlp.model").toFile());
    if (!(model instanceof TFMlpClassifier trained)) {
      throw new IllegalArgumentException(folder.resolve("mlp.model") + " is no TFMlpClassifier");
    }
    Instances train = MnistFiles.readSet(Path.of(args[1]));
    TFMlpClassifier untrained = SeedStudy.untrained(trained, train);
    float[] untrainedHidden =
        SeedStudy.flatten(untrained.hiddenActivations(train), untrained.trainedHiddenUnits());
    int n = trained.trainedHiddenUnits();
    List<String> features = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      features.add("h" + i);
    }
    SeedStudy.study(
        SeedStudy.flatten(trained.hiddenActivations(train), n),
        untrainedHidden,
        features,
        trained.getSeed(),
        args.length == 3 ? Integer.parseInt(args[2]) : 20,
        null,
        folder,
        Console.standardOutput(false));
  }
}
