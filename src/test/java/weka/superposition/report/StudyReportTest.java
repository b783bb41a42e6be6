package weka.superposition.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weka.superposition.autoencoder.AutoencoderTraining;
import weka.superposition.autoencoder.ConvergedTraining;
import weka.superposition.autoencoder.ModelType;
import weka.superposition.experiments.ConvergenceStudy;
import weka.tensorflow.AdamRun;

/** The study on small data, its JSON and its REPORT.md section. */
class StudyReportTest {

  private static final int ROWS = 400;
  private static final int N = 6;
  private static final List<ConvergenceStudy.Study> STUDIES = new ArrayList<>();

  @TempDir static Path dir;

  /** ReLU features driven by two factors (trained) and by noise (untrained). */
  @BeforeAll
  static void runTwoSeeds() throws Exception {
    List<String> names = List.of("h1", "h2", "h3", "h4", "h5", "h6");
    for (int seed = 1; seed <= 2; seed++) {
      Random random = new Random(seed);
      float[] trained = new float[ROWS * N];
      float[] untrained = new float[ROWS * N];
      for (int r = 0; r < ROWS; r++) {
        double u = random.nextGaussian();
        double v = random.nextGaussian();
        for (int i = 0; i < N; i++) {
          double angle = Math.PI * i / N;
          trained[r * N + i] =
              (float) Math.max(0, Math.tanh(Math.cos(angle) * u + Math.sin(angle) * v));
          untrained[r * N + i] = (float) Math.max(0, 0.1 * random.nextGaussian());
        }
      }
      ConvergenceStudy.Settings settings =
          new ConvergenceStudy.Settings(
              new AutoencoderTraining.Settings(
                  ModelType.NOTEBOOK, 2, new AdamRun(2, 32, 0.0001, seed, 1), false, 0),
              new ConvergedTraining.Settings(
                  ModelType.NOTEBOOK, 2, new AdamRun(30, 32, 0.01, seed, 1), 3, 0.001, 0.1),
              new ConvergedTraining.Settings(
                  ModelType.TOY, 2, new AdamRun(30, 64, 0.01, seed, 1), 3, 0.001, 0.1));
      List<String> done = new ArrayList<>();
      ConvergenceStudy.Study study =
          ConvergenceStudy.run(
              trained, untrained, ROWS, names, seed, settings, null, v -> done.add(v.name()));
      assertEquals(StudyReport.ORDER, done, "every variant, in the report's order");
      STUDIES.add(study);
    }
  }

  @Test
  void theToyControlCopiesEachUnitsShareOfZeros() {
    ConvergenceStudy.Study study = STUDIES.get(0);
    for (double s : study.sparsity()) {
      assertTrue(s > 0.2 && s < 0.8, "about half of each ReLU feature is 0: " + s);
    }
    double max = java.util.Arrays.stream(study.toyImportance()).max().orElseThrow();
    assertEquals(1, max, 1e-6, "the largest loss weight is 1");
  }

  @Test
  void aStudyReadsBackFromItsJson() throws Exception {
    Path file = dir.resolve("study.json");
    StudyReport.write(STUDIES.get(0), file);
    ConvergenceStudy.Study back = StudyReport.read(file);
    assertEquals(STUDIES.get(0).seed(), back.seed());
    assertEquals(StudyReport.ORDER, back.variants().stream().map(v -> v.name()).toList());
    for (String name : StudyReport.ORDER) {
      assertEquals(STUDIES.get(0).variant(name).figures(), back.variant(name).figures());
    }
  }

