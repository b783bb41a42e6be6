package weka.superposition.pipeline;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.SerializationHelper;
import weka.superposition.io.AtomicFiles;

/**
 * Phase 1: {@link TFMlpClassifier} with the seed's settings, the test set's accuracy after every
 * epoch (the test set in memory, not read again), its report {@code phase1.json}, the saved model
 * {@code mlp.model}, and Weka's evaluation on the test set in {@code phase1.txt}: what {@code
 * weka.Run TFMlpClassifier -t train -T test -d mlp.model -monitor test -report phase1.json} gives.
 */
public final class ClassifierStep implements Step {

  @Override
  public String name() {
    return "phase1";
  }

  @Override
  public String description(SeedRun run) {
    return "phase 1, TFMlpClassifier ("
        + run.settings.epochs1()
        + " epochs; test accuracy after each)";
  }

  @Override
  public void run(SeedRun run) throws Exception {
    TFMlpClassifier classifier = new TFMlpClassifier();
    classifier.setSeed(run.seed);
    classifier.setEpochs(run.settings.epochs1());
    classifier.setMonitorData(run.data.test());
    classifier.setReportFile(run.folder.resolve("phase1.json").toFile());
    classifier.buildClassifier(run.data.train());
    classifier.setMonitorData(null);
    SerializationHelper.write(new File(run.folder.toFile(), "mlp.model").getPath(), classifier);

    Evaluation evaluation = new Evaluation(run.data.train());
    evaluation.evaluateModel(classifier, run.data.test());
    String text =
        classifier
            + "\n"
            + evaluation.toSummaryString("=== Error on test data ===\n", false)
            + "\n"
            + evaluation.toMatrixString();
    AtomicFiles.write(
        run.folder.resolve("phase1.txt"),
        part -> Files.writeString(part, text, StandardCharsets.UTF_8));
    run.classifier = classifier;
  }
}
