package weka.superposition.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import weka.classifiers.functions.TFMlpClassifierIT;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;
import weka.superposition.describe.DictionaryReport;
import weka.superposition.gui.PluginLoadDriver;
import weka.superposition.io.JsonFiles;
import weka.superposition.testing.CommandLineChain;
import weka.superposition.testing.InstalledWeka;
import weka.superposition.testing.InstalledWeka.Release;
import weka.superposition.testing.TestData;

/**
 * The package zip, built against Weka 3.8, in Weka 3.9 (weka-dev, the developer branch): installed
 * by 3.9's package manager into a fresh offline home, its learners run through 3.9's weka.Run, its
 * GUI plugins loaded through 3.9's package class loader.
 */
class Weka39IT {

  @TempDir Path dir;

  @Test
  void wekaDevHasWekaStablesDependencies() throws Exception {
    // the build gives weka-dev weka-stable's dependencies (pom.xml, execution weka-dev)
    Path poms = Path.of(System.getProperty("weka.dev.folder"));
    List<String> stable =
        dependencies(poms.resolve("weka-stable-" + Release.STABLE.version() + ".pom"));
    List<String> dev = dependencies(poms.resolve("weka-dev-" + Release.DEV.version() + ".pom"));
    assertFalse(stable.isEmpty());
    assertEquals(stable, dev);
  }

  /** groupId:artifactId:version:type:classifier:scope of each dependency in {@code pom}. */
  private static List<String> dependencies(Path pom) throws Exception {
    NodeList nodes =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(pom.toFile())
            .getElementsByTagName("dependency");
    List<String> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element d = (Element) nodes.item(i);
      List<String> fields = new ArrayList<>();
      for (String field :
          new String[] {"groupId", "artifactId", "version", "type", "classifier", "scope"}) {
        NodeList value = d.getElementsByTagName(field);
        fields.add(value.getLength() == 0 ? "" : value.item(0).getTextContent().trim());
      }
      list.add(String.join(":", fields));
    }
    return list;
  }

  @Test
  void installsOfflineWithWeka39sPackageManagerAndIsListed() throws Exception {
    InstalledWeka.Run install = InstalledWeka.withPackage(Release.DEV).assertInstalledAndListed();
    assertFalse(install.stdout().contains("Can't install"), install.describe());
    System.out.printf("Weka 3.9 package install: %.1f s%n", install.seconds());
  }

  @Test
  void guiPluginsLoadThroughWeka39sPackageClassLoader() throws Exception {
    InstalledWeka weka = InstalledWeka.withPackage(Release.DEV);

    InstalledWeka.Run run =
        weka.javaOnDisplay(
            null,
            PluginLoadDriver.classPath(dir.resolve("driver")),
            PluginLoadDriver.class.getName(),
            InstalledWeka.packageName());

    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.stdout().contains("Weka " + Release.DEV.version() + "\n"), run.describe());
    for (String ok :
        List.of(
            "OK package installed and loaded",
            "OK TFMlpClassifier offered among classifiers",
            "OK TFMlpActivations, SuperpositionAutoencoder and SparseDictionary offered",
            "OK " + PluginLoadDriver.LAUNCHER + " loaded by the package's class loader",
            "OK " + PluginLoadDriver.PANEL + " instantiated",
            "OK " + PluginLoadDriver.STEP + " instantiated",
            "OK Classify-tab button \"Superposition...\"",
            "OK Superposition tab in Explorer's Tabs",
            "OK tab titled Superposition",
            "OK SuperpositionAnalysis registered as a KnowledgeFlow step",
            "loads with its SuperpositionAnalysis step")) {
      assertTrue(run.stdout().contains(ok), ok + "\n" + run.describe());
    }
  }

  @Test
  void classifierAndFilterChainRunInWeka39AsIn38() throws Exception {
    String train = TestData.mnist600Arff(0, 500, dir.resolve("train.arff"));
    String test = TestData.mnist600Arff(500, 100, dir.resolve("test.arff"));
    String model = path("mlp.model");
    InstalledWeka weka39 = InstalledWeka.withPackage(Release.DEV);
    String[] phase1Options = {"-t", train, "-T", test, "-epochs", "5", "-mini-batch-size", "16"};

    InstalledWeka.Run phase1 =
        weka39.wekaRun(concat("TFMlpClassifier", phase1Options, "-d", model));
    assertEquals(0, phase1.exitCode(), phase1.describe());
    assertTrue(phase1.stdout().contains("Network: 784 inputs -> 49 hidden"), phase1.describe());
    double accuracy = TFMlpClassifierIT.testAccuracy(phase1.stdout());
    assertTrue(accuracy >= 60, phase1.describe());
    // one jar, one result: Weka 3.8 trains the same network to the same predictions
    InstalledWeka.Run phase1On38 =
        InstalledWeka.withPackage(Release.STABLE).wekaRun(concat("TFMlpClassifier", phase1Options));
    assertEquals(
        testSection(phase1On38.stdout()), testSection(phase1.stdout()), phase1On38.describe());

    InstalledWeka.Run activations = CommandLineChain.activations(weka39, dir, model, train, test);
    InstalledWeka.Run phase2 =
        CommandLineChain.autoencoder(weka39, dir, "-epochs", "3", "-learning-rate", "0.001");

    InstalledWeka.Run dictionary =
        weka39.batchFilter(
            "SparseDictionary",
            path("h-train.arff"),
            path("f-train.arff"),
            path("h-test.arff"),
            path("f-test.arff"),
            "-features",
            "98",
            "-k",
            "4",
            "-epochs",
            "3",
            "-report",
            path("dictionary.json"));
    assertEquals(0, dictionary.exitCode(), dictionary.describe());
    Instances features = DataSource.read(path("f-test.arff"));
    assertEquals(98 + 1, features.numAttributes(), dictionary.describe());
    assertEquals("f1", features.attribute(0).name());
    assertEquals(100, features.numInstances());
    for (int r = 0; r < features.numInstances(); r++) {
      long active = 0;
      for (int f = 0; f < 98; f++) {
        active += features.instance(r).value(f) > 0 ? 1 : 0;
      }
      assertTrue(active <= 4, "top-4 keeps at most four features, row " + r + ": " + active);
    }
    DictionaryReport.Saved report =
        JsonFiles.read(
            Files.readString(Path.of(path("dictionary.json"))), DictionaryReport.Saved.class);
    assertEquals(49, report.inputs().size());
    assertEquals(3, report.history().size());
    assertTrue(
        report.analysis().fvu() < 1,
        "the dictionary explains some variance: " + report.analysis().fvu());
    System.out.printf(
        "Weka 3.9: TFMlpClassifier %.1f %% on 100 test digits (as on Weka 3.8), chain %.1f s%n",
        accuracy,
        phase1.seconds() + activations.seconds() + phase2.seconds() + dictionary.seconds());
  }

  /** The test-set section of a weka.Run classifier's output (its numbers, not its timings). */
  private static String testSection(String output) {
    int section = output.indexOf("=== Error on test data ===");
    assertTrue(section >= 0, output);
    return output.substring(section);
  }

  private static String[] concat(String first, String[] middle, String... last) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(middle));
    all.addAll(List.of(last));
    return all.toArray(String[]::new);
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }
}
