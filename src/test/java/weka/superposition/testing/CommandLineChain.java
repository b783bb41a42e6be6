package weka.superposition.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The seed experiment's filters on Weka's command line, as the integration tests run them after a
 * TFMlpClassifier saved its model: each step checked, its files in one folder (h-train.arff and
 * h-test.arff, the hidden activations; z-train.arff and z-test.arff, the autoencoder's codes).
 */
public final class CommandLineChain {

  private CommandLineChain() {}

  /**
   * TFMlpActivations with {@code model} on {@code train} and {@code test} into the h files of
   * {@code dir}; checks that the test rows became the 49 hidden units and the class.
   */
  public static InstalledWeka.Run activations(
      InstalledWeka weka, Path dir, String model, String train, String test) throws Exception {
    InstalledWeka.Run run =
        weka.batchFilter(
            "TFMlpActivations",
            train,
            path(dir, "h-train.arff"),
            test,
            path(dir, "h-test.arff"),
            "-model",
            model);
    assertEquals(0, run.exitCode(), run.describe());
    Instances hidden = DataSource.read(path(dir, "h-test.arff"));
    assertEquals(50, hidden.numAttributes(), run.describe());
    assertEquals("h49", hidden.attribute(48).name());
    assertEquals(DataSource.read(test).numInstances(), hidden.numInstances());
    return run;
  }

  /**
   * SuperpositionAutoencoder with {@code options} and debug output on the h files of {@code dir}
   * into its z files; checks the summary on standard error and that the test rows became the
   * two-dimensional code and the class.
   */
  public static InstalledWeka.Run autoencoder(InstalledWeka weka, Path dir, String... options)
      throws Exception {
    String[] withDebug = new String[options.length + 1];
    System.arraycopy(options, 0, withDebug, 0, options.length);
    withDebug[options.length] = "-output-debug-info";
    InstalledWeka.Run run =
        weka.batchFilter(
            "SuperpositionAutoencoder",
            path(dir, "h-train.arff"),
            path(dir, "z-train.arff"),
            path(dir, "h-test.arff"),
            path(dir, "z-test.arff"),
            withDebug);
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.stderr().contains("Reconstruction MSE on the training data"), run.describe());
    Instances codes = DataSource.read(path(dir, "z-test.arff"));
    assertEquals(3, codes.numAttributes(), run.describe());
    assertEquals("z1", codes.attribute(0).name());
    assertEquals(DataSource.read(path(dir, "h-test.arff")).numInstances(), codes.numInstances());
    return run;
  }

  private static String path(Path dir, String name) {
    return dir.resolve(name).toString();
  }
}
