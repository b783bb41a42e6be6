package weka.superposition.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import weka.core.Instance;
import weka.core.Instances;
import weka.superposition.analysis.ClassifierHead;
import weka.superposition.analysis.DictionaryAnalysis;
import weka.superposition.charts.DictionaryCharts;
import weka.superposition.data.Rows;
import weka.superposition.experiments.DictionaryStudy;
import weka.superposition.report.DictionaryReport;
import weka.superposition.report.DictionaryStudyReport;
import weka.tensorflow.Parameter;

/**
 * The sparse-dictionary study ({@link DictionaryStudy}) of one seed: the hidden activations phase 1
 * left, the untrained network's, the classifier's output layer and the test set's activations go
 * in; {@code dictionary.json} and the pictures ({@code png/dictionary-*.png}, drawn in the
 * background) come out, which REPORT.md's section "What the hidden units hold" reads.
 */
final class SeedDictionary {

  /** Features shown on the dashboard, the strongest (largest mean activation) first. */
  static final int DASHBOARD_FEATURES = 8;

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
    int features = a.density().length;
    List<Integer> order =
        IntStream.range(0, features)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer k) -> -a.meanActivation()[k]))
            .limit(DASHBOARD_FEATURES)
            .toList();
    String[] classNames = classNames(images);
    int side = (int) Math.round(Math.sqrt(images.numAttributes() - 1));
    List<DictionaryCharts.FeatureCard> cards = new ArrayList<>();
    for (int k : order) {
      int[] rows = a.topRows()[k];
      float[][] tiles = new float[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        tiles[i] = pixels(images.instance(rows[i]), side * side);
      }
      cards.add(
          new DictionaryCharts.FeatureCard(
              k + 1,
              a.density()[k],
              tiles,
              side,
              side,
              a.featureClassShares() == null ? null : a.featureClassShares()[k],
              classNames,
              a.logitEffects() == null ? null : a.logitEffects()[k],
              a.featurePurity() == null ? Double.NaN : a.featurePurity()[k]));
    }
    return cards;
  }

  private static String[] classNames(Instances data) {
    String[] names = new String[data.numClasses()];
    for (int c = 0; c < names.length; c++) {
      names[c] = data.classAttribute().value(c);
    }
    return names;
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
