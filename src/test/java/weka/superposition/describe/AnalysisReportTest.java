package weka.superposition.describe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import weka.superposition.analysis.Analysis;
import weka.superposition.analysis.AutoencoderAnalysis;
import weka.superposition.analysis.AutoencoderWeights;
import weka.superposition.analysis.AutoencoderWeights.Activation;
import weka.superposition.analysis.ReferenceErrors;
import weka.superposition.autoencoder.AutoencoderTraining;
import weka.superposition.autoencoder.ModelType;
import weka.tensorflow.AdamRun;
import weka.tensorflow.EpochRecord;
import weka.tensorflow.Parameters;

class AnalysisReportTest {

  private static AutoencoderTraining.Result result() {
    AutoencoderWeights w =
        new AutoencoderWeights(
            3,
            2,
            new float[] {1, 0, 0, 2, 1, 1},
            new float[2],
            Activation.IDENTITY,
            new float[] {1, 0, 1, 0, 2, 1},
            new float[] {0.1f, -0.2f, 0.3f},
            Activation.RELU);
    float[] data = {1, 0, 0, 0, 0.5f, 0, 1e-9f, 0, 0};
    ReferenceErrors references = ReferenceErrors.of(data, 3, 3, 2);
    List<String> names = List.of("a", "b \"quoted\", with comma", "c");
    Analysis first = AutoencoderAnalysis.analyse(1, names, w, data, 3, references);
    Analysis last = AutoencoderAnalysis.analyse(2, names, w, data, 3, references);
    return new AutoencoderTraining.Result(
        new AutoencoderTraining.Settings(
            ModelType.NOTEBOOK, 2, new AdamRun(2, 64, 1e-4, 1, 1), true, 0.9),
        names,
        new Parameters(List.of()),
        w,
        List.of(new EpochRecord(1, 0.5, 0.1), new EpochRecord(2, 0.25, 0.1)),
        List.of(first, last),
        last,
        references,
        0.2,
        0.01);
  }

  @Test
  void jsonRoundTripKeepsEveryFigure() throws Exception {
    AutoencoderTraining.Result result = result();

    AnalysisReport.Saved saved = AnalysisReport.fromJson(AnalysisReport.toJson(result));

    assertEquals(result.features(), saved.features());
    assertEquals(result.references(), saved.references());
    assertEquals(result.history(), saved.history());
    assertEquals(result.settings(), saved.settings());
    assertEquals(result.analysisSeconds(), saved.timing().analysisSeconds());
    assertEquals(result.trainingSeconds(), saved.timing().trainingSeconds());
    assertEquals(2, saved.epochAnalyses().size());
    Analysis a = result.analysis();
    Analysis b = saved.analysis();
    assertEquals(a.epoch(), b.epoch());
    assertArrayEquals(a.importance().raw(), b.importance().raw(), 0);
    assertArrayEquals(a.importance().rank(), b.importance().rank());
    assertArrayEquals(a.directions().flex()[1], b.directions().flex()[1], 0);
    assertArrayEquals(a.weights().dimensionality(), b.weights().dimensionality(), 0);
    assertArrayEquals(
        a.weights().decoderTimesEncoder()[2], b.weights().decoderTimesEncoder()[2], 0);
    assertArrayEquals(a.summary().cluster(), b.summary().cluster());
    assertEquals(a.summary().mse(), b.summary().mse(), 0);
    assertTrue(Double.isNaN(b.summary().topTwoAngle()), "NaN is written as \"NaN\" and read back");
  }

  @Test
  void csvHasOneRowPerFeatureInImportanceOrder() {
    String csv = AnalysisReport.featureTableCsv(result().analysis());
    String[] lines = csv.split("\n");
    assertEquals(4, lines.length);
    assertTrue(lines[1].startsWith("1,\"b \"\"quoted\"\", with comma\","), lines[1]);
    assertEquals(19, lines[0].split(",").length);
  }

  @Test
  void summaryPutsTheErrorBesideItsReferences() {
    String text = AnalysisReport.summary(result());
    assertTrue(text.contains("Reconstruction MSE on the training data"), text);
    assertTrue(text.contains("predicting each feature's mean"), text);
    assertTrue(text.contains("best rank-2 linear reconstruction (PCA)"), text);
  }

  @Test
  void aShareAbove100PercentSaysWhy() {
    weka.superposition.analysis.Analysis.Importance importance =
        new weka.superposition.analysis.Analysis.Importance(
            new double[] {0.3, -0.05, -0.05, 0.0},
            new double[] {1.5, -0.25, -0.25, 0},
            new double[] {1, 0, 0, 0.14},
            new int[] {0, 3, 1, 2});
    assertEquals("42.0 %", AnalysisReport.share(0.42, importance));
    assertEquals("100.0 %", AnalysisReport.share(1.0, importance));
    assertEquals(
        "150.0 % (above 100 %: 2 features lower the error when zeroed, which shrinks the sum)",
        AnalysisReport.share(1.5, importance));
    assertEquals("150 %", AnalysisReport.share(1.5, importance, "%.0f %%").substring(0, 5));
  }
}
