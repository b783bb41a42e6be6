package weka.superposition.gui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import weka.core.WekaPackageManager;
import weka.gui.GenericPropertiesCreator;
import weka.gui.explorer.ClassifierPanel;
import weka.gui.explorer.Explorer;

/**
 * What the GUI drivers share: their main, checks that print what they found, the package's loading,
 * finding components and windows, screenshots.
 */
final class DriverSupport {

  private DriverSupport() {}

  /** What a driver runs. */
  interface Body {
    void run() throws Exception;
  }

  /**
   * A driver's main: runs {@code body} and exits 0, or prints the failure ("FAILED: ...") and exits
   * 1.
   */
  static void runMain(Body body) {
    try {
      body.run();
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace(System.out);
      System.out.println("FAILED: " + e);
      System.exit(1);
    }
  }

  /**
   * Loads the installed packages as Weka's GUIs do, then checks that {@code packageName} is loaded
   * and that Weka's class discovery offers the package's classifier and filters.
   */
  static void checkPackageLoaded(String packageName) throws Exception {
    WekaPackageManager.loadPackages(false);
    check(
        WekaPackageManager.getInstalledPackageInfo(packageName) != null,
        "package installed and loaded");
    var discovered = GenericPropertiesCreator.getGlobalOutputProperties();
    check(
        discovered.getProperty("weka.classifiers.Classifier").contains("TFMlpClassifier"),
        "TFMlpClassifier offered among classifiers");
    String filters = discovered.getProperty("weka.filters.Filter");
    check(
        filters.contains("TFMlpActivations")
            && filters.contains("SuperpositionAutoencoder")
            && filters.contains("SparseDictionary"),
        "TFMlpActivations, SuperpositionAutoencoder and SparseDictionary offered among filters");
  }

  /** Throws with {@code what} unless {@code condition}; prints "OK what" otherwise. */
  static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
    System.out.println("OK " + what);
  }

  /** The first component under {@code root} of {@code type} that passes {@code test}, or null. */
  static <T extends Component> T find(Container root, Class<T> type, Predicate<T> test) {
    for (Component c : root.getComponents()) {
      if (type.isInstance(c) && test.test(type.cast(c))) {
        return type.cast(c);
      }
      if (c instanceof Container container) {
        T found = find(container, type, test);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The text of the first label under {@code root} that starts with {@code prefix}, or "". */
  static String labelText(Container root, String prefix) {
    JLabel label =
        find(root, JLabel.class, l -> l.getText() != null && l.getText().startsWith(prefix));
    return label == null ? "" : label.getText();
  }

  /** The titles of the tabs of {@code tabs}, in order. */
  static List<String> tabTitles(JTabbedPane tabs) {
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < tabs.getTabCount(); i++) {
      titles.add(tabs.getTitleAt(i));
    }
    return titles;
  }

  /** Waits up to {@code millis} for a showing dialog that passes {@code test}; null if none. */
  static JDialog waitForDialog(Predicate<JDialog> test, long millis) throws InterruptedException {
    for (long end = System.currentTimeMillis() + millis;
        System.currentTimeMillis() < end;
        Thread.sleep(200)) {
      for (Window w : Window.getWindows()) {
        if (w instanceof JDialog d && d.isShowing() && test.test(d)) {
          return d;
        }
      }
    }
    return null;
  }

  /**
   * A new visible frame of {@code width x height} holding what {@code content} makes; both made on
   * the event thread.
   */
  static JFrame showInFrame(
      String title, Supplier<? extends JComponent> content, int width, int height)
      throws Exception {
    AtomicReference<JFrame> frame = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          JFrame f = new JFrame(title);
          f.getContentPane().add(content.get());
          f.setSize(width, height);
          f.setVisible(true);
          frame.set(f);
        });
    return frame.get();
  }

  /** Weka's Explorer and the frame it is shown in. */
  record ExplorerWindow(Explorer explorer, JFrame frame) {}

  /** A new Explorer in a visible frame of 1200 x 850, as a user opens it. */
  static ExplorerWindow showExplorer() throws Exception {
    AtomicReference<Explorer> explorer = new AtomicReference<>();
    JFrame frame =
        showInFrame(
            "Weka Explorer",
            () -> {
              explorer.set(new Explorer());
              return explorer.get();
            },
            1200,
            850);
    return new ExplorerWindow(explorer.get(), frame);
  }

  /** {@code component} as it is painted now, written to {@code file} as PNG. */
  static void screenshot(Component component, File file) throws Exception {
    BufferedImage image =
        new BufferedImage(component.getWidth(), component.getHeight(), BufferedImage.TYPE_INT_RGB);
    SwingUtilities.invokeAndWait(
        () -> {
          var g = image.createGraphics();
          component.paint(g);
          g.dispose();
        });
    file.getParentFile().mkdirs();
    ImageIO.write(image, "png", file);
    System.out.println("OK screenshot " + file);
  }

  /** A showing frame whose title starts with {@code titlePrefix}, or null. */
  static Frame showingFrame(String titlePrefix) {
    for (Window w : Window.getWindows()) {
      if (w instanceof Frame f && w.isShowing() && f.getTitle().startsWith(titlePrefix)) {
        return f;
      }
    }
    return null;
  }

  /** Waits up to {@code millis} for a showing frame whose title starts with the prefix; or null. */
  static Frame waitForFrame(String titlePrefix, long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < end) {
      Frame frame = showingFrame(titlePrefix);
      if (frame != null) {
        return frame;
      }
      Thread.sleep(200);
    }
    return null;
  }

  /**
   * Waits up to {@code millis} for a label under {@code root} that starts with {@code prefix} (or
   * with "Failed", a training's end too); the label, or null on "Failed" or the time out.
   */
  static JLabel waitForLabel(Container root, String prefix, long millis)
      throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < end) {
      JLabel label =
          find(
              root,
              JLabel.class,
              l ->
                  l.getText() != null
                      && (l.getText().startsWith(prefix) || l.getText().startsWith("Failed")));
      if (label != null) {
        return label.getText().startsWith(prefix) ? label : null;
      }
      Thread.sleep(300);
    }
    return null;
  }

  /** A figure of this JVM's /proc/self/status in KiB (VmRSS, VmHWM), or -1 without it. */
  static long procStatusKib(String key) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  /** The Explorer's Classify tab. */
  static ClassifierPanel classifyTab(Explorer explorer) {
    return (ClassifierPanel)
        explorer.getPanels().stream()
            .filter(p -> p instanceof ClassifierPanel)
            .findFirst()
            .orElseThrow();
  }
}
