package weka.superposition.gui;

import static weka.superposition.gui.DriverSupport.check;
import static weka.superposition.gui.DriverSupport.classifyTab;
import static weka.superposition.gui.DriverSupport.find;
import static weka.superposition.gui.DriverSupport.labelText;
import static weka.superposition.gui.DriverSupport.procStatusKib;
import static weka.superposition.gui.DriverSupport.screenshot;
import static weka.superposition.gui.DriverSupport.showInFrame;
import static weka.superposition.gui.DriverSupport.showingFrame;
import static weka.superposition.gui.DriverSupport.tabTitles;
import static weka.superposition.gui.DriverSupport.waitForDialog;
import static weka.superposition.gui.DriverSupport.waitForFrame;
import static weka.superposition.gui.DriverSupport.waitForLabel;

import java.awt.Container;
import java.awt.Frame;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.PluginManager;
import weka.core.converters.ConverterUtils.DataSource;
import weka.gui.explorer.ClassifierPanel;
import weka.gui.explorer.ClassifierPanelLaunchHandlerPlugin;
import weka.gui.explorer.Explorer;

/**
 * Runs in a child JVM that has only Weka on its class path and the package installed in WEKA_HOME:
 * starts the Explorer as a user would, checks what the package adds to it, runs the Classify tab's
 * plugin on a small data set, and saves screenshots. Prints "OK ..." per check and exits 0, or
 * prints the failure and exits 1.
 *
 * <p>Usage: {@code ExplorerDriver <data.arff> <screenshot folder> <installed package name>
 * [TFMlpClassifier options]}
 */
public final class ExplorerDriver {

  private ExplorerDriver() {}

  public static void main(String[] args) {
    DriverSupport.runMain(
        () ->
            run(
                new File(args[0]),
                new File(args[1]),
                args[2],
                args.length > 3 ? args[3] : "-epochs 3 -hidden-units 12"));
  }

