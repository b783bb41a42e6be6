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
    for (String key : new String[] {"PackageName", "Version", "Date", "Title", "Category", "Author",
        "Maintainer", "License", "Description", "URL", "Depends",
        "MessageToDisplayOnInstallation"}) {
      assertNotNull(props.getProperty(key), key);
      assertFalse(props.getProperty(key).isBlank(), key);
    }
    assertEquals("tensorflowSuperposition", props.getProperty("PackageName"));
    assertEquals("weka (>=3.8.4)", props.getProperty("Depends"));
    assertTrue(props.getProperty("Date").matches("\\d{4}-\\d{2}-\\d{2}"), props.getProperty("Date"));
  }

  @Test
  void versionMatchesThePom() throws IOException {
    String pomVersion = System.getProperty("project.version");
    assertNotNull(pomVersion, "run through Maven, which passes project.version");
    assertEquals(pomVersion, description().getProperty("Version"));
  }

  @Test
  void platformGatesAreAddedPerZipNotCommitted() throws IOException {
    // the build appends OSName/OSArch for each platform's zip; a committed one would gate them all
    assertFalse(description().containsKey("OSName"));
    assertFalse(description().containsKey("OSArch"));
  }
}
