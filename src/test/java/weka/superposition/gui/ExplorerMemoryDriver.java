package weka.superposition.gui;

import static weka.superposition.gui.DriverSupport.check;
import static weka.superposition.gui.DriverSupport.classifyTab;
import static weka.superposition.gui.DriverSupport.find;
import static weka.superposition.gui.DriverSupport.procStatusKib;
import static weka.superposition.gui.DriverSupport.screenshot;
import static weka.superposition.gui.DriverSupport.waitForFrame;
import static weka.superposition.gui.DriverSupport.waitForLabel;

import java.awt.Frame;
import java.awt.Window;
import java.io.File;
import java.util.Locale;
import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import weka.classifiers.AbstractClassifier;
import weka.core.Instances;
import weka.core.WekaPackageManager;
import weka.core.converters.AbstractFileLoader;
import weka.gui.explorer.ClassifierPanel;
import weka.gui.explorer.Explorer;
import weka.gui.explorer.PreprocessPanel;

/**
 * The full-MNIST Explorer scenario of dev/explorer-memory.sh, as a user clicks it, in a JVM with
 * only Weka on its class path and the package installed in WEKA_HOME:
 *
 * <ol>
 *   <li>Preprocess: the training images opened with the package's IDXLoader and its -sparse option,
 *       as "Open file..." with "IDX image files" does (the labels found beside them);
 *   <li>Classify: TFMlpClassifier at its defaults (the seed's 10 epochs) on "Use training set",
 *       Start, until its result has its model;
 *   <li>"Superposition..." on that result: the autoencoder at its defaults, trained to the end in
 *       its window;
 *   <li>the Superposition tab: Start on the loaded pixels, which warns that they are no features;
 *       "No".
 * </ol>
 *
 * After each stage a line "STAGE name: RSS ..., peak ..., heap used ..." (heap used after a full
 * collection); at the end "BENCHMARK explorer peak RSS: N MB" (VmHWM, 10^6 bytes). Not a test: the
 * integration tests drive the Explorer on small data (ExplorerDriver).
 *
 * <p>Usage: {@code ExplorerMemoryDriver <train-images file> <screenshot folder>
 * [--no-stored-predictions]}: the flag unticks the Classify tab's "Store test data and predictions
 * for visualization" (More options...), to show Weka's own share.
 */
public final class ExplorerMemoryDriver {

  private ExplorerMemoryDriver() {}

  public static void main(String[] args) {
    boolean noStoredPredictions = args.length > 2 && args[2].equals("--no-stored-predictions");
    DriverSupport.runMain(() -> run(new File(args[0]), new File(args[1]), noStoredPredictions));
  }