  private static void run(File arff, File screenshots, String packageName, String classifierOptions)
      throws Exception {
    DriverSupport.checkPackageLoaded(packageName);
    check(
        PluginManager.getPluginNamesOfTypeList(ClassifierPanelLaunchHandlerPlugin.class.getName())
            .contains("weka.gui.explorer.SuperpositionLauncher"),
        "Classify-tab plugin registered");

    Instances data = DataSource.read(arff.getPath());
    data.setClassIndex(data.numAttributes() - 1);
    DriverSupport.ExplorerWindow opened = DriverSupport.showExplorer();
    Explorer explorer = opened.explorer();
    JFrame explorerFrame = opened.frame();
    SwingUtilities.invokeAndWait(() -> explorer.getPreprocessPanel().setInstances(data));
    JTabbedPane tabs = explorer.getTabbedPane();
    List<String> titles = tabTitles(tabs);
    check(titles.contains("Superposition"), "Superposition tab in the Explorer " + titles);
    ClassifierPanel classify = classifyTab(explorer);
    check(
        find(classify, AbstractButton.class, b -> "Superposition...".equals(b.getText())) != null,
        "\"Superposition...\" button in the Classify tab");

    // a trained TFMlpClassifier in the result list, as after pressing Start
    Classifier mlp =
        AbstractClassifier.forName(
            "weka.classifiers.functions.TFMlpClassifier",
            weka.core.Utils.splitOptions(classifierOptions));
    mlp.buildClassifier(data);
    addToResultList(classify, "12:00:00 - functions.TFMlpClassifier", mlp, data);
    SwingUtilities.invokeAndWait(() -> tabs.setSelectedIndex(titles.indexOf("Classify")));
    AbstractButton launch =
        find(classify, AbstractButton.class, b -> "Superposition...".equals(b.getText()));
    Frame window = launchAndStopAtEpoch(launch, 2);
    check(window != null, "plugin window opened");
    stoppedMeansStopped(window, 2, screenshots);

    // Start again, to the end
    click(window, "Start");
    checkDone(window, 120_000, "autoencoder trained in the plugin window");
    screenshot(window, new File(screenshots, "plugin-feature-vectors.png"));
    SwingUtilities.invokeAndWait(
        () -> {
          find(window, JTabbedPane.class, t -> true).setSelectedIndex(1);
          find(window, javax.swing.JSlider.class, t -> true).setValue(5);
        });
    Thread.sleep(500);
    String shown = labelText(window, "Showing epoch");
    check(
        shown.startsWith("Showing epoch 5 of "),
        "the slider shows epoch 5 in the weight analysis: " + shown);
    screenshot(window, new File(screenshots, "plugin-weight-analysis.png"));
    SwingUtilities.invokeAndWait(
        () -> {
          JTabbedPane viewTabs = find(window, JTabbedPane.class, t -> true);
          viewTabs.setSelectedIndex(viewTabs.indexOfTab("Weights"));
        });
    Thread.sleep(500);
    String ranked = labelText(window, "Ranked by the importance");
    check(
        ranked.contains("epoch 5"),
        "the Weights tab ranks the hidden units by the shown epoch: "
            + (ranked.isEmpty() ? "no ranks" : ranked));
    screenshot(window, new File(screenshots, "plugin-hidden-weights.png"));

    SwingUtilities.invokeAndWait(() -> tabs.setSelectedIndex(titles.indexOf("Superposition")));
    Thread.sleep(500);
    screenshot(explorerFrame, new File(screenshots, "explorer-superposition-tab.png"));
    SwingUtilities.invokeAndWait(() -> window.dispose());
    tabWarnsOnRawPixels(explorerFrame, screenshots);

    // the tab's sparsity sweep of the toy model, shortened to two sparsities and one seed
    Frame sweep = openFromTab(explorerFrame, "Sparsity sweep...", "sparsity sweep", "sweep");
    SwingUtilities.invokeAndWait(
        () -> {
          find(sweep, javax.swing.JTextField.class, f -> true).setText("0, 0.9");
          find(sweep, javax.swing.JSpinner.class, f -> true).setValue(1);
        });
    click(sweep, "Start");
    checkDone(sweep, 120_000, "sparsity sweep ran in the Explorer");
    screenshot(sweep, new File(screenshots, "explorer-sparsity-sweep.png"));
    SwingUtilities.invokeAndWait(() -> sweep.dispose());
    dictionaryWindowTrains(explorerFrame, screenshots);

    continueIterating(classify, tabs, titles, data, screenshots);
    filterEditorShowsTheClassifier(screenshots);
    learningRateTooltipsReadWhole(screenshots);
    System.out.println("OK screenshots in " + screenshots);
    System.out.println(
        "BENCHMARK explorer peak RSS: "
            + procStatusKib("VmHWM") / 1024
            + " MB ("
            + data.numInstances()
            + " rows of "
            + (data.numAttributes() - 1)
            + " attributes)");
  }

  /** A trained classifier in the Classify tab's result list, as after pressing Start. */
  private static void addToResultList(
      ClassifierPanel classify, String name, Classifier trained, Instances data) throws Exception {
    SwingUtilities.invokeAndWait(
        () -> {
          classify.getResultHistory().addResult(name, new StringBuffer(trained.toString()));
          List<Object> entry = new ArrayList<>();
          entry.add(trained);
          entry.add(new Instances(data, 0));
          classify.getResultHistory().addObject(name, entry);
          classify.getResultHistory().setSingle(name);
        });
  }

