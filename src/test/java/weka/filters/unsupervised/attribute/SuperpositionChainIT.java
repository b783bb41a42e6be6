package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;
import weka.superposition.describe.AnalysisReport;
import weka.superposition.testing.InstalledWeka;
import weka.superposition.testing.TestData;

/** The seed's two phases on Weka's command line, through the installed package. */
class SuperpositionChainIT {

  @TempDir Path dir;

  @Test
  void classifierActivationsAndAutoencoderChainOnTheCommandLine() throws Exception {
    String train = TestData.mnist600Arff(0, 500, dir.resolve("train.arff"));
    String test = TestData.mnist600Arff(500, 100, dir.resolve("test.arff"));
    String model = dir.resolve("mlp.model").toString();
    InstalledWeka weka = InstalledWeka.withPackage();

    InstalledWeka.Run phase1 =
        weka.wekaRun("TFMlpClassifier", "-t", train, "-T", test, "-d", model, "-epochs", "5");
    assertEquals(0, phase1.exitCode(), phase1.describe());

    InstalledWeka.Run activations =
        weka.wekaRun(
            "TFMlpActivations",
            "-model",
            model,
            "-c",
            "last",
            "-b",
            "-i",
            train,
            "-o",
            path("h-train.arff"),
            "-r",
            test,
            "-s",
            path("h-test.arff"));
    assertEquals(0, activations.exitCode(), activations.describe());
    Instances hidden = DataSource.read(path("h-test.arff"));
    assertEquals(50, hidden.numAttributes(), activations.describe());
    assertEquals("h49", hidden.attribute(48).name());
    assertEquals(100, hidden.numInstances());

    InstalledWeka.Run phase2 =
        weka.wekaRun(
            "SuperpositionAutoencoder",
            "-epochs",
            "5",
            "-learning-rate",
            "0.001",
            "-analyse-every-epoch",
            "-output-debug-info",
            "-report",
            path("report.json"),
            "-c",
            "last",
            "-b",
            "-i",
            path("h-train.arff"),
            "-o",
            path("z-train.arff"),
            "-r",
            path("h-test.arff"),
            "-s",
            path("z-test.arff"));
    assertEquals(0, phase2.exitCode(), phase2.describe());
    assertTrue(
        phase2.stderr().contains("Reconstruction MSE on the training data"), phase2.describe());
    Instances codes = DataSource.read(path("z-test.arff"));
    assertEquals(3, codes.numAttributes());
    assertEquals("z1", codes.attribute(0).name());
    assertEquals(100, codes.numInstances());
    AnalysisReport.Saved report =
        AnalysisReport.fromJson(Files.readString(Path.of(path("report.json"))));
    assertEquals(5, report.epochAnalyses().size());
    assertEquals(49, report.features().size());
    assertTrue(Files.exists(Path.of(path("report.csv"))));
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }
}
