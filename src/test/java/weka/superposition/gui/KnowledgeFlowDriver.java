package weka.superposition.gui;

import static weka.superposition.gui.DriverSupport.check;
import static weka.superposition.gui.DriverSupport.find;
import static weka.superposition.gui.DriverSupport.screenshot;

import java.awt.BorderLayout;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JList;
import javax.swing.JMenuItem;
import javax.swing.SwingUtilities;
import weka.core.OptionHandler;
import weka.core.PluginManager;
import weka.core.Utils;
import weka.core.WekaPackageManager;
import weka.core.converters.ArffLoader;
import weka.gui.knowledgeflow.KnowledgeFlowApp;
import weka.gui.knowledgeflow.MainKFPerspective;
import weka.gui.knowledgeflow.StepInteractiveViewer;
import weka.gui.knowledgeflow.VisibleLayout;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.StepManagerImpl;
import weka.knowledgeflow.steps.Filter;
import weka.knowledgeflow.steps.ImageViewer;
import weka.knowledgeflow.steps.Loader;
import weka.knowledgeflow.steps.Step;
import weka.knowledgeflow.steps.TextViewer;

/**
 * Runs in a child JVM that has only Weka on its class path and the package installed in WEKA_HOME:
 * opens the KnowledgeFlow as a user would, loads the package's template from the Templates menu,
 * points its loader at a small MNIST ARFF, shortens the trainings, runs the flow and saves
 * screenshots of the flow and of the ImageViewer showing a plot. Prints "OK ..." per check and
 * exits 0, or prints the failure and exits 1. Refers to the package's classes by name only: they
 * are loaded by Weka's package class loader.
 *
 * <p>Usage: {@code KnowledgeFlowDriver <data.arff> <screenshot folder>}
 */
public final class KnowledgeFlowDriver {

  static final String TEMPLATE = "Superposition: the seed experiment on MNIST";

  private KnowledgeFlowDriver() {}

  public static void main(String[] args) {
    DriverSupport.runMain(() -> run(new File(args[0]), new File(args[1])));
  }

