package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.superposition.describe.AnalysisReport;
import weka.superposition.testing.CommandLineChain;
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

    CommandLineChain.activations(weka, dir, model, train, test);
    CommandLineChain.autoencoder(
        weka,
        dir,
        "-epochs",
        "5",
        "-learning-rate",
        "0.001",
        "-analyse-every-epoch",
        "-report",
        path("report.json"));
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
