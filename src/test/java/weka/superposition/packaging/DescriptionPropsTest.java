package weka.superposition.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import weka.core.packageManagement.DefaultPackage;
import weka.core.packageManagement.DefaultPackageManager;

/** The committed Description.props is what Weka's package manager reads from every zip. */
class DescriptionPropsTest {

  static Properties description() throws IOException {
    Path file = Path.of(System.getProperty("project.basedir", "."), "Description.props");
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      props.load(in);
    }
    return props;
  }

  @Test
  void hasTheKeysWekaNeeds() throws IOException {
    Properties props = description();
    for (String key :
        new String[] {
          "PackageName",
          "Version",
          "Date",
          "Title",
          "Category",
          "Author",
          "Maintainer",
          "License",
          "Description",
          "URL",
          "PackageURL",
          "Depends",
          "JVMVersion",
          "MessageToDisplayOnInstallation"
        }) {
      assertNotNull(props.getProperty(key), key);
      assertFalse(props.getProperty(key).isBlank(), key);
    }
    // OSName/OSArch, which gate each platform's package, need Weka 3.8.2 or later; tested up to 3.9
    assertEquals("weka (>=3.8.4|<3.10.0)", props.getProperty("Depends"));
    assertTrue(
        props.getProperty("Date").matches("\\d{4}-\\d{2}-\\d{2}"), props.getProperty("Date"));
  }

  @Test
  void wekaAcceptsTheTestedReleasesAndRefusesOthers() throws IOException {
    // Weka's own check, the one its package manager makes before it installs or loads a package
    for (String version : new String[] {"3.8.4", "3.8.6", "3.9.6", "3.9.99"}) {
      assertTrue(compatibleWith(version), "weka " + version);
    }
    for (String version : new String[] {"3.8.3", "3.7.13", "3.10.0", "4.0.0"}) {
      assertFalse(compatibleWith(version), "weka " + version);
    }
    assertTrue(
        description().getProperty("Description").contains("Tested with Weka 3.8.6 and 3.9.6"));
  }

  /** Whether Weka's package manager, run by Weka {@code version}, accepts this package. */
  private static boolean compatibleWith(String version) throws IOException {
    DefaultPackageManager manager = new DefaultPackageManager();
    manager.setBaseSystemName("weka");
    manager.setBaseSystemVersion(version);
    try {
      return new DefaultPackage(null, manager, description()).isCompatibleBaseSystem();
    } catch (Exception e) {
      throw new AssertionError("Weka cannot read Depends", e);
    }
  }

  @Test
  void oneNamePerPlatform() throws IOException {
    // the build replaces @PLATFORM@: a repository lists one Latest.props per package name
    assertEquals("tensorflowSuperposition-@PLATFORM@", description().getProperty("PackageName"));
  }

  @Test
  void packageUrlIsThePlatformsZipOfThisVersion() throws IOException {
    Properties props = description();
    String version = props.getProperty("Version");
    String url = props.getProperty("PackageURL");
    assertTrue(url.startsWith("https://"), url);
    assertTrue(
        url.endsWith("/v" + version + "/tensorflowSuperposition-" + version + "-@PLATFORM@.zip"),
        "the zip the build names, in the release of this version: " + url);
  }

  @Test
  void maintainerHasAnEmailAddress() throws IOException {
    String maintainer = description().getProperty("Maintainer");
    assertTrue(maintainer.matches(".+ <[^@<>\\s]+@[^@<>\\s]+\\.[a-z]+>"), maintainer);
  }

  @Test
  void java17IsRequiredAndSaid() throws IOException {
    Properties props = description();
    // Weka 3.8.6 compares java.specification.version (17 -> 17.0) strictly with this number
    assertEquals(">16", props.getProperty("JVMVersion"));
    assertTrue(props.getProperty("Description").contains("Java 17"));
    assertTrue(props.getProperty("MessageToDisplayOnInstallation").contains("Java 17"));
  }

  @Test
  void versionMatchesThePom() throws IOException {
    String pomVersion = System.getProperty("project.version");
    assertNotNull(pomVersion, "run through Maven, which passes project.version");
    assertEquals(pomVersion, description().getProperty("Version"));
  }

  @Test
  void platformGatesAreAddedPerZipNotCommitted() throws IOException {
    // the build appends OSName/OSArch and Precludes for each platform's zip; a committed one would
    // gate them all, or make a package preclude itself
    assertFalse(description().containsKey("OSName"));
    assertFalse(description().containsKey("OSArch"));
    assertFalse(description().containsKey("Precludes"));
  }
}
