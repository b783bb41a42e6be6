package weka.gui.explorer;

import java.awt.BorderLayout;
import javax.swing.BorderFactory;
import javax.swing.JPanel;
import weka.core.Instances;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.gui.GenericObjectEditor;
import weka.gui.PropertyPanel;
import weka.gui.explorer.Explorer.ExplorerPanel;
import weka.superposition.gui.SuperpositionView;
import weka.superposition.gui.SweepView;
import weka.superposition.gui.ToySweepView;

/**
 * The Explorer's "Superposition" tab: trains the autoencoder on the data of the Preprocess tab,
 * when its attributes are already the features to study (the output of TFMlpActivations, or
 * synthetic data), with the autoencoder's options in Weka's object editor.
 */
public class SuperpositionPanel extends JPanel implements ExplorerPanel {

  private static final long serialVersionUID = 4209722633707391373L;

  private Explorer explorer;
  private Instances data;
  private final GenericObjectEditor editor = new GenericObjectEditor();

  public SuperpositionPanel() {
    super(new BorderLayout());
    editor.setClassType(SuperpositionAutoencoder.class);
    editor.setValue(new SuperpositionAutoencoder());
    JPanel options = new JPanel(new BorderLayout());
    options.setBorder(BorderFactory.createTitledBorder("Autoencoder"));
    options.add(new PropertyPanel(editor), BorderLayout.CENTER);
    javax.swing.JButton sweep = new javax.swing.JButton("Sparsity sweep...");
    sweep.setToolTipText("Elhage et al.'s toy model on synthetic features of growing sparsity");
    sweep.addActionListener(e -> openSweep());
    javax.swing.JButton toy = new javax.swing.JButton("Phase diagram...");
    toy.setToolTipText("The paper's phase diagram and feature dimensionality");
    toy.addActionListener(
        e -> {
          ToySweepView view = new ToySweepView();
          openWindow("phase diagram and feature dimensionality", view, view::stop, 1000);
        });
    JPanel buttons = new JPanel(new java.awt.GridLayout(1, 2));
    buttons.add(sweep);
    buttons.add(toy);
    options.add(buttons, BorderLayout.EAST);
    add(options, BorderLayout.NORTH);
    SuperpositionView view =
        new SuperpositionView(() -> data, () -> (SuperpositionAutoencoder) editor.getValue());
    add(view, BorderLayout.CENTER);
  }

  @Override
  public void setExplorer(Explorer parent) {
    explorer = parent;
  }

  @Override
  public Explorer getExplorer() {
    return explorer;
  }

  @Override
  public void setInstances(Instances instances) {
    data = new Instances(instances);
    if (data.classIndex() < 0) {
      // the Preprocess tab sets no class; as elsewhere in the Explorer, the last is taken
      data.setClassIndex(data.numAttributes() - 1);
      if (!data.classAttribute().isNominal()) {
        data.setClassIndex(-1);
      }
    }
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

  /** A window with the sparsity sweep of the toy model; closing it stops the sweep. */
  static SweepView openSweep() {
    SweepView sweep = new SweepView();
    openWindow("sparsity sweep of the toy model", sweep, sweep::stop, 1250);
    return sweep;
  }

  /** A window showing {@code view}; closing it runs {@code onClose} (stops the sweep). */
  static void openWindow(String title, JPanel view, Runnable onClose, int width) {
    javax.swing.JFrame frame = new javax.swing.JFrame("Superposition: " + title);
    frame.setDefaultCloseOperation(javax.swing.WindowConstants.DISPOSE_ON_CLOSE);
    frame.addWindowListener(
        new java.awt.event.WindowAdapter() {
          @Override
          public void windowClosed(java.awt.event.WindowEvent e) {
            onClose.run();
          }
        });
    frame.getContentPane().add(view);
    frame.setSize(width, 760);
    frame.setLocationByPlatform(true);
    frame.setVisible(true);
  }
}
