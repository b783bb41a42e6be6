package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.core.Instances;
import weka.superposition.testing.InstalledWeka;
import weka.superposition.testing.TestData;

/** TFMlpClassifier from Weka's command line, through the installed package. */
class TFMlpClassifierIT {

  @TempDir
  Path dir;

  @Test
  void trainsEvaluatesSavesAndReloadsThroughWekaRun() throws Exception {
    Instances mnist = TestData.mnist600();
    String train = TestData.saveArff(new Instances(mnist, 0, 500),
        dir.resolve("train.arff"));
    String test = TestData.saveArff(new Instances(mnist, 500, 100),
        dir.resolve("test.arff"));
    Path model = dir.resolve("model.bin");
    InstalledWeka weka = InstalledWeka.withPackage();

    InstalledWeka.Run first = weka.wekaRun("TFMlpClassifier", "-t", train, "-T",
        test, "-d", model.toString(), "-epochs", "15", "-mini-batch-size", "16");
    InstalledWeka.Run second = weka.wekaRun("TFMlpClassifier", "-t", train, "-T",
        test, "-epochs", "15", "-mini-batch-size", "16");
    InstalledWeka.Run reloaded = weka.wekaRun("TFMlpClassifier", "-l", model.toString(), "-T",
        test.toString());

    assertEquals(0, first.exitCode(), first.describe());
    assertTrue(first.stdout().contains("Network: 784 inputs -> 49 hidden"), first.describe());
    assertTrue(first.stderr().contains("TFMlpClassifier: epoch 15/15"), first.describe());
    double accuracy = testAccuracy(first.stdout());
    assertTrue(accuracy >= 70, first.describe());
    assertEquals(accuracy, testAccuracy(second.stdout()), 0.0, second.describe());
    assertEquals(0, reloaded.exitCode(), reloaded.describe());
    assertEquals(accuracy, testAccuracy(reloaded.stdout()), 0.0, reloaded.describe());
    System.out.printf("weka.Run TFMlpClassifier: %.1f %% on 100 test digits, %.1f s%n", accuracy,
        first.seconds());
  }


  /** The percentage of correctly classified instances in the test-set section of Weka's output. */
  static double testAccuracy(String output) {
    int section = output.indexOf("=== Error on test data ===");
    assertTrue(section >= 0, output);
    Matcher m = Pattern.compile("Correctly Classified Instances\\s+\\d+\\s+([\\d.]+)\\s+%")
        .matcher(output.substring(section));
    assertTrue(m.find(), output);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void unsupportedDataGetAWekaErrorNotACrash() throws Exception {
    Path strings = dir.resolve("strings.arff");
    Files.writeString(strings, "@relation s\n@attribute text string\n@attribute class {a,b}\n"
        + "@data\n'x',a\n'y',b\n");
    InstalledWeka weka = InstalledWeka.withPackage();

    InstalledWeka.Run run = weka.wekaRun("TFMlpClassifier", "-t", strings.toString(),
        "-no-cv");

    String output = run.stdout() + run.stderr();
    assertTrue(output.contains("Cannot handle string attributes"), run.describe());
    assertTrue(!output.contains("SIGSEGV") && !output.contains("hs_err"), run.describe());
  }
}
