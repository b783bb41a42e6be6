package weka.superposition.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.superposition.testing.InstalledWeka;
import weka.superposition.testing.TestData;

/**
 * The Explorer with the package installed, on a real X display: a virtual one (Xvfb, which .ci/run
 * installs) when none is set. Skipped, and says so, where there is neither.
 */
class ExplorerGuiIT {

  @TempDir Path dir;

  /** A folder with the driver's classes alone (and those they share). */
  private Path driverClassPath(Class<?> driver) throws Exception {
    return InstalledWeka.driverClassPath(
        dir.resolve("driver-" + driver.getSimpleName()), driver, DriverSupport.class);
  }

  /** The X display: DISPLAY, or a virtual one started here (stopped after the test). */
  private Process xvfb;

  private String display() throws Exception {
    String display = System.getenv("DISPLAY");
    if (display == null || display.isBlank()) {
      File binary = new File("/usr/bin/Xvfb");
      Assumptions.assumeTrue(
          binary.canExecute(),
          "GUI test skipped: no DISPLAY and no /usr/bin/Xvfb (apt-get install xvfb)");
      // -displayfd 1: Xvfb picks a free display and writes its number to standard output
      xvfb =
          new ProcessBuilder(
                  binary.getPath(),
                  "-displayfd",
                  "1",
                  "-screen",
                  "0",
                  "1280x900x24",
                  "-nolisten",
                  "tcp")
              .redirectError(dir.resolve("xvfb.log").toFile())
              .start();
      String number =
          new java.io.BufferedReader(new java.io.InputStreamReader(xvfb.getInputStream()))
              .readLine();
      assertTrue(
          number != null && number.trim().matches("\\d+"),
          "Xvfb did not start: " + Files.readString(dir.resolve("xvfb.log")));
      display = ":" + number.trim();
    }
    return display;
  }

  @AfterEach
  void stopXvfb() throws InterruptedException {
    if (xvfb != null) {
      xvfb.destroy();
      xvfb.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void explorerOffersThePackageAndThePluginTrainsAndDraws() throws Exception {
    String display = display();
    Instances mnist = TestData.mnist600();
    Path arff = dir.resolve("digits.arff");
    // a few thousand rows: the 600 digits five times over
    Instances rows = new Instances(mnist);
    for (int copy = 1; copy < 5; copy++) {
      rows.addAll(mnist);
    }
    TestData.saveArff(rows, arff);
    Path screenshots = Path.of(System.getProperty("project.basedir"), "target", "gui-screenshots");
    InstalledWeka weka = InstalledWeka.withPackage();

    InstalledWeka.Run run =
        weka.javaOnDisplay(
            display,
            driverClassPath(ExplorerDriver.class).toString(),
            ExplorerDriver.class.getName(),
            arff.toString(),
            screenshots.toString(),
            InstalledWeka.packageName());

    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.stdout().contains("OK Superposition tab in the Explorer"), run.describe());
    assertTrue(
        run.stdout().contains("OK autoencoder trained in the plugin window"), run.describe());
    assertTrue(run.stdout().contains("OK Stop stopped: Stopped after 2 epoch(s)."), run.describe());
    assertTrue(run.stdout().contains("OK no training thread left after Stop"), run.describe());
    assertTrue(
        run.stdout().contains("OK the tab warns before training on raw pixels"), run.describe());
    System.out.println(
        run.stdout()
            .lines()
            .filter(l -> l.startsWith("BENCHMARK"))
            .findFirst()
            .orElse("no BENCHMARK line"));
    assertTrue(run.stdout().contains("OK sparsity sweep ran in the Explorer"), run.describe());
    assertTrue(
        run.stdout().contains("OK sparse dictionary trained in the Explorer"), run.describe());
    assertTrue(
        run.stdout().contains("OK the dictionary summary names its FVU and the options typed"),
        run.describe());
    assertTrue(
        run.stdout().contains("OK \"Continue iterating\" trained epochs 3 and 4"), run.describe());
    assertTrue(
        run.stdout().contains("OK the TFMlpActivations editor shows its classifier " + "property"),
        run.describe());
    assertScreenshots(
        screenshots,
        "plugin-feature-vectors.png",
        "plugin-weight-analysis.png",
        "explorer-superposition-tab.png",
        "explorer-sparsity-sweep.png",
        "dictionary-options.png",
        "dictionary-summary.png",
        "dictionary-densities.png",
        "dictionary-features.png",
        "explorer-continue-iterating.png",
        "tfmlpactivations-editor.png",
        "plugin-stopped.png",
        "explorer-tab-warning.png",
        "learning-rate-tooltips.png");
    System.out.println("GUI screenshots: " + screenshots);
  }

  @Test
  void knowledgeFlowRunsThePackageTemplateAndShowsThePlots() throws Exception {
    String display = display();
    Path arff = dir.resolve("mnist600.arff");
    TestData.saveArff(TestData.mnist600(), arff);
    Path screenshots = Path.of(System.getProperty("project.basedir"), "target", "gui-screenshots");
    InstalledWeka.Run run =
        InstalledWeka.withPackage()
            .javaOnDisplay(
                display,
                driverClassPath(KnowledgeFlowDriver.class).toString(),
                KnowledgeFlowDriver.class.getName(),
                arff.toString(),
                screenshots.toString());
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(
        run.stdout().contains("OK \"" + KnowledgeFlowDriver.TEMPLATE + "\" in the Templates menu"),
        run.describe());
    assertTrue(run.stdout().contains("OK two plots reached the ImageViewer"), run.describe());
    assertTrue(run.stdout().contains("OK the summary reached the TextViewer"), run.describe());
    assertTrue(
        run.stdout().contains("OK the step's editor offers the autoencoder"), run.describe());
    assertScreenshots(
        screenshots,
        "knowledgeflow-templates-menu.png",
        "knowledgeflow-analysis-editor.png",
        "knowledgeflow-template-run.png",
        "knowledgeflow-imageviewer-feature-vectors.png",
        "knowledgeflow-imageviewer-weight-analysis.png");
    System.out.println("KnowledgeFlow screenshots: " + screenshots);
  }

  /** Each screenshot was written and holds more than a blank window. */
  private static void assertScreenshots(Path screenshots, String... names) throws IOException {
    for (String name : names) {
      assertTrue(Files.size(screenshots.resolve(name)) > 5_000, name);
    }
  }
}