  private static void run(File arff, File screenshots) throws Exception {
    WekaPackageManager.loadPackages(false);
    check(
        PluginManager.getPluginNamesOfTypeList(Step.class.getName())
            .contains("weka.knowledgeflow.steps.SuperpositionAnalysis"),
        "SuperpositionAnalysis registered as a KnowledgeFlow step");
    weka.gui.GenericObjectEditor.determineClasses();

    AtomicReference<KnowledgeFlowApp> appRef = new AtomicReference<>();
    AtomicReference<JFrame> frameRef = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          KnowledgeFlowApp app = new KnowledgeFlowApp();
          JFrame frame = new JFrame("Weka KnowledgeFlow Environment");
          frame.getContentPane().setLayout(new BorderLayout());
          frame.getContentPane().add(app, BorderLayout.CENTER);
          frame.pack();
          app.showMenuBar(frame);
          frame.setSize(1200, 800);
          frame.setVisible(true);
          appRef.set(app);
          frameRef.set(frame);
        });
    JFrame frame = frameRef.get();
    MainKFPerspective main = (MainKFPerspective) appRef.get().getMainPerspective();
    check(
        main.getTemplateManager().getPluginTemplateDescriptions().contains(TEMPLATE),
        "template listed among the plugin templates: "
            + main.getTemplateManager().getPluginTemplateDescriptions());

    // the toolbar's Templates button, then the template's entry in its menu
    AbstractButton templates =
        find(frame, AbstractButton.class, b -> "Load a template layout".equals(b.getToolTipText()));
    check(templates != null && templates.isEnabled(), "Templates button in the toolbar");
    SwingUtilities.invokeAndWait(templates::doClick);
    Thread.sleep(500);
    AtomicReference<JMenuItem> item = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          for (Window w : Window.getWindows()) {
            JMenuItem found = find(w, JMenuItem.class, m -> TEMPLATE.equals(m.getText()));
            if (found != null) {
              item.set(found);
            }
          }
        });
    check(item.get() != null, "\"" + TEMPLATE + "\" in the Templates menu");
    screenshot(frame, new File(screenshots, "knowledgeflow-templates-menu.png"));
    SwingUtilities.invokeAndWait(() -> item.get().doClick());
    Thread.sleep(500);

    VisibleLayout layout = main.getCurrentLayout();
    Flow flow = layout.getFlow();
    check(
        flow.findStep("SuperpositionAnalysis") != null && flow.findStep("ImageViewer") != null,
        "template opened in a new tab with " + flow.size() + " steps");

    // what a user does in the step dialogs: the data file, shorter trainings
    Loader loader = (Loader) managed(flow, "MNIST");
    ((ArffLoader) loader.getLoader()).setFile(arff);
    Filter activations = (Filter) managed(flow, "TFMlpActivations");
    ((OptionHandler) activations.getFilter())
        .setOptions(
            Utils.splitOptions(
                "-W \"weka.classifiers.functions.TFMlpClassifier -epochs 2 -hidden-units 49\""));
    Step analysis = managed(flow, "SuperpositionAnalysis");
    OptionHandler autoencoder =
        (OptionHandler) analysis.getClass().getMethod("getAutoencoder").invoke(analysis);
    autoencoder.setOptions(Utils.splitOptions("-bottleneck 2 -epochs 3"));

    // the step's editor, as a double click opens it: the autoencoder in Weka's object editor
    AtomicReference<JFrame> editorRef = new AtomicReference<>();
    AtomicReference<Integer> editable = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          weka.gui.PropertySheetPanel sheet = new weka.gui.PropertySheetPanel();
          sheet.setTarget(analysis);
          editable.set(sheet.editableProperties());
          JFrame jf = new JFrame("SuperpositionAnalysis");
          jf.add(sheet);
          jf.setSize(600, 300);
          jf.setVisible(true);
          editorRef.set(jf);
        });
    Thread.sleep(300);
    screenshot(editorRef.get(), new File(screenshots, "knowledgeflow-analysis-editor.png"));
    check(editable.get() == 1, "the step's editor offers the autoencoder: " + editable);
    SwingUtilities.invokeAndWait(() -> editorRef.get().dispose());

    layout.executeFlow(false);
    long end = System.currentTimeMillis() + 180_000;
    Thread.sleep(1000);
    while (layout.isExecuting() && System.currentTimeMillis() < end) {
      Thread.sleep(300);
    }
    check(!layout.isExecuting(), "flow finished");
    ImageViewer images = (ImageViewer) managed(flow, "ImageViewer");
    Map<String, BufferedImage> shown = images.getImages();
    check(shown.size() == 2, "two plots reached the ImageViewer: " + shown.keySet());
    Map<String, String> texts = ((TextViewer) managed(flow, "TextViewer")).getResults();
    check(
        texts.size() == 1 && texts.values().iterator().next().startsWith("Autoencoder: 49 -> 2"),
        "the summary reached the TextViewer");
    screenshot(frame, new File(screenshots, "knowledgeflow-template-run.png"));

    // the ImageViewer's "Show images", as its context menu opens it
    String viewerClass = images.getInteractiveViewers().get("Show images");
    check(viewerClass != null, "the ImageViewer offers \"Show images\"");
    AtomicReference<JFrame> viewRef = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            StepInteractiveViewer viewer =
                (StepInteractiveViewer) Class.forName(viewerClass).getConstructor().newInstance();
            viewer.setStep(images);
            viewer.setMainKFPerspective(main);
            JFrame jf = new JFrame(viewer.getViewerName());
            viewer.setParentWindow(jf);
            viewer.init();
            jf.setLayout(new BorderLayout());
            jf.add((JComponent) viewer, BorderLayout.CENTER);
            jf.pack();
            jf.setSize(1200, 700);
            jf.setVisible(true);
            viewer.nowVisible();
            viewRef.set(jf);
          } catch (Exception e) {
            throw new RuntimeException(e);
          }
        });
    JFrame view = viewRef.get();
    @SuppressWarnings("rawtypes")
    JList list = find(view, JList.class, l -> l.getModel().getSize() > 0);
    check(list != null && list.getModel().getSize() == 2, "the image list holds both plots");
    for (int i = 0; i < 2; i++) {
      int index = i;
      SwingUtilities.invokeAndWait(() -> list.setSelectedIndex(index));
      Thread.sleep(500);
      String title = String.valueOf(list.getModel().getElementAt(i));
      String file =
          title.contains("feature vectors")
              ? "knowledgeflow-imageviewer-feature-vectors.png"
              : "knowledgeflow-imageviewer-weight-analysis.png";
      screenshot(view, new File(screenshots, file));
    }
  }

  private static Step managed(Flow flow, String name) {
    StepManagerImpl manager = flow.findStep(name);
    check(manager != null, "step " + name + " in the flow");
    return manager.getManagedStep();
  }
}
