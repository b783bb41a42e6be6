package weka.superposition.packaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every command README.md gives a reader still runs as written: the scripts it names exist and can
 * be run, the options it gives the main job are options the script knows, and the classes it names
 * on Weka's command line exist (a {@code --package-class} in the package itself, not in the dev
 * source set, src/dev/java, which does not ship; a class for {@code dev/java-dev.sh} in either).
 */
class ReadmeCommandsTest {

  private static final Path ROOT = Path.of(System.getProperty("project.basedir", "."));
  private static final Pattern SCRIPT = Pattern.compile("\\b((?:examples|dev)/[\\w./-]+\\.sh)\\b");

  /** The README's shell commands: the lines of its bash blocks, continuations joined. */
  static List<String> commands() throws IOException {
    List<String> commands = new ArrayList<>();
    boolean inBash = false;
    StringBuilder line = new StringBuilder();
    for (String raw : Files.readAllLines(ROOT.resolve("README.md"))) {
      if (raw.startsWith("```")) {
        inBash = !inBash && raw.trim().equals("```bash");
        continue;
      }
      if (!inBash) {
        continue;
      }
      String text = raw.replaceAll("\\s+#.*$", "").trim();
      if (text.endsWith("\\")) {
        line.append(text, 0, text.length() - 1).append(' ');
        continue;
      }
      line.append(text);
      if (!line.toString().isBlank()) {
        commands.add(line.toString().trim());
      }
      line.setLength(0);
    }
    return commands;
  }

  @Test
  void theReadmeHasCommands() throws IOException {
    List<String> commands = commands();
    assertTrue(commands.contains("examples/run-experiment.sh"), commands.toString());
    assertTrue(commands.contains("mvn -B verify"), commands.toString());
  }

  @Test
  void everyScriptItNamesExistsAndRuns() throws IOException {
    for (String command : commands()) {
      Matcher m = SCRIPT.matcher(command);
      while (m.find()) {
        Path script = ROOT.resolve(m.group(1));
        assertTrue(Files.isRegularFile(script), script + " (in: " + command + ")");
        assertTrue(Files.isExecutable(script), script + " is not executable");
      }
    }
  }

  @Test
  void everyOptionItGivesTheMainJobIsOneTheScriptKnows() throws IOException {
    String script = Files.readString(ROOT.resolve("examples/run-experiment.sh"));
    for (String command : commands()) {
      if (!command.startsWith("examples/run-experiment.sh")) {
        continue;
      }
      for (String word : command.split("\\s+")) {
        if (word.startsWith("--")) {
          assertTrue(
              script.contains("    " + word + ")") || script.contains("    " + word + "|"),
              word + " is not an option of run-experiment.sh (in: " + command + ")");
        }
      }
    }
  }

  @Test
  void everyClassItNamesOnWekasCommandLineExists() throws IOException {
    Set<String> simpleNames = wekaAndPackageClasses();
    for (String command : commands()) {
      // quotes of shell variables (W="examples/weka.sh ...") are not part of the words
      String[] words = command.replace("\"", " ").split("\\s+");
      for (int i = 0; i + 1 < words.length; i++) {
        String next = words[i + 1];
        if (words[i].equals("--package-class")) {
          // the installed package's or Weka's, never the dev source set's, which does not ship
          assertTrue(exists(next), next + " (in: " + command + ")");
          assertFalse(
              Files.exists(devSource(next)),
              next + " is in src/dev/java, not in the package (in: " + command + ")");
        } else if (words[i].endsWith("dev/java-dev.sh")) {
          // this checkout's build: the package's classes and the dev source set's
          assertTrue(exists(next), next + " (in: " + command + ")");
        } else if (words[i].endsWith("examples/weka.sh")
            && !next.startsWith("-")
            && !next.startsWith("$")) {
          boolean found = next.contains(".") ? exists(next) : simpleNames.contains(next);
          assertTrue(found, "no Weka class " + next + " (in: " + command + ")");
        }
      }
    }
    assertFalse(simpleNames.isEmpty());
  }

  /** Where a class of the dev source set, which the package does not ship, has its source. */
  private static Path devSource(String className) {
    return ROOT.resolve("src/dev/java/" + className.replace('.', '/') + ".java");
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className, false, ReadmeCommandsTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The simple names of Weka's classes and the package's, as {@code weka.Run} finds them. */
  private static Set<String> wekaAndPackageClasses() throws IOException {
    Set<String> names = new HashSet<>();
    Path wekaJar;
    try {
      wekaJar =
          Path.of(
              weka.core.Instances.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    try (JarFile jar = new JarFile(wekaJar.toFile())) {
      jar.stream().map(e -> e.getName()).forEach(n -> addSimpleName(n, names));
    }
    try (Stream<Path> classes = Files.walk(ROOT.resolve("target/classes"))) {
      classes.map(Path::toString).forEach(n -> addSimpleName(n, names));
    }
    return names;
  }

  private static void addSimpleName(String file, Set<String> names) {
    if (file.endsWith(".class") && !file.contains("$")) {
      String name = file.substring(0, file.length() - ".class".length());
      names.add(name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1));
    }
  }
}
