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
  private final SuperpositionView view;

  public SuperpositionPanel() {
    super(new BorderLayout());
    editor.setClassType(SuperpositionAutoencoder.class);
    editor.setValue(new SuperpositionAutoencoder());
    JPanel options = new JPanel(new BorderLayout());
    options.setBorder(BorderFactory.createTitledBorder("Autoencoder"));
    options.add(new PropertyPanel(editor), BorderLayout.CENTER);
    add(options, BorderLayout.NORTH);
    view = new SuperpositionView(() -> data,
        () -> (SuperpositionAutoencoder) editor.getValue());
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

  /** The view with the plots. */
  public SuperpositionView view() {
    return view;
  }
}
