package weka.superposition.pipeline;

import java.nio.file.Path;
import java.util.List;
import weka.core.Instance;
import weka.core.Instances;
import weka.superposition.analysis.ClassifierHead;
import weka.superposition.analysis.DictionaryAnalysis;
import weka.superposition.charts.DictionaryCharts;
import weka.superposition.data.Rows;
import weka.superposition.describe.DictionaryReport;
import weka.superposition.experiments.DictionaryStudy;
import weka.superposition.report.DictionaryStudyReport;
import weka.tensorflow.Parameter;

/**
 * The sparse-dictionary study ({@link DictionaryStudy}) of one seed: the hidden activations phase 1
 * left, the untrained network's, the classifier's output layer and the test set's activations go
 * in; {@code dictionary.json} and the pictures ({@code png/dictionary-*.png}, drawn in the
 * background) come out, which REPORT.md's section "What the hidden units hold" reads.
 */
final class SeedDictionary {

  private SeedDictionary() {}

  static void study(SeedRun run) throws Exception {
    Instances hiddenTrain = run.hiddenTrain;
    Instances hiddenTest = run.hiddenTest();
    List<String> inputs = run.hiddenUnits();
    Parameter[] output = run.classifier.outputLayer();
    ClassifierHead head =
        new ClassifierHead(
            (int) output[0].shape()[0],
            (int) output[0].shape()[1],
            output[0].values(),
            output[1].values());
    DictionaryStudy.Data data =
        new DictionaryStudy.Data(
            run.trainedHidden(),
            run.untrainedHidden(),
            hiddenTrain.numInstances(),
            inputs,
            DictionaryReport.classLabels(hiddenTrain),
            DictionaryReport.numClasses(hiddenTrain),
            head,
            Rows.featureMatrix(hiddenTest, Rows.featureIndices(hiddenTest)),
            hiddenTest.numInstances(),
            DictionaryReport.classLabels(hiddenTest));
    DictionaryStudy.Settings settings = DictionaryStudy.Settings.standard(inputs.size(), run.seed);
    Console.Progress progress = run.console.progress("dictionary", settings.runs());
    DictionaryStudy.Study study = DictionaryStudy.run(data, run.seed, settings, progress::advance);
    progress.finish();
    DictionaryStudyReport.write(study, run.folder.resolve("dictionary.json"));
    Path png = run.folder.resolve("png");
    List<DictionaryCharts.FeatureCard> cards = cards(study.analysis(), run.data.train());
    run.background.submit(() -> DictionaryStudyReport.writePlots(study, cards, png));
  }

  /** The dashboard's cards: the strongest features, each with its 16 most activating digits. */
  static List<DictionaryCharts.FeatureCard> cards(DictionaryAnalysis a, Instances images) {
    int side = (int) Math.round(Math.sqrt(images.numAttributes() - 1));
    return DictionaryCharts.featureCards(
        a,
        DictionaryCharts.DASHBOARD_FEATURES,
        DictionaryReport.classNames(images),
        row -> pixels(images.instance(row), side * side),
        side,
        side);
  }

  /** The first {@code count} attribute values of a row (the pixels; the class is last). */
  private static float[] pixels(Instance row, int count) {
    float[] pixels = new float[count];
    double[] values = row.toDoubleArray();
    for (int i = 0; i < count; i++) {
      pixels[i] = (float) values[i];
    }
    return pixels;
  }
}
