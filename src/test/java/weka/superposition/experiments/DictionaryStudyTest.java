package weka.superposition.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.superposition.report.DictionaryStudyReport;
import weka.superposition.testing.DictionaryFixtures;

class DictionaryStudyTest {

  @TempDir Path dir;

  @Test
  void everyVariantAndSparsityGetsAPointAndTheChosenOneItsChecks() throws Exception {
    DictionaryStudy.Study study =
        DictionaryStudy.run(
            DictionaryFixtures.data(2_000, 8), 1, DictionaryFixtures.settings(8), line -> {});

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
    DictionaryStudy.Data data = DictionaryFixtures.data(1_000, 6);
    DictionaryStudy.Study twoThreads =
        DictionaryStudy.run(data, 1, DictionaryFixtures.settings(6), line -> {});
    DictionaryStudy.Settings s = DictionaryFixtures.settings(6);
    DictionaryStudy.Study oneThread =
        DictionaryStudy.run(
            data, 1, new DictionaryStudy.Settings(s.ks(), s.chosenK(), s.dictionary(), 1), l -> {});
    assertArrayEquals(
        twoThreads.chosen().weights().decoder(), oneThread.chosen().weights().decoder());
    assertEquals(twoThreads.points().get(5).fvu(), oneThread.points().get(5).fvu());
  }

  @Test
  void theStudyReadsBackFromItsJson() throws Exception {
    DictionaryStudy.Study study =
        DictionaryStudy.run(
            DictionaryFixtures.data(1_000, 6), 1, DictionaryFixtures.settings(6), line -> {});
    Path file = dir.resolve("dictionary.json");
    DictionaryStudyReport.write(study, file);
    DictionaryStudy.Study read = DictionaryStudyReport.read(file);
    assertEquals(study.points(), read.points());
    assertEquals(study.downstream(), read.downstream());
    assertArrayEquals(study.chosen().weights().decoder(), read.chosen().weights().decoder());
    assertEquals(study.analysis().fvu(), read.analysis().fvu());
  }
}
