package weka.superposition.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.superposition.testing.InstalledWeka;
import weka.superposition.testing.TestData;

/**
 * The package repository the build writes (target/package-repository), served over HTTP on
 * localhost, used the way a Weka user installs from a repository: refresh the cache, list what is
 * available, install by name, then run the package's classifier.
 *
 * <p>Weka runs online here, since offline it neither refreshes nor lists a repository, but it can
 * reach only localhost: {@code weka.core.wekaPackageRepositoryURL} names the local server and
 * {@code jdk.net.hosts.file} makes every other host name unresolvable (Weka also asks
 * www.cs.waikato.ac.nz for a mirror of its central repository at every start; that fails at once).
 */
class PackageRepositoryIT {

  private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path dir;

  private HttpServer server;

  /** What the server serves, besides the host's zip: the rewritten copy of the repository. */
  private Path root;

  private final Set<String> served = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void serveRepository() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void refreshesListsInstallsByNameAndRuns() throws Exception {
    String name = InstalledWeka.packageName();
    root = localCopyOfRepository(dir.resolve("repository"));
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    InstalledWeka weka =
        InstalledWeka.fresh(
            dir.resolve("weka-home"),
            CHILD_TIMEOUT,
            "-Dweka.packageManager.offline=false",
            "-Dweka.core.wekaPackageRepositoryURL=" + baseUrl(),
            "-Djdk.net.hosts.file=" + hosts);

    InstalledWeka.Run refresh = weka.java("weka.core.WekaPackageManager", "-refresh-cache");
    assertEquals(0, refresh.exitCode(), refresh.describe());
    assertTrue(served.contains("/repo.zip"), "the cache comes from repo.zip: " + served);
    assertTrue(
        Files.isRegularFile(weka.home().resolve("repCache/" + name + "/Latest.props")),
        refresh.describe());
    assertFalse(
        refresh.stdout().contains("Exception") || refresh.stderr().contains("Exception"),
        refresh.describe());

    assertListed(weka, "available", "\t" + name + ": ");

    InstalledWeka.Run install = weka.java("weka.core.WekaPackageManager", "-install-package", name);
    assertEquals(0, install.exitCode(), install.describe());
    assertTrue(
        served.contains("/" + InstalledWeka.packageZip().getFileName()),
        "the zip is downloaded from its PackageURL: " + served);
    assertTrue(install.stdout().contains("needs Java 17"), "the installation message is shown");
    assertTrue(
        Files.isRegularFile(weka.packageDir().resolve("tensorflowSuperposition.jar")),
        install.describe());
    System.out.printf(
        "install %s by name from a localhost repository: %.2f s (JVM included)%n",
        name, install.seconds());

    assertListed(weka, "installed", "\tYes\t" + name + ": ");

    // the classifier trains, which loads TensorFlow's native library from the installed package
    String train = TestData.mnist600Arff(0, 100, dir.resolve("train.arff"));
    InstalledWeka.Run classifier =
        weka.wekaRun("TFMlpClassifier", "-t", train, "-no-cv", "-epochs", "1");
    assertEquals(0, classifier.exitCode(), classifier.describe());
    assertTrue(
        classifier.stdout().contains("Network: 784 inputs -> 49 hidden"), classifier.describe());
    assertTrue(
        classifier.stdout().contains("=== Error on training data ==="), classifier.describe());
  }

  @Test
  void installsByNameInAFreshOfflineWekaHome() throws Exception {
    String name = InstalledWeka.packageName();
    root = localCopyOfRepository(dir.resolve("repository"));
    InstalledWeka weka =
        InstalledWeka.fresh(
            dir.resolve("offline-home"),
            CHILD_TIMEOUT,
            "-Dweka.packageManager.offline=true",
            "-Dweka.core.wekaPackageRepositoryURL=" + baseUrl());

    // offline, Weka still reads the configured repository, and nothing else
    InstalledWeka.Run refresh = weka.java("weka.core.WekaPackageManager", "-refresh-cache");
    InstalledWeka.Run install = weka.java("weka.core.WekaPackageManager", "-install-package", name);

    assertEquals(0, refresh.exitCode(), refresh.describe());
    assertEquals(0, install.exitCode(), install.describe());
    assertTrue(
        Files.isRegularFile(weka.packageDir().resolve("tensorflowSuperposition.jar")),
        install.describe());
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * The build's repository, with every PackageURL pointing at this server, which serves the host's
   * zip from target/ by its file name; repo.zip is rebuilt from the rewritten files.
   */
  private Path localCopyOfRepository(Path copy) throws IOException {
    Path source = InstalledWeka.packageRepository();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files =
          walk.filter(Files::isRegularFile).filter(p -> !p.endsWith("repo.zip")).sorted().toList();
    }
    String zipUrl = baseUrl() + "/" + InstalledWeka.packageZip().getFileName();
    for (Path file : files) {
      Path target = copy.resolve(source.relativize(file).toString());
      Files.createDirectories(target.getParent());
      String text = Files.readString(file);
      if (file.toString().endsWith(".props")) {
        Properties props = new Properties();
        props.load(new StringReader(text));
        assertTrue(props.getProperty("PackageURL").endsWith(".zip"), file.toString());
        text = text.replaceAll("(?m)^PackageURL=.*$", "PackageURL=" + zipUrl);
      }
      Files.writeString(target, text);
    }
    // as Weka's own repo.zip: a package's folder entry before its files
    try (ZipOutputStream zip =
            new ZipOutputStream(Files.newOutputStream(copy.resolve("repo.zip")));
        Stream<Path> walk = Files.walk(copy)) {
      for (Path p :
          walk.filter(p -> !p.equals(copy) && !p.endsWith("repo.zip")).sorted().toList()) {
        String entry = copy.relativize(p).toString().replace('\\', '/');
        if (Files.isDirectory(p)) {
          zip.putNextEntry(new ZipEntry(entry + "/"));
        } else {
          zip.putNextEntry(new ZipEntry(entry));
          zip.write(Files.readAllBytes(p));
        }
        zip.closeEntry();
      }
    }
    return copy;
  }

  /** Weka's package manager lists {@code which} packages, one line of them with {@code entry}. */
  private static void assertListed(InstalledWeka weka, String which, String entry)
      throws Exception {
    InstalledWeka.Run list = weka.java("weka.core.WekaPackageManager", "-list-packages", which);
    assertEquals(0, list.exitCode(), list.describe());
    assertTrue(list.stdout().lines().anyMatch(l -> l.contains(entry)), list.describe());
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    served.add(path);
    Path file =
        path.equals("/" + InstalledWeka.packageZip().getFileName())
            ? InstalledWeka.packageZip()
            : root.resolve(path.substring(1)).normalize();
    try (exchange) {
      if (!file.startsWith(root) && !file.equals(InstalledWeka.packageZip())
          || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.sendResponseHeaders(200, Files.size(file));
      try (OutputStream out = exchange.getResponseBody()) {
        Files.copy(file, out);
      }
    }
  }
}