  /**
   * The Superposition tab's "Sparse dictionary...": options set in Weka's object editor dialog as a
   * user types them, Train to the end, then the summary, the densities and the features.
   */
  private static void dictionaryWindowTrains(JFrame explorer, File screenshots) throws Exception {
    Frame window =
        openFromTab(explorer, "Sparse dictionary...", "sparse dictionary", "sparse dictionary");

    // the options dialog is modal: opened from a later event, then filled in and closed
    weka.gui.PropertyPanel options = find(window, weka.gui.PropertyPanel.class, p -> true);
    SwingUtilities.invokeLater(options::showPropertyDialog);
    javax.swing.JDialog editor =
        waitForDialog(
            d -> find(d, JLabel.class, l -> "epochs".equals(l.getText())) != null, 30_000);
    check(editor != null, "the dictionary's options dialog opened");
    SwingUtilities.invokeAndWait(
        () -> {
          type(editor, "number of features", "32");
          type(editor, "epochs", "2");
        });
    Thread.sleep(300);
    screenshot(editor, new File(screenshots, "dictionary-options.png"));
    click(editor, "OK");

    click(window, "Train");
    checkDone(window, 300_000, "sparse dictionary trained in the Explorer");
    JTabbedPane tabs = find(window, JTabbedPane.class, t -> true);
    List<String> titles = tabTitles(tabs);
    check(
        titles.equals(List.of("Summary", "Densities", "Features")),
        "the dictionary window's tabs " + titles);
    String summary = find(window, javax.swing.JTextArea.class, t -> true).getText();
    check(
        summary.contains("Fraction of variance unexplained")
            && summary.contains("32 features over 784 inputs")
            && summary.contains(" 2 epochs"),
        "the dictionary summary names its FVU and the options typed:\n" + summary);
    String[] files = {
      "dictionary-summary.png", "dictionary-densities.png", "dictionary-features.png"
    };
    for (int i = 0; i < files.length; i++) {
      int tab = i;
      SwingUtilities.invokeAndWait(() -> tabs.setSelectedIndex(tab));
      Thread.sleep(500);
      screenshot(window, new File(screenshots, files[i]));
    }
    SwingUtilities.invokeAndWait(window::dispose);
  }

  /** Types {@code text} into the field of property {@code name} in a Weka property sheet. */
  private static void type(Container sheet, String name, String text) {
    JLabel label = find(sheet, JLabel.class, l -> name.equals(l.getText()));
    Container row = label.getParent();
    int at = java.util.Arrays.asList(row.getComponents()).indexOf(label);
    javax.swing.JTextField field =
        find((Container) row.getComponent(at + 1), javax.swing.JTextField.class, f -> true);
    field.setText(text);
    // Weka's property text fields take their value at each key release
    field.dispatchEvent(
        new java.awt.event.KeyEvent(
            field,
            java.awt.event.KeyEvent.KEY_RELEASED,
            System.currentTimeMillis(),
            0,
            java.awt.event.KeyEvent.VK_UNDEFINED,
            text.charAt(text.length() - 1)));
  }

