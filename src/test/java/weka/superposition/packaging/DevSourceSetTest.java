package weka.superposition.packaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dev source set (src/dev/java: the benchmarks and what only they use) is compiled by every
 * build with the tests' classes, so that dev/java-dev.sh runs it, and never reaches target/classes,
 * from which the package's jar is made.
 */
class DevSourceSetTest {

  private static final Path ROOT = Path.of(System.getProperty("project.basedir", "."));
  private static final Path DEV = ROOT.resolve("src/dev/java");

  /** The classes of src/dev/java, as paths relative to it without ".java". */
  static List<String> devClasses() throws IOException {
    try (Stream<Path> files = Files.walk(DEV)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .map(f -> DEV.relativize(f).toString().replace('\\', '/'))
          .map(f -> f.substring(0, f.length() - ".java".length()))
          .sorted()
          .toList();
    }
  }

  @Test
  void theBenchmarksAreDevClasses() throws IOException {
    List<String> classes = devClasses();
    for (String name :
        List.of(
            "weka/superposition/commands/AutoencoderBenchmark",
            "weka/superposition/commands/ClassifierBenchmark",
            "weka/superposition/commands/DictionaryBenchmark",
            "weka/superposition/commands/ExperimentBenchmark",
            "weka/tensorflow/TrainingFloor")) {
      assertTrue(classes.contains(name), name + " (dev classes: " + classes + ")");
      assertFalse(
          Files.exists(ROOT.resolve("src/main/java/" + name + ".java")),
          name + " is in src/main/java as well");
    }
  }

  @Test
  void everyDevClassIsCompiledButNotIntoTheJarsClasses() throws Exception {
    for (String name : devClasses()) {
      Class<?> compiled = Class.forName(name.replace('/', '.'), false, getClass().getClassLoader());
      Path from = Path.of(compiled.getProtectionDomain().getCodeSource().getLocation().toURI());
      assertFalse(
          from.equals(ROOT.resolve("target/classes").toAbsolutePath().normalize()),
          name + " was loaded from target/classes");
      assertFalse(
          Files.exists(ROOT.resolve("target/classes/" + name + ".class")),
          name + ".class is in target/classes (a stale build? mvn clean)");
    }
  }
}
