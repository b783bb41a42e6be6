package weka.superposition.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A bare Weka (a Weka release and its dependencies, nothing of this project on the class path) with
 * a private WEKA_HOME, run in child JVMs as a user would run it. Integration tests share one
 * offline instance per release and JVM, into which the package zip is installed once; {@link
 * #fresh} gives an empty home with other package-manager settings (a package repository, say).
 */
public final class InstalledWeka {

  /** The Weka releases the integration tests run: the package is built against the stable one. */
  public enum Release {
    /** weka-stable, the pom's weka.version (3.8): the release the package is compiled against. */
    STABLE("weka.version", "it-weka-home"),
    /**
     * weka-dev, the pom's weka.dev.version (3.9, Weka's developer branch), which the build copies
     * into target/weka-dev for the integration tests alone. Its pom lists weka-stable's
     * dependencies, so its class path is its jar and weka-stable's dependencies.
     */
    DEV("weka.dev.version", "it-weka-dev-home");

    private final String versionProperty;
    private final String homeFolder;

    Release(String versionProperty, String homeFolder) {
      this.versionProperty = versionProperty;
      this.homeFolder = homeFolder;
    }

    /** The version, as the pom gives it (3.8.6, 3.9.6). */
    public String version() {
      return requiredProperty(versionProperty);
    }

    /** Weka's jar and its dependencies. */
    public String classPath() throws IOException {
      return switch (this) {
        case STABLE -> readClassPath("weka.classpath.file");
        case DEV ->
            requiredProperty("weka.dev.jar")
                + File.pathSeparator
                + readClassPath("weka.dependencies.classpath.file");
      };
    }

    private static String readClassPath(String fileProperty) throws IOException {
      return Files.readString(Path.of(requiredProperty(fileProperty))).trim();
    }
  }

  /** The result of one child JVM. */
  public record Run(int exitCode, String stdout, String stderr, double seconds) {
    public String describe() {
      return "exit "
          + exitCode
          + "\n--- stdout (tail) ---\n"
          + tail(stdout)
          + "\n--- stderr ---\n"
          + tail(stderr);
    }

    private static String tail(String text) {
      return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }
  }

  private static final Map<Release, InstalledWeka> shared = new EnumMap<>(Release.class);

  private final Path home;
  private final String classPath;
  private final List<String> wekaOptions;
  private final Duration timeout;
  private Run installation;

  private InstalledWeka(Path home, String classPath, List<String> wekaOptions, Duration timeout)
      throws IOException {
    this.home = home;
    this.classPath = classPath;
    this.wekaOptions = List.copyOf(wekaOptions);
    this.timeout = timeout;
    Files.createDirectories(home.resolve("props"));
  }

  /** The shared Weka 3.8 home with the package zip installed (installed on first use). */
  public static InstalledWeka withPackage() throws IOException, InterruptedException {
    return withPackage(Release.STABLE);
  }

  /** The shared home of {@code release} with the package zip installed (installed on first use). */
  public static synchronized InstalledWeka withPackage(Release release)
      throws IOException, InterruptedException {
    InstalledWeka weka = shared.get(release);
    if (weka == null) {
      Path home = Path.of(requiredProperty("project.basedir"), "target", release.homeFolder);
      deleteRecursively(home);
      weka =
          new InstalledWeka(
              home,
              release.classPath(),
              List.of("-Dweka.packageManager.offline=true"),
              Duration.ofMinutes(15));
      // Weka's package manager tries the network at every start, and can hang on a closed one
      Files.writeString(
          home.resolve("props/PackageManager.props"), "weka.packageManager.offline=true\n");
      weka.installation =
          weka.java("weka.core.WekaPackageManager", "-install-package", packageZip().toString());
      shared.put(release, weka);
    }
    return weka;
  }

  /**
   * An empty Weka 3.8 home at {@code home} (emptied if it exists) whose child JVMs get {@code
   * wekaOptions} (system properties such as the package repository) and are killed after {@code
   * timeout}.
   */
  public static InstalledWeka fresh(Path home, Duration timeout, String... wekaOptions)
      throws IOException {
    deleteRecursively(home);
    return new InstalledWeka(home, Release.STABLE.classPath(), Arrays.asList(wekaOptions), timeout);
  }

  /**
   * A folder holding only {@code classes} (with their nested and anonymous classes), copied from
   * the test classes into {@code folder}: the class path of a driver that runs in a child JVM. The
   * whole of target/test-classes would put test classes into Weka's class discovery without the
   * package classes they refer to.
   */
  public static Path driverClassPath(Path folder, Class<?>... classes) throws Exception {
    for (Class<?> driver : classes) {
      Path root = Path.of(driver.getProtectionDomain().getCodeSource().getLocation().toURI());
      String packageFolder = driver.getPackageName().replace('.', '/');
      Path source = root.resolve(packageFolder);
      Path target = folder.resolve(packageFolder);
      Files.createDirectories(target);
      String name = driver.getSimpleName();
      try (var files = Files.list(source)) {
        for (Path file :
            files
                .filter(
                    f -> {
                      String n = f.getFileName().toString();
                      return n.equals(name + ".class") || n.startsWith(name + "$");
                    })
                .toList()) {
          Files.copy(file, target.resolve(file.getFileName()));
        }
      }
    }
    return folder;
  }

  public static Path packageZip() {
    return Path.of(requiredProperty("package.zip"));
  }

  /** The host's package name, e.g. tensorflowSuperposition-linux-x86_64. */
  public static String packageName() {
    return requiredProperty("package.name");
  }

  /** The package repository the build writes beside the zips (target/package-repository). */
  public static Path packageRepository() {
    return Path.of(requiredProperty("package.repository"));
  }

  /** The installed package's folder in this Weka home. */
  public Path packageDir() {
    return home.resolve("packages").resolve(packageName());
  }

  /** The run that installed the package. */
  public Run installation() {
    return installation;
  }

  public Path home() {
    return home;
  }

  /**
   * The installed package's jar and libraries, for Weka tools that are not run through weka.Run and
   * so do not load packages themselves (CheckClassifier).
   */
  public String packageClassPath() {
    Path installed = packageDir();
    return installed.resolve("tensorflowSuperposition.jar")
        + File.pathSeparator
        + installed.resolve("lib")
        + File.separator
        + "*";
  }

  /** Runs {@code mainClass} with {@code args} in a headless child JVM on Weka's class path. */
  public Run java(String mainClass, String... args) throws IOException, InterruptedException {
    return javaOnDisplay(null, "", mainClass, args);
  }

  /**
   * Runs {@code mainClass} in a child JVM on Weka's class path plus {@code extraClassPath}, on X
   * display {@code display} (headless when null).
   */
  public Run javaOnDisplay(String display, String extraClassPath, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("weka.jvm.opens", "").split("\\s+")));
    command.removeIf(String::isBlank);
    command.add("-DWEKA_HOME=" + home);
    command.addAll(wekaOptions);
    command.addAll(
        List.of(
            "-Djava.awt.headless=" + (display == null),
            "-cp",
            extraClassPath.isEmpty() ? classPath : extraClassPath + File.pathSeparator + classPath,
            mainClass));
    command.addAll(Arrays.asList(args));

    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    if (display != null) {
      builder.environment().put("DISPLAY", display);
    }
    File stdout = File.createTempFile("weka-out", ".txt");
    File stderr = File.createTempFile("weka-err", ".txt");
    builder.redirectOutput(stdout).redirectError(stderr);
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IOException("Timed out after " + timeout + ": " + command);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      return new Run(
          process.exitValue(),
          Files.readString(stdout.toPath(), StandardCharsets.UTF_8),
          Files.readString(stderr.toPath(), StandardCharsets.UTF_8),
          seconds);
    } finally {
      stdout.delete();
      stderr.delete();
    }
  }

  /** Runs a class of Weka or of an installed package by its short name through weka.Run. */
  public Run wekaRun(String... args) throws IOException, InterruptedException {
    return java("weka.Run", args);
  }

  /**
   * Runs the filter {@code filter} (a short name) through weka.Run in batch mode with {@code
   * options}, the last attribute the class: it learns on {@code train} and writes it filtered to
   * {@code trainOut}, then filters {@code test} the same way into {@code testOut}.
   */
  public Run batchFilter(
      String filter, String train, String trainOut, String test, String testOut, String... options)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(filter));
    args.addAll(List.of(options));
    args.addAll(
        List.of("-c", "last", "-b", "-i", train, "-o", trainOut, "-r", test, "-s", testOut));
    return wekaRun(args.toArray(String[]::new));
  }

  /**
   * Asserts that the package was installed into this home and that Weka's package manager lists it
   * as installed; returns the installation.
   */
  public Run assertInstalledAndListed() throws IOException, InterruptedException {
    Run install = installation();
    assertEquals(0, install.exitCode(), install.describe());
    assertTrue(Files.isRegularFile(packageDir().resolve("tensorflowSuperposition.jar")));
    Run list = java("weka.core.WekaPackageManager", "-list-packages", "installed");
    assertEquals(0, list.exitCode(), list.describe());
    assertTrue(list.stdout().contains("\tYes\t" + packageName() + ": "), list.describe());
    return install;
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          "System property "
              + name
              + " is not set: run integration "
              + "tests through Maven (mvn verify), which sets it");
    }
    return value;
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }
}
