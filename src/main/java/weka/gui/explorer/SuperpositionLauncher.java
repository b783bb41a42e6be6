package weka.gui.explorer;

import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.WindowConstants;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.superposition.gui.SuperpositionView;

/**
 * The Classify tab's "Superposition..." button: for the TFMlpClassifier result selected in the
 * result list, opens a window that trains the autoencoder on that model's hidden activations of the
 * current training data and redraws the plots after every epoch.
 */
public class SuperpositionLauncher implements ClassifierPanelLaunchHandlerPlugin {

  private ClassifierPanel panel;

  @Override
  public void setClassifierPanel(ClassifierPanel panel) {
    this.panel = panel;
  }

  @Override
  public String getLaunchCommand() {
    return "Superposition...";
  }

  @Override
  public void launch() {
    TFMlpClassifier classifier = selectedClassifier(panel.getResultHistory().getSelectedObject());
    if (classifier == null) {
      JOptionPane.showMessageDialog(
          panel,
          "Train a TFMlpClassifier and select its result in " + "the result list first.",
          "Superposition",
          JOptionPane.INFORMATION_MESSAGE);
      return;
    }
    Instances training = panel.getInstances();
    try {
      Instances features = hiddenActivations(classifier, training);
      String name = panel.getResultHistory().getSelectedName();
      open(
          "Superposition: hidden activations of " + (name == null ? "TFMlpClassifier" : name),
          features);
    } catch (Exception e) {
      JOptionPane.showMessageDialog(
          panel, e.getMessage(), "Superposition", JOptionPane.ERROR_MESSAGE);
    }
  }

  /** The TFMlpClassifier in a result list entry (a list whose first element is the model). */
  static TFMlpClassifier selectedClassifier(Object selected) {
    if (selected instanceof List<?> list) {
      for (Object element : list) {
        if (element instanceof TFMlpClassifier classifier) {
          return classifier;
        }
      }
    }
    return selected instanceof TFMlpClassifier classifier ? classifier : null;
  }

  /** {@code h1..hN} and the class, as TFMlpActivations outputs them. */
  static Instances hiddenActivations(TFMlpClassifier classifier, Instances data) throws Exception {
    Instances header = classifier.trainingHeader();
    Instances withClass = new Instances(data);
    withClass.setClassIndex(header.classIndex());
    float[][] hidden = classifier.hiddenActivations(withClass);
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int h = 1; h <= classifier.trainedHiddenUnits(); h++) {
      attributes.add(new Attribute("h" + h));
    }
    attributes.add((Attribute) header.classAttribute().copy());
    Instances features =
        new Instances(data.relationName() + "-activations", attributes, hidden.length);
    features.setClassIndex(attributes.size() - 1);
    for (int r = 0; r < hidden.length; r++) {
      double[] values = new double[attributes.size()];
      for (int h = 0; h < hidden[r].length; h++) {
        values[h] = hidden[r][h];
      }
      values[values.length - 1] = withClass.instance(r).classValue();
      features.add(new DenseInstance(1, values));
    }
    return features;
  }

  /** A window that trains the seed's autoencoder on {@code features} at once; returns its view. */
  public static SuperpositionView open(String title, Instances features) {
    SuperpositionView view = new SuperpositionView(() -> features, SuperpositionAutoencoder::new);
    JFrame frame = new JFrame(title);
    frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    frame.addWindowListener(
        new java.awt.event.WindowAdapter() {
          @Override
          public void windowClosed(java.awt.event.WindowEvent e) {
            view.stop();
          }
        });
    frame.getContentPane().add(view);
    frame.setSize(new Dimension(1150, 720));
    frame.setLocationByPlatform(true);
    frame.setVisible(true);
    view.start();
    return view;
  }
}
