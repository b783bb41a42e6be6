package weka.superposition.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static weka.superposition.testing.IdxFixtures.images;
import static weka.superposition.testing.IdxFixtures.labels;
import static weka.superposition.testing.IdxFixtures.pixel;
import static weka.superposition.testing.IdxFixtures.write;
import static weka.superposition.testing.IdxFixtures.writeGzipped;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.superposition.testing.InstalledWeka;

/** The package zip as Weka's package manager sees it: layout, offline install, use by name. */
class PackageInstallIT {

  @TempDir Path dir;

  @Test
  void zipHasWekasLayoutAndOnlyTheHostsNatives() throws IOException {
    try (ZipFile zip = new ZipFile(InstalledWeka.packageZip().toFile())) {
      List<String> names = zip.stream().map(ZipEntry::getName).toList();
      assertTrue(names.contains("Description.props"), names.toString());
      assertTrue(names.contains("tensorflowSuperposition.jar"), names.toString());
      assertTrue(names.contains("lib/tensorflow-core-api-1.1.0.jar"), names.toString());
      assertTrue(
          names.stream().anyMatch(n -> n.startsWith("lib/jackson-databind-")), names.toString());
      assertFalse(
          names.stream().anyMatch(n -> n.contains("tensorflow-framework")),
          "no class uses tensorflow-framework");
      assertTrue(
          names.stream().anyMatch(n -> n.startsWith("lib/jfreechart-1.5")), names.toString());
      assertTrue(names.contains("src/main/java/weka/core/converters/IDXLoader.java"));
      // the dev source set (src/dev/java: the benchmarks) does not ship, as source or class
      List<String> dev = DevSourceSetTest.devClasses();
      assertFalse(dev.isEmpty());
      assertFalse(names.stream().anyMatch(n -> n.startsWith("src/dev/")), names.toString());
      try (JarInputStream jar =
          new JarInputStream(zip.getInputStream(zip.getEntry("tensorflowSuperposition.jar")))) {
        for (JarEntry entry; (entry = jar.getNextJarEntry()) != null; ) {
          String name = entry.getName().replaceAll("(\\$.*)?\\.(class|java)$", "");
          assertFalse(dev.contains(name), entry.getName() + " is a dev class");
        }
      }
      assertFalse(names.stream().anyMatch(n -> n.contains("weka-stable")), "Weka is provided");
      long natives =
          names.stream().filter(n -> n.matches("lib/tensorflow-core-native-.*-.*\\.jar")).count();
      assertEquals(1, natives, names.toString());

      Properties description = new Properties();
      description.load(
          new StringReader(
              new String(zip.getInputStream(zip.getEntry("Description.props")).readAllBytes())));
      String name = InstalledWeka.packageName();
      assertEquals(name, description.getProperty("PackageName"));
      assertTrue(description.containsKey("OSName"), "the zip is gated to its platform");
      assertTrue(description.containsKey("OSArch"), "the zip is gated to its platform");
      assertTrue(
          description
              .getProperty("PackageURL")
              .endsWith("/" + InstalledWeka.packageZip().getFileName()),
          "PackageURL is this zip");
      List<String> precluded = List.of(description.getProperty("Precludes").split(","));
      assertEquals(4, precluded.size(), precluded.toString());
      assertFalse(precluded.contains(name), "a package must not preclude itself");
      assertTrue(precluded.stream().allMatch(p -> p.startsWith("tensorflowSuperposition-")));
      assertFalse(description.toString().contains("@PLATFORM@"), description.toString());
    }
  }

  @Test
  void installsOfflineAndIsListed() throws Exception {
    InstalledWeka.Run install = InstalledWeka.withPackage().assertInstalledAndListed();
    System.out.printf("package install: %.2f s (JVM start included)%n", install.seconds());
  }

  @Test
  void wekaRunIdxLoaderPrintsArff() throws Exception {
    Path imagesFile = writeGzipped(dir.resolve("t10k-images-idx3-ubyte.gz"), images(20, 28, 28));
    write(dir.resolve("t10k-labels-idx1-ubyte"), labels(20));
    InstalledWeka weka = InstalledWeka.withPackage();

    InstalledWeka.Run run = weka.wekaRun("IDXLoader", imagesFile.toString());

    assertEquals(0, run.exitCode(), run.describe());
    Instances data = new Instances(new StringReader(run.stdout()));
    assertEquals(20, data.numInstances(), run.describe());
    assertEquals(785, data.numAttributes());
    assertEquals("pixel784", data.attribute(783).name());
    data.setClassIndex(784);
    assertEquals(10, data.classAttribute().numValues());
    for (int i = 0; i < data.numInstances(); i++) {
      assertEquals(Integer.toString(i % 10), data.instance(i).stringValue(784));
      assertEquals(pixel(i, 0), data.instance(i).value(0), 0.0);
      assertEquals(pixel(i, 783), data.instance(i).value(783), 0.0);
    }
  }
}
