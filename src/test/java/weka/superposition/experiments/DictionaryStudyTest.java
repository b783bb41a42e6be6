package weka.superposition.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.superposition.analysis.ClassifierHead;
import weka.superposition.data.PlantedFeatures;
import weka.superposition.dictionary.DictionaryTraining;
import weka.superposition.report.DictionaryStudyReport;

class DictionaryStudyTest {

  @TempDir Path dir;

  /** Planted features as "hidden activations", their strongest feature's parity as the class. */
  private static DictionaryStudy.Data data(int rows, int n) {
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

  private static DictionaryStudy.Settings settings(int n) {
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
            2,
            128,
            0.003,
            1,
            1,
            d.biasStart(),
            d.deadSteps(),
            d.resample()),
        2);
  }

  @Test
  void everyVariantAndSparsityGetsAPointAndTheChosenOneItsChecks() throws Exception {
    DictionaryStudy.Study study = DictionaryStudy.run(data(2_000, 8), 1, settings(8), line -> {});

    assertEquals(List.of("trained", "independent", "untrained"), study.variants());
    assertEquals(6, study.points().size());
    for (DictionaryStudy.Point p : study.points()) {
      // top-k, then ReLU: at most k features fire, fewer where fewer pre-activations are positive
      assertTrue(p.l0() <= p.k() && p.l0() > p.k() / 2.0, "L0 near k: " + p);
      assertTrue(p.fvu() > 0 && p.fvu() < 1, p.toString());
      assertTrue(p.pcaFvuAtL0() > 0 && p.pcaFvuAtL0() < 1, p.toString());
    }
    assertEquals(9, study.pcaFvu().get(0).length, "PCA with 0 to 8 components");
    assertNotNull(study.analysis());
    DictionaryStudy.Downstream d = study.downstream();
    assertEquals(
        (d.reconstructed() - d.ablated()) / (d.clean() - d.ablated()), d.recovered(), 1e-12);
  }

  @Test
  void theStudyRunsTheSameWhicheverOrderItsThreadsFinishIn() throws Exception {
    DictionaryStudy.Data data = data(1_000, 6);
    DictionaryStudy.Study twoThreads = DictionaryStudy.run(data, 1, settings(6), line -> {});
    DictionaryStudy.Settings s = settings(6);
    DictionaryStudy.Study oneThread =
        DictionaryStudy.run(
            data, 1, new DictionaryStudy.Settings(s.ks(), s.chosenK(), s.dictionary(), 1), l -> {});
    assertArrayEquals(
        twoThreads.chosen().weights().decoder(), oneThread.chosen().weights().decoder());
    assertEquals(twoThreads.points().get(5).fvu(), oneThread.points().get(5).fvu());
  }

  @Test
  void theStudyReadsBackFromItsJson() throws Exception {
    DictionaryStudy.Study study = DictionaryStudy.run(data(1_000, 6), 1, settings(6), line -> {});
    Path file = dir.resolve("dictionary.json");
    DictionaryStudyReport.write(study, file);
    DictionaryStudy.Study read = DictionaryStudyReport.read(file);
    assertEquals(study.points(), read.points());
    assertEquals(study.downstream(), read.downstream());
    assertArrayEquals(study.chosen().weights().decoder(), read.chosen().weights().decoder());
    assertEquals(study.analysis().fvu(), read.analysis().fvu());
  }
}