  /** "Continue iterating" in the result list's menu adds epochs to a resumable classifier. */
  private static void continueIterating(
      ClassifierPanel classify,
      JTabbedPane tabs,
      List<String> titles,
      Instances data,
      File screenshots)
      throws Exception {
    Classifier mlp =
        AbstractClassifier.forName(
            "weka.classifiers.functions.TFMlpClassifier",
            new String[] {"-epochs", "2", "-hidden-units", "12", "-resume"});
    mlp.buildClassifier(data);
    String name = "12:01:00 - functions.TFMlpClassifier";
    addToResultList(classify, name, mlp, data);
    SwingUtilities.invokeAndWait(() -> tabs.setSelectedIndex(titles.indexOf("Classify")));
    // the result list's right-click menu, as Weka builds it
    java.lang.reflect.Method menu =
        ClassifierPanel.class.getDeclaredMethod("visualize", List.class, int.class, int.class);
    menu.setAccessible(true);
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            menu.invoke(classify, List.of(name), 20, 20);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        });
    javax.swing.MenuElement[] path =
        javax.swing.MenuSelectionManager.defaultManager().getSelectedPath();
    check(path.length > 0 && path[0] instanceof javax.swing.JPopupMenu, "result list menu open");
    javax.swing.JMenuItem item =
        find(
            (javax.swing.JPopupMenu) path[0],
            javax.swing.JMenuItem.class,
            i -> "Continue iterating using the training data".equals(i.getText()));
    check(item != null, "\"Continue iterating\" offered for a TFMlpClassifier with resume");
    SwingUtilities.invokeAndWait(
        () -> {
          javax.swing.MenuSelectionManager.defaultManager().clearSelectedPath();
          item.doClick();
        });
    long end = System.currentTimeMillis() + 60_000;
    String text = "";
    while (System.currentTimeMillis() < end && !text.contains("=== Model after iterating ===")) {
      Thread.sleep(300);
      text = classify.getResultHistory().getNamedBuffer(name).toString();
    }
    String after = text.substring(Math.max(0, text.indexOf("=== Model after iterating ===")));
    check(
        after.contains("4 epochs") && after.matches("(?s).*\\n\\s+4\\s+\\d.*"),
        "\"Continue iterating\" trained epochs 3 and 4:\n" + after);
    Thread.sleep(500);
    screenshot(classify, new File(screenshots, "explorer-continue-iterating.png"));
  }

  /** Weka's property sheet for TFMlpActivations, as the filter's editor shows it. */
  private static void filterEditorShowsTheClassifier(File screenshots) throws Exception {
    Object filter =
        weka.core.Utils.forName(
            Object.class, "weka.filters.unsupervised.attribute.TFMlpActivations", null);
    JFrame frame =
        showInFrame(
            "TFMlpActivations",
            () -> {
              weka.gui.PropertySheetPanel sheet = new weka.gui.PropertySheetPanel();
              sheet.setTarget(filter);
              return sheet;
            },
            520,
            300);
    Thread.sleep(500);
    JLabel label = find(frame, JLabel.class, l -> "classifier".equals(l.getText()));
    check(label != null, "the TFMlpActivations editor shows its classifier property");
    screenshot(frame, new File(screenshots, "tfmlpactivations-editor.png"));
    SwingUtilities.invokeAndWait(frame::dispose);
  }

  /**
   * Presses "Superposition..." and then Stop on the event thread as soon as the slider holds {@code
   * epochs} epochs, so that Stop lands mid-run however fast the machine is.
   */
  private static Frame launchAndStopAtEpoch(AbstractButton launch, int epochs) throws Exception {
    AtomicReference<Frame> opened = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          launch.doClick();
          opened.set(showingFrame("Superposition: "));
          javax.swing.JSlider slider = find(opened.get(), javax.swing.JSlider.class, t -> true);
          AbstractButton stop =
              find(opened.get(), AbstractButton.class, b -> "Stop".equals(b.getText()));
          java.util.concurrent.atomic.AtomicBoolean pressed =
              new java.util.concurrent.atomic.AtomicBoolean();
          slider.addChangeListener(
              e -> {
                // once: a later Start runs to the end
                if (slider.getMaximum() == epochs && stop.isEnabled() && !pressed.getAndSet(true)) {
                  stop.doClick();
                }
              });
        });
    return opened.get();
  }

  /** After Stop: the status says so, no later epoch arrives, no training thread is left. */
  private static void stoppedMeansStopped(Frame window, int epochs, File screenshots)
      throws Exception {
    JLabel status = waitForLabel(window, "Stopped", 60_000);
    check(
        status != null && status.getText().equals("Stopped after " + epochs + " epoch(s)."),
        "Stop stopped: " + (status == null ? "no \"Stopped\" status" : status.getText()));
    check(
        Thread.getAllStackTraces().keySet().stream()
            .noneMatch(t -> t.isAlive() && t.getName().equals("Superposition training")),
        "no training thread left after Stop");
    Thread.sleep(1500);
    javax.swing.JSlider slider = find(window, javax.swing.JSlider.class, t -> true);
    check(
        slider.getMaximum() == epochs && status.getText().startsWith("Stopped"),
        "1.5 s after Stop: still \"" + status.getText() + "\", slider 1 to " + slider.getMaximum());
    screenshot(window, new File(screenshots, "plugin-stopped.png"));
  }

  /** The tab's Start on raw pixels asks first, and "No" trains nothing. */
  private static void tabWarnsOnRawPixels(JFrame explorer, File screenshots) throws Exception {
    AbstractButton start =
        find(explorer, AbstractButton.class, b -> "Start".equals(b.getText()) && b.isShowing());
    SwingUtilities.invokeLater(start::doClick);
    javax.swing.JDialog shown =
        waitForDialog(d -> d.getTitle().contains("may not be features"), 30_000);
    check(shown != null, "the tab warns before training on raw pixels");
    Thread.sleep(300);
    screenshot(shown, new File(screenshots, "explorer-tab-warning.png"));
    click(shown, "No");
    Thread.sleep(300);
    check(
        find(explorer, JLabel.class, l -> l.getText() != null && l.getText().startsWith("Training"))
            == null,
        "\"No\" trains nothing");
  }

  /** The learning rates' tooltips as Weka's property sheets set them, shown whole. */
  private static void learningRateTooltipsReadWhole(File screenshots) throws Exception {
    StringBuilder tips = new StringBuilder("<html>");
    for (String name :
        new String[] {
          "weka.classifiers.functions.TFMlpClassifier",
          "weka.filters.unsupervised.attribute.SuperpositionAutoencoder"
        }) {
      Object scheme = weka.core.Utils.forName(Object.class, name, null);
      AtomicReference<String> tip = new AtomicReference<>();
      SwingUtilities.invokeAndWait(
          () -> {
            weka.gui.PropertySheetPanel sheet = new weka.gui.PropertySheetPanel();
            sheet.setTarget(scheme);
            JLabel label =
                find(
                    sheet,
                    JLabel.class,
                    l -> l.getText() != null && l.getText().startsWith("learning rate"));
            tip.set(label == null ? null : label.getToolTipText());
          });
      check(
          tip.get() != null && tip.get().endsWith(")"),
          name + " learning rate tooltip whole: " + tip.get());
      tips.append("<b>")
          .append(name)
          .append("</b>, learning rate:<br>")
          .append(tip.get())
          .append("<br><br>");
    }
    JFrame frame =
        showInFrame(
            "Tooltips as Weka shows them",
            () -> {
              JLabel text = new JLabel(tips.toString());
              text.setBorder(javax.swing.BorderFactory.createEmptyBorder(8, 8, 8, 8));
              return text;
            },
            900,
            260);
    Thread.sleep(300);
    screenshot(frame, new File(screenshots, "learning-rate-tooltips.png"));
    SwingUtilities.invokeAndWait(frame::dispose);
  }

  /**
   * Presses the Superposition tab's button {@code button}; returns the window it opens, titled
   * "Superposition: {@code title}", checked as the {@code what} window.
   */
  private static Frame openFromTab(JFrame explorer, String button, String title, String what)
      throws Exception {
    check(
        find(explorer, AbstractButton.class, b -> button.equals(b.getText())) != null,
        "\"" + button + "\" button in the Superposition tab");
    click(explorer, button);
    Frame window = waitForFrame("Superposition: " + title, 30_000);
    check(window != null, what + " window opened");
    return window;
  }

  /** Clicks, on the event thread, the button under {@code root} labelled {@code text}. */
  private static void click(Container root, String text) throws Exception {
    SwingUtilities.invokeAndWait(
        () -> find(root, AbstractButton.class, b -> text.equals(b.getText())).doClick());
  }

  /**
   * Waits up to {@code millis} for a "Done:" status in {@code window}; checks it as {@code what}.
   */
  private static void checkDone(Container window, long millis, String what)
      throws InterruptedException {
    JLabel status = waitForLabel(window, "Done:", millis);
    check(status != null, what + ": " + (status == null ? "" : status.getText()));
  }
}
