package weka.gui.explorer;

import java.awt.Dimension;
import java.io.File;
import java.util.List;
import javax.swing.JOptionPane;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.filters.unsupervised.attribute.TFMlpActivations;
import weka.gui.ConverterFileChooser;
import weka.superposition.gui.SuperpositionView;
import weka.superposition.gui.Windows;
import weka.superposition.io.ExplorerLog;
import weka.tensorflow.Parameter;

/**
 * The Classify tab's "Superposition..." button: for the TFMlpClassifier result selected in the
 * result list, opens a window that trains the autoencoder on that model's hidden activations of its
 * training data and redraws the plots after every epoch, with the model's hidden units' input
 * weights in the tab "Weights".
 */
public class SuperpositionLauncher implements ClassifierPanelLaunchHandlerPlugin {

  private static final String TITLE = "Superposition";

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
    String name = panel.getResultHistory().getSelectedName();
    TFMlpClassifier classifier = selectedClassifier(panel.getResultHistory().getSelectedObject());
    if (classifier == null) {
      // Weka lists a result when training starts and adds its model when training ends
      tell(
          name != null && panel.getResultHistory().getSelectedObject() == null
              ? "The selected result has no model yet: if its classifier is still training, press "
                  + "Superposition... when it has finished."
              : "Select the result of a trained TFMlpClassifier in the result list first.",
          JOptionPane.INFORMATION_MESSAGE);
      return;
    }
    Instances training = trainingData(classifier, panel.getInstances());
    if (training == null) {
      return;
    }
    try {
      String model = name == null ? "TFMlpClassifier" : name;
      open(
          "Superposition: hidden activations of " + model,
          TFMlpActivations.activations(classifier, training),
          classifier.hiddenLayer()[0],
          "Input weights of the hidden units of " + model,
          ExplorerLog.current());
    } catch (Exception e) {
      tell(e.getMessage(), JOptionPane.ERROR_MESSAGE);
    }
  }

  /**
   * The data the model was trained on: the Classify tab's current data while they still have the
   * model's attributes (a filter applied in Preprocess since changes them), else a file the user
   * chooses; null when the user gives up.
   */
  private Instances trainingData(TFMlpClassifier classifier, Instances current) {
    Instances header = classifier.trainingHeader();
    String mismatch = mismatch(header, current);
    while (mismatch != null) {
      int answer =
          JOptionPane.showConfirmDialog(
              panel,
              "The data in the Preprocess tab are not "
                  + "the data this model was trained on ("
                  + mismatch
                  + ").\nChoose a file with the "
                  + "training data (the attributes of relation '"
                  + header.relationName()
                  + "')?",
              TITLE,
              JOptionPane.OK_CANCEL_OPTION,
              JOptionPane.WARNING_MESSAGE);
      File file = answer == JOptionPane.OK_OPTION ? chooseFile() : null;
      if (file == null) {
        return null;
      }
      try {
        current = DataSource.read(file.getPath());
      } catch (Exception e) {
        tell("Cannot read " + file + ": " + e.getMessage(), JOptionPane.ERROR_MESSAGE);
        return null;
      }
      mismatch = mismatch(header, current);
    }
    return current;
  }

  /** Why {@code data} cannot be the model's training data, or null when they can. */
  static String mismatch(Instances header, Instances data) {
    if (data == null) {
      return "no data are loaded";
    }
    Instances withClass = new Instances(data, 0);
    withClass.setClassIndex(
        data.classIndex() < 0 && data.numAttributes() == header.numAttributes()
            ? header.classIndex()
            : data.classIndex());
    return header.equalHeaders(withClass) ? null : header.equalHeadersMsg(withClass);
  }

  private File chooseFile() {
    ConverterFileChooser chooser = new ConverterFileChooser();
    return chooser.showOpenDialog(panel) == ConverterFileChooser.APPROVE_OPTION
        ? chooser.getSelectedFile()
        : null;
  }

  private void tell(String message, int type) {
    JOptionPane.showMessageDialog(panel, message, TITLE, type);
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

  /**
   * A window that trains the seed's autoencoder on {@code features} at once, with the tab "Weights"
   * showing {@code kernel} (the hidden layer whose activations the features are); returns its view.
   */
  public static SuperpositionView open(
      String title,
      Instances features,
      Parameter kernel,
      String weightsTitle,
      weka.gui.Logger log) {
    SuperpositionView view = new SuperpositionView(() -> features, SuperpositionAutoencoder::new);
    view.setLog(log);
    view.showHiddenWeights(
        kernel.values(), (int) kernel.shape()[0], (int) kernel.shape()[1], weightsTitle);
    Windows.open(title, view, new Dimension(1150, 720), view::stop);
    view.start();
    return view;
  }
}
