package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.superposition.testing.InstalledWeka;
import weka.superposition.testing.TestData;

/** TFMlpClassifier from Weka's command line, through the installed package. */
public class TFMlpClassifierIT {

  @TempDir Path dir;

  @Test
  void trainsEvaluatesSavesAndReloadsThroughWekaRun() throws Exception {
    String train = TestData.mnist600Arff(0, 500, dir.resolve("train.arff"));
    String test = TestData.mnist600Arff(500, 100, dir.resolve("test.arff"));
    Path model = dir.resolve("model.bin");
    InstalledWeka weka = InstalledWeka.withPackage();

    InstalledWeka.Run first =
        weka.wekaRun(
            "TFMlpClassifier",
            "-t",
            train,
            "-T",
            test,
            "-d",
            model.toString(),
            "-epochs",
            "15",
            "-mini-batch-size",
            "16",
            "-output-debug-info");
    InstalledWeka.Run second =
        weka.wekaRun(
            "TFMlpClassifier", "-t", train, "-T", test, "-epochs", "15", "-mini-batch-size", "16");
    InstalledWeka.Run reloaded =
        weka.wekaRun("TFMlpClassifier", "-l", model.toString(), "-T", test.toString());

    assertEquals(0, first.exitCode(), first.describe());
    assertTrue(first.stdout().contains("Network: 784 inputs -> 49 hidden"), first.describe());
    assertTrue(first.stderr().contains("TFMlpClassifier: epoch 15/15"), first.describe());
    double accuracy = testAccuracy(first.stdout());
    assertTrue(accuracy >= 70, first.describe());
    assertEquals(accuracy, testAccuracy(second.stdout()), 0.0, second.describe());
    // quiet unless asked: no progress lines without -output-debug-info
    assertFalse(second.stderr().contains("TFMlpClassifier: epoch"), second.describe());
    assertEquals(0, reloaded.exitCode(), reloaded.describe());
    assertEquals(accuracy, testAccuracy(reloaded.stdout()), 0.0, reloaded.describe());
    System.out.printf(
        "weka.Run TFMlpClassifier: %.1f %% on 100 test digits, %.1f s%n",
        accuracy, first.seconds());
  }

  /** The percentage of correctly classified instances in the test-set section of Weka's output. */
  public static double testAccuracy(String output) {
    int section = output.indexOf("=== Error on test data ===");
    assertTrue(section >= 0, output);
    Matcher m =
        Pattern.compile("Correctly Classified Instances\\s+\\d+\\s+([\\d.]+)\\s+%")
            .matcher(output.substring(section));
    assertTrue(m.find(), output);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void dataWithOnlyTheClassGetTheClassPriorNotANativeCrash() throws Exception {
    Path classOnly = dir.resolve("classonly.arff");
    Files.writeString(classOnly, "@relation c\n@attribute class {a,b}\n@data\na\na\na\nb\n");
    InstalledWeka weka = InstalledWeka.withPackage();

    InstalledWeka.Run run =
        weka.wekaRun("TFMlpClassifier", "-t", classOnly.toString(), "-T", classOnly.toString());

    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.stdout().contains("predicts the class prior"), run.describe());
    assertEquals(75, testAccuracy(run.stdout()), 0.0, run.describe());
  }

  @Test
  void passesWekasCheckClassifierToTheEnd() throws Exception {
    InstalledWeka weka = InstalledWeka.withPackage();

    InstalledWeka.Run run =
        weka.javaOnDisplay(
            null,
            weka.packageClassPath(),
            "weka.classifiers.CheckClassifier",
            "-W",
            TFMlpClassifier.class.getName(),
            "--",
            "-epochs",
            "3");

    assertEquals(0, run.exitCode(), run.describe());
    // what comes before are the interfaces it implements ("updateable classifier...no")
    String report = run.stdout().substring(run.stdout().indexOf("--> Classifier tests"));
    // the last test CheckClassifier runs: it got there without the JVM dying
    assertTrue(
        report.contains("basic predict (relational class, relational predictors)"), run.describe());
    List<String> failed = report.lines().filter(line -> line.endsWith("...no")).toList();
    assertTrue(failed.isEmpty(), "tests failed outright: " + failed + "\n" + run.describe());
    for (String claimed :
        List.of(
            "only class in data",
            "missing class values",
            "classifier uses instance weights",
            "more than two class problems",
            "basic predict (nominal class, numeric predictors)",
            "basic predict (nominal class, nominal predictors)",
            "missing predictor values",
            "classifier doesn't alter original datasets",
            "correct initialisation during " + "buildClassifier")) {
      assertTrue(
          report.lines().anyMatch(line -> line.startsWith(claimed) && line.endsWith("...yes")),
          claimed + "\n" + report);
    }
    System.out.printf(
        "CheckClassifier: %d yes, %d no (OK error message), %d no%n",
        count(report, "...yes"), count(report, "...no (OK error message)"), failed.size());
  }

  private static long count(String report, String ending) {
    return report.lines().filter(line -> line.endsWith(ending)).count();
  }

  @Test
  void iterativeClassifierOptimizerChoosesTheEpochs() throws Exception {
    String train = TestData.mnist600Arff(0, 300, dir.resolve("train.arff"));
    InstalledWeka weka = InstalledWeka.withPackage();

    InstalledWeka.Run run =
        weka.wekaRun(
            "weka.classifiers.meta.IterativeClassifierOptimizer",
            "-t",
            train,
            "-no-cv",
            "-F",
            "3",
            "-L",
            "2",
            "-W",
            TFMlpClassifier.class.getName(),
            "--",
            "-epochs",
            "12",
            "-mini-batch-size",
            "16");

    Matcher best = Pattern.compile("Best number of iterations found: (\\d+)").matcher(run.stdout());
    assertTrue(best.find(), run.describe());
    int epochs = Integer.parseInt(best.group(1));
    assertTrue(epochs >= 1 && epochs <= 12, run.describe());
    assertTrue(run.stdout().contains(epochs + " epochs"), run.describe());
    System.out.println("IterativeClassifierOptimizer chose " + epochs + " epochs");
  }

  @Test
  void unsupportedDataGetAWekaErrorNotACrash() throws Exception {
    Path strings = dir.resolve("strings.arff");
    Files.writeString(
        strings,
        "@relation s\n@attribute text string\n@attribute class {a,b}\n" + "@data\n'x',a\n'y',b\n");
    InstalledWeka weka = InstalledWeka.withPackage();

    InstalledWeka.Run run = weka.wekaRun("TFMlpClassifier", "-t", strings.toString(), "-no-cv");

    String output = run.stdout() + run.stderr();
    assertTrue(output.contains("Cannot handle string attributes"), run.describe());
    assertTrue(!output.contains("SIGSEGV") && !output.contains("hs_err"), run.describe());
  }
}