  @Test
  void theSectionShowsEveryVariantOfBothSeedsAndAVerdict() {
    StringBuilder md = new StringBuilder();
    StudyReport.write(md, STUDIES);
    String text = md.toString();
    assertTrue(text.contains("## Does the seed's claim hold when the autoencoder is trained?"));
    assertTrue(text.contains("Directions are measured from the zero input's code"));
    assertTrue(text.contains("seed's directions"));
    for (String name : StudyReport.ORDER) {
      assertEquals(2, count(text, "\n| " + name + " |"), name + ": the summary and per-seed rows");
    }
    assertTrue(text.contains("| variant | seed 1 | seed 2 |"));
    // two seeds: what they indicate, no verdict
    assertTrue(text.contains("**Not decided**: only 2 seeds: they indicate "), text);
    assertFalse(text.contains("**Yes:") || text.contains("**No:"), text);
    assertTrue(text.contains("the toy model on features of their sparsity"));
    assertTrue(text.contains("decided again for the converged autoencoder"));
  }

  @ParameterizedTest(name = "{0} seed(s), {1} directions against 1")
  @CsvSource(
      textBlock =
          """
          # fewer than three seeds: what they indicate and how to run more, no verdict
          1, 4, '**Not decided**: only 1 seed: it indicates more superposition than the controls, run at least 3 seeds to decide (`examples/run-experiment.sh --seeds 3`); the converged'
          2, 4, '**Not decided**: only 2 seeds: they indicate more superposition than the controls, run at least 3 seeds to decide (`examples/run-experiment.sh --seeds 3`); the converged'
          2, 1, '**Not decided**: only 2 seeds: they indicate not more superposition than the controls, run at least 3 seeds to decide (`examples/run-experiment.sh --seeds 3`); the converged'
          # three seeds decide
          3, 4, '**Yes: there is more superposition in the trained MNIST features than in the controls**: the converged'
          3, 1, '**No: there is not more superposition in the trained MNIST features than in the controls**: the converged'
          """)
  void theVerdictNeedsThreeSeeds(int seeds, int directions, String verdict) {
    List<ConvergenceStudy.Study> studies = new ArrayList<>();
    for (int i = 0; i < seeds; i++) {
      studies.add(withFigures(STUDIES.get(i % STUDIES.size()), i + 1, directions));
    }
    StringBuilder md = new StringBuilder();
    StudyReport.write(md, studies);
    String text = md.toString();

    assertTrue(text.contains("\n" + verdict), text);
    assertTrue(text.contains("A verdict needs at least 3 seeds"), text);
    String toy =
        seeds < 3
            ? "Beside the paper's prediction: only " + seeds + " seed"
            : "Beside the paper's prediction: the trained features take ";
    assertTrue(text.contains(toy), text);
  }

  /**
   * {@code study} as seed {@code seed}, with a code learned (half the gap closed), {@code
   * directions} clusters for the converged autoencoder and 1 for each control and the toy model.
   */
  private static ConvergenceStudy.Study withFigures(
      ConvergenceStudy.Study study, int seed, int directions) {
    List<ConvergenceStudy.Variant> variants = new ArrayList<>();
    for (ConvergenceStudy.Variant v : study.variants()) {
      ConvergenceStudy.Figures f = v.figures();
      boolean converged = v.name().equals(ConvergenceStudy.CONVERGED);
      ConvergenceStudy.Figures planted =
          new ConvergenceStudy.Figures(
              f.mse(),
              f.meanPredictorMse(),
              f.pcaMse(),
              converged ? 0.5 : f.gapClosed(),
              f.important(),
              f.normAboveHalf(),
              new ConvergenceStudy.Directions(converged ? directions : 1, 1, 90),
              f.seedDirections(),
              f.meanInterference(),
              f.meanDimensionality(),
              f.sdDimensionality());
      variants.add(
          new ConvergenceStudy.Variant(
              v.name(),
              v.description(),
              v.model(),
              v.learningRate(),
              v.miniBatchSize(),
              v.epochs(),
              v.bestEpoch(),
              v.stoppedEarly(),
              v.seconds(),
              v.history(),
              planted,
              v.analysis()));
    }
    return new ConvergenceStudy.Study(
        seed,
        study.rows(),
        study.features(),
        study.settings(),
        study.sparsity(),
        study.toyImportance(),
        variants,
        study.seconds());
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
