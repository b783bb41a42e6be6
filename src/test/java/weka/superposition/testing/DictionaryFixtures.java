package weka.superposition.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import weka.superposition.analysis.ClassifierHead;
import weka.superposition.data.PlantedFeatures;
import weka.superposition.dictionary.DictionaryTraining;
import weka.superposition.experiments.DictionaryStudy;
import weka.tensorflow.AdamRun;

/** Small dictionary studies on planted features, for the tests of the study and its report. */
public final class DictionaryFixtures {

  private DictionaryFixtures() {}

  /** Planted features as "hidden activations", their strongest feature's parity as the class. */
  public static DictionaryStudy.Data data(int rows, int n) {
    PlantedFeatures planted = new PlantedFeatures(new PlantedFeatures.Settings(n, 2 * n, 2, 1));
    PlantedFeatures.Sample train = planted.sample(rows, new Random(1));
    PlantedFeatures.Sample test = planted.sample(rows / 4, new Random(2));
    List<String> inputs = new ArrayList<>();
    for (int j = 1; j <= n; j++) {
      inputs.add("h" + j);
    }
    float[] kernel = new float[n * 2];
    for (int j = 0; j < n; j++) {
      kernel[j * 2 + j % 2] = 1;
    }
    return new DictionaryStudy.Data(
        train.data(),
        new PlantedFeatures(new PlantedFeatures.Settings(n, 2 * n, 2, 9))
            .sample(rows, new Random(3))
            .data(),
        rows,
        inputs,
        labels(train),
        2,
        new ClassifierHead(n, 2, kernel, new float[2]),
        test.data(),
        test.rows(),
        labels(test));
  }

  private static int[] labels(PlantedFeatures.Sample sample) {
    int[] labels = new int[sample.rows()];
    for (int r = 0; r < labels.length; r++) {
      labels[r] = Math.max(0, sample.strongest(r)) % 2;
    }
    return labels;
  }

  public static DictionaryStudy.Settings settings(int n) {
    DictionaryStudy.Settings standard = DictionaryStudy.Settings.standard(n, 1);
    DictionaryTraining.Settings d = standard.dictionary();
    return new DictionaryStudy.Settings(
        new int[] {2, 4},
        2,
        new DictionaryTraining.Settings(
            d.features(),
            d.mode(),
            d.l1(),
            d.k(),
            new AdamRun(2, 128, 0.003, 1, 1),
            d.biasStart(),
            d.deadSteps(),
            d.resample()),
        2);
  }

  /** A study of 1,000 rows of 6 inputs, k of 2 and 4, two epochs: about a second. */
  public static DictionaryStudy.Study smallStudy(int seed) throws Exception {
    return DictionaryStudy.run(data(1_000, 6), seed, settings(6), line -> {});
  }
}
