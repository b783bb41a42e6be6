package weka.gui.explorer;

import java.awt.BorderLayout;
import java.awt.Dimension;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import weka.core.Instances;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.gui.GenericObjectEditor;
import weka.gui.Logger;
import weka.gui.PropertyPanel;
import weka.gui.explorer.Explorer.ExplorerPanel;
import weka.gui.explorer.Explorer.LogHandler;
import weka.superposition.gui.DictionaryView;
import weka.superposition.gui.FeatureCheck;
import weka.superposition.gui.SuperpositionView;
import weka.superposition.gui.SweepView;
import weka.superposition.gui.ToySweepView;
import weka.superposition.gui.Windows;
import weka.superposition.io.ExplorerLog;

/**
 * The Explorer's "Superposition" tab: trains the autoencoder on the data of the Preprocess tab,
 * when its attributes are already the features to study (the output of TFMlpActivations, or
 * synthetic data), with the autoencoder's options in Weka's object editor. It holds the Preprocess
 * tab's data, never a copy of them, until Start.
 */
public class SuperpositionPanel extends JPanel implements ExplorerPanel, LogHandler {

  private static final long serialVersionUID = 4209722633707391373L;

  private Explorer explorer;
  private transient Instances data;
  private final GenericObjectEditor editor = new GenericObjectEditor();
  private final SuperpositionView view;

  public SuperpositionPanel() {
    super(new BorderLayout());
    editor.setClassType(SuperpositionAutoencoder.class);
    editor.setValue(new SuperpositionAutoencoder());
    JPanel options = new JPanel(new BorderLayout());
    options.setBorder(BorderFactory.createTitledBorder("Autoencoder"));
    options.add(new PropertyPanel(editor), BorderLayout.CENTER);
    JPanel buttons = new JPanel(new java.awt.GridLayout(1, 3));
    buttons.add(
        button(
            "Sparsity sweep...",
            "Elhage et al.'s toy model on synthetic features of growing sparsity",
            SuperpositionPanel::openSweep));
    buttons.add(
        button(
            "Phase diagram...",
            "The paper's phase diagram and feature dimensionality",
            SuperpositionPanel::openToySweep));
    buttons.add(
        button(
            "Sparse dictionary...",
            "A sparse autoencoder on the current data, with its feature densities and features",
            this::openDictionary));
    options.add(buttons, BorderLayout.EAST);
    add(options, BorderLayout.NORTH);
    view = new SuperpositionView(this::trainingData, this::autoencoder);
    view.setStartCheck(() -> FeatureCheck.warning(data, autoencoder()));
    add(view, BorderLayout.CENTER);
  }

  private SuperpositionAutoencoder autoencoder() {
    return (SuperpositionAutoencoder) editor.getValue();
  }

  @Override
  public void setExplorer(Explorer parent) {
    explorer = parent;
  }

  @Override
  public Explorer getExplorer() {
    return explorer;
  }

  /** The Explorer's log: this tab's status, and the package's filters' progress and summaries. */
  @Override
  public void setLog(Logger log) {
    view.setLog(log);
    ExplorerLog.set(log);
  }

  @Override
  public void setInstances(Instances instances) {
    // a reference: a copy of MNIST would cost about 377 MB whether the tab is used or not
    data = instances;
  }

  /**
   * At Start: the Preprocess data as they are when their class is already the one to keep, else a
   * copy with the last attribute as class (the Preprocess tab sets none), for this run only.
   */
  private Instances trainingData() {
    if (data == null
        || data.classIndex() >= 0
        || data.numAttributes() == 0
        || !data.attribute(data.numAttributes() - 1).isNominal()) {
      return data;
    }
    Instances withClass = new Instances(data);
    withClass.setClassIndex(withClass.numAttributes() - 1);
    return withClass;
  }

  @Override
  public String getTabTitle() {
    return "Superposition";
  }

  @Override
  public String getTabTitleToolTip() {
    return "Compress the features of the current data with an autoencoder and analyse them for "
        + "superposition";
  }

  /**
   * A window that trains a sparse dictionary on the Preprocess tab's data (read at Train); closing
   * it stops the training.
   */
  private void openDictionary() {
    DictionaryView dictionary = new DictionaryView(this::trainingData);
    open("sparse dictionary of the current data", dictionary, 1150, 800, dictionary::stop);
  }

  /** A window with the sparsity sweep of the toy model; closing it stops the sweep. */
  private static void openSweep() {
    SweepView sweep = new SweepView();
    open("sparsity sweep of the toy model", sweep, 1250, 760, sweep::stop);
  }

  /** A window with the toy model's phase diagram and feature dimensionality. */
  private static void openToySweep() {
    ToySweepView sweep = new ToySweepView();
    open("phase diagram and feature dimensionality", sweep, 1000, 760, sweep::stop);
  }

  /** Opens {@code view} in a window titled "Superposition: {@code what}"; closing it runs stop. */
  private static void open(String what, JComponent view, int width, int height, Runnable stop) {
    Windows.open("Superposition: " + what, view, new Dimension(width, height), stop);
  }

  /** A button labelled {@code label} with the tooltip {@code tip} that runs {@code action}. */
  private static JButton button(String label, String tip, Runnable action) {
    JButton button = new JButton(label);
    button.setToolTipText(tip);
    button.addActionListener(e -> action.run());
    return button;
  }
}