  private static void run(File images, File screenshots, boolean noStoredPredictions)
      throws Exception {
    WekaPackageManager.loadPackages(false);
    stage("Explorer started");
    DriverSupport.ExplorerWindow opened = DriverSupport.showExplorer();
    Explorer explorer = opened.explorer();
    JFrame frame = opened.frame();

    // 1. Preprocess: Open file... with the package's loader, -sparse
    PreprocessPanel preprocess = explorer.getPreprocessPanel();
    AbstractFileLoader loader =
        (AbstractFileLoader)
            weka.core.Utils.forName(
                AbstractFileLoader.class,
                "weka.core.converters.IDXLoader",
                new String[] {"-sparse"});
    loader.setFile(images);
    SwingUtilities.invokeAndWait(() -> preprocess.setInstancesFromFile(loader));
    Instances data = null;
    for (long end = System.currentTimeMillis() + 300_000;
        System.currentTimeMillis() < end;
        Thread.sleep(250)) {
      data = preprocess.getInstances();
      if (data != null && data.numInstances() > 0) {
        break;
      }
    }
    check(data != null && data.numInstances() > 0, "MNIST loaded in the Preprocess tab");
    stage("loaded " + data.numInstances() + " rows (IDXLoader -sparse)");

    // 2. Classify: TFMlpClassifier at its defaults on the training set, Start
    ClassifierPanel classify = classifyTab(explorer);
    JTabbedPane tabs = explorer.getTabbedPane();
    SwingUtilities.invokeAndWait(() -> tabs.setSelectedIndex(tabIndex(tabs, "Classify")));
    Object classifier =
        AbstractClassifier.forName("weka.classifiers.functions.TFMlpClassifier", new String[0]);
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            ((weka.gui.GenericObjectEditor) field(classify, "m_ClassifierEditor"))
                .setValue(classifier);
            ((AbstractButton) field(classify, "m_TrainBut")).setSelected(true);
            if (noStoredPredictions) {
              ((AbstractButton) field(classify, "m_StoreTestDataAndPredictionsBut"))
                  .setSelected(false);
            }
            ((AbstractButton) field(classify, "m_StartBut")).doClick();
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        });
    String result = null;
    for (long end = System.currentTimeMillis() + 900_000;
        System.currentTimeMillis() < end;
        Thread.sleep(500)) {
      if (classify.getResultHistory().getList().getModel().getSize() > 0) {
        String name = classify.getResultHistory().getNameAtIndex(0);
        if (classify.getResultHistory().getNamedObject(name) != null) {
          result = name;
          break;
        }
      }
    }
    check(result != null, "TFMlpClassifier trained and evaluated in the Classify tab");
    stage(
        "TFMlpClassifier trained (10 epochs) and evaluated on the training set"
            + (noStoredPredictions ? ", predictions not stored" : ", predictions stored"));

    // 3. "Superposition..." on its result, trained to the end
    String selected = result;
    SwingUtilities.invokeAndWait(() -> classify.getResultHistory().setSingle(selected));
    AbstractButton launch =
        find(classify, AbstractButton.class, b -> "Superposition...".equals(b.getText()));
    SwingUtilities.invokeAndWait(launch::doClick);
    Frame window = waitForFrame("Superposition: ", 120_000);
    check(window != null, "the \"Superposition...\" window opened");
    JLabel done = waitForLabel(window, "Done:", 1_800_000);
    check(
        done != null, "autoencoder trained in the window: " + (done == null ? "" : done.getText()));
    stage("\"Superposition...\" trained to the end");
    screenshot(window, new File(screenshots, "memory-superposition-window.png"));

    // 4. the Superposition tab: Start on the pixels, the warning, "No"
    SwingUtilities.invokeAndWait(() -> tabs.setSelectedIndex(tabIndex(tabs, "Superposition")));
    Thread.sleep(500);
    AbstractButton start =
        find(frame, AbstractButton.class, b -> "Start".equals(b.getText()) && b.isShowing());
    SwingUtilities.invokeLater(start::doClick);
    JDialog dialog = null;
    for (long end = System.currentTimeMillis() + 120_000;
        dialog == null && System.currentTimeMillis() < end;
        Thread.sleep(200)) {
      for (Window w : Window.getWindows()) {
        if (w instanceof JDialog d
            && d.isShowing()
            && d.getTitle().contains("may not be features")) {
          dialog = d;
        }
      }
    }
    check(dialog != null, "the Superposition tab warns before training on the pixels");
    JDialog shown = dialog;
    SwingUtilities.invokeAndWait(
        () -> find(shown, AbstractButton.class, b -> "No".equals(b.getText())).doClick());
    stage("Superposition tab used (Start on the pixels: warned, \"No\")");
    screenshot(frame, new File(screenshots, "memory-explorer.png"));

    long peak = procStatusKib("VmHWM");
    // what stays reachable at the end, after a full collection (the peak is read before it)
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "STAGE live heap after a full collection at the end: %d MB%n",
        (runtime.totalMemory() - runtime.freeMemory()) / 1_000_000);
    System.out.printf(
        Locale.ROOT,
        "BENCHMARK explorer peak RSS: %d MB (%d rows of %d attributes)%n",
        peak * 1024 / 1_000_000,
        data.numInstances(),
        data.numAttributes() - 1);
  }

  private static int tabIndex(JTabbedPane tabs, String title) {
    for (int i = 0; i < tabs.getTabCount(); i++) {
      if (tabs.getTitleAt(i).equals(title)) {
        return i;
      }
    }
    throw new IllegalStateException("no tab " + title);
  }

  /** A protected field of Weka's ClassifierPanel (the driver clicks what a user clicks). */
  private static Object field(ClassifierPanel panel, String name)
      throws ReflectiveOperationException {
    var field = ClassifierPanel.class.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(panel);
  }

  /**
   * One line of figures after a stage: RSS and peak RSS, the heap's used (garbage included) and
   * committed size, in MB (no collection is forced: that would shrink the heap a user's run keeps).
   */
  private static void stage(String name) throws Exception {
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "STAGE %s: RSS %d MB, peak %d MB, heap used %d MB of %d MB committed%n",
        name,
        procStatusKib("VmRSS") * 1024 / 1_000_000,
        procStatusKib("VmHWM") * 1024 / 1_000_000,
        (runtime.totalMemory() - runtime.freeMemory()) / 1_000_000,
        runtime.totalMemory() / 1_000_000);
  }
}
