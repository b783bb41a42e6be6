package weka.knowledgeflow.steps;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.WekaException;
import weka.gui.knowledgeflow.KFGUIConsts;
import weka.knowledgeflow.Data;
import weka.knowledgeflow.StepManager;
import weka.superposition.charts.HiddenWeightCharts;
import weka.tensorflow.Parameter;

/**
 * The hidden units' input weights of a trained {@link TFMlpClassifier} as a KnowledgeFlow step:
 * takes the {@code batchClassifier} that a Classifier step sends after training and emits the
 * picture of {@link HiddenWeightCharts} (one tile per hidden unit) on {@code image} connections.
 * Any other classifier, or a TFMlpClassifier that trained no network, stops the flow with an error
 * that says why.
 */
@KFStep(
    name = "HiddenWeights",
    category = "Superposition",
    toolTipText =
        "Outputs the hidden units' input weights of a trained TFMlpClassifier as a picture "
            + "(image), one tile per unit",
    iconPath = KFGUIConsts.BASE_ICON_PATH + "DiamondPlain.gif")
public class HiddenWeights extends BaseStep {

  private static final long serialVersionUID = 1L;

  /** The image's title, as the ImageViewer lists it. */
  public static final String TITLE = "Superposition: hidden units' input weights";

  public String globalInfo() {
    return "Takes the trained classifier from a Classifier step (a 'batchClassifier' connection), "
        + "which must be a TFMlpClassifier, and outputs its hidden units' input weights on 'image' "
        + "connections (to an ImageViewer or ImageSaver): one tile per hidden unit, laid out as "
        + "the square input image (MNIST's 28 x 28 pixels), red positive, blue negative.";
  }

  @Override
  public void stepInit() throws WekaException {
    // nothing to set up: each incoming classifier is drawn on its own
  }

  @Override
  public List<String> getIncomingConnectionTypes() {
    if (getStepManager().numIncomingConnections() == 0) {
      return Arrays.asList(StepManager.CON_BATCH_CLASSIFIER);
    }
    return new ArrayList<>();
  }

  @Override
  public List<String> getOutgoingConnectionTypes() {
    if (getStepManager().numIncomingConnections() == 0) {
      return new ArrayList<>();
    }
    return Arrays.asList(StepManager.CON_IMAGE);
  }

  @Override
  public void processIncoming(Data data) throws WekaException {
    getStepManager().processing();
    Object payload = data.getPrimaryPayload();
    if (!(payload instanceof TFMlpClassifier classifier)) {
      throw new WekaException(
          getName()
              + ": the classifier must be a TFMlpClassifier, not "
              + (payload == null ? "none" : payload.getClass().getName()));
    }
    int setNum = data.getPayloadElement(StepManager.CON_AUX_DATA_SET_NUM, 1);
    int maxSetNum = data.getPayloadElement(StepManager.CON_AUX_DATA_MAX_SET_NUM, 1);
    String title = maxSetNum > 1 ? TITLE + " (set " + setNum + " of " + maxSetNum + ")" : TITLE;
    BufferedImage image;
    try {
      Parameter kernel = classifier.hiddenLayer()[0];
      image =
          HiddenWeightCharts.hiddenWeights(
              kernel.values(), (int) kernel.shape()[0], (int) kernel.shape()[1], null, title);
    } catch (WekaException | IllegalArgumentException e) {
      throw new WekaException(getName() + ": " + e.getMessage(), e);
    }
    Data out = new Data(StepManager.CON_IMAGE, image);
    out.setPayloadElement(StepManager.CON_AUX_DATA_TEXT_TITLE, title);
    getStepManager().outputData(out);
    getStepManager().finished();
  }
}
