package weka.superposition.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.superposition.describe.AnalysisReport;
import weka.superposition.experiments.ConvergenceStudy;
import weka.superposition.report.DictionaryStudyReport;
import weka.superposition.report.StudyReport;
import weka.superposition.testing.InstalledWeka;
import weka.superposition.testing.TestData;

/**
 * The README's main job, examples/run-experiment.sh (one process), on a small MNIST subset with
 * tiny epochs.
 */
class RunExperimentIT {

  @TempDir Path dir;

  @Test
  void writesTheReportTheJsonAndThePlotsForEverySeed() throws Exception {
    TestData.mnist600Arff(0, 500, dir.resolve("mnist_train.arff"));
    TestData.mnist600Arff(500, 100, dir.resolve("mnist_test.arff"));
    InstalledWeka weka = InstalledWeka.withPackage();
    Path out = dir.resolve("out");

    ProcessBuilder builder =
        new ProcessBuilder(
            "bash",
            "examples/run-experiment.sh",
            "--seeds",
            "2",
            "--epochs1",
            "2",
            "--epochs2",
            "3",
            "--data",
            dir.toString(),
            "--out",
            out.toString());
    builder.directory(new File(System.getProperty("project.basedir")));
    builder.environment().put("WEKA_HOME", weka.home().toString());
    builder.environment().put("TFS_PACKAGE_ZIP", InstalledWeka.packageZip().toString());
    builder.redirectErrorStream(true);
    Path log = dir.resolve("log.txt");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(10, TimeUnit.MINUTES));
    String output = Files.readString(log);
    assertEquals(0, process.exitValue(), output);

    String report = Files.readString(out.resolve("REPORT.md"));
    for (String section :
        List.of(
            "## Seed 1: Phase 1, the classifier",
            "## Seed 2: Phase 2, the autoencoder",
            "## Across seeds",
            "## Which of the seed's claims hold here",
            "## Does the seed's claim hold when the autoencoder is trained?",
            "### Verdict",
            "## What the hidden units hold: a sparse dictionary",
            "### Verdict: do the hidden units hold features in superposition?")) {
      assertTrue(report.contains(section), section + "\n" + report);
    }
    for (int seed = 1; seed <= 2; seed++) {
      Path folder = out.resolve("seed-" + seed);
      AnalysisReport.Saved saved =
          AnalysisReport.fromJson(Files.readString(folder.resolve("report.json")));
      assertEquals(3, saved.epochAnalyses().size());
      assertEquals(49, saved.features().size());
      try (var pngs = Files.list(folder.resolve("png"))) {
        // 3 epochs, the final feature vectors, the weight analysis, the hidden units' input
        // weights, and the dictionary's three
        assertEquals(9, pngs.filter(p -> p.toString().endsWith(".png")).count());
      }
      assertTrue(report.contains("seed-" + seed + "/png/weight-analysis.png"), report);
      assertTrue(report.contains("seed-" + seed + "/png/hidden-weights.png"), report);
      ConvergenceStudy.Study study = StudyReport.read(folder.resolve(StudyReport.FILE));
      assertEquals(5, study.variants().size(), "study.json");
      // the study's notebook variant is phase 2's model, with --epochs2's epochs
      assertEquals(3, study.variant(ConvergenceStudy.NOTEBOOK).epochs());
      assertEquals(
          saved.analysis().summary().mse(),
          study.variant(ConvergenceStudy.NOTEBOOK).figures().mse(),
          0);
      assertEquals(
          12, DictionaryStudyReport.read(folder.resolve("dictionary.json")).points().size());
      assertTrue(report.contains("seed-" + seed + "/png/dictionary-frontier.png"), report);
    }
    // the phase-1 table has a row per epoch, with the test accuracy after it
    assertTrue(report.matches("(?s).*\\| 2 \\| [\\d.]+ \\| 0\\.\\d{4} \\| 0\\.9430 \\|.*"), report);
    // one process: the data read once, six steps per seed (the dictionaries last), the plots
    // waited for, the total
    List<String> timings = Files.readAllLines(out.resolve("timings.tsv"));
    assertEquals(1 + 1 + 6 * 2 + 1 + 1, timings.size(), timings.toString());
    assertEquals("seed-1 weights", timings.get(5).split("\t")[0], timings.toString());
    assertTrue(Files.size(out.resolve("seed-1/png/hidden-weights.png")) > 0);
    assertTrue(output.contains("MNIST read once: 500 training and 100 test rows"), output);
  }
}
