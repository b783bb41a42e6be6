package weka.knowledgeflow.steps;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.WekaException;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.gui.knowledgeflow.KFGUIConsts;
import weka.knowledgeflow.Data;
import weka.knowledgeflow.StepManager;
import weka.superposition.autoencoder.AutoencoderTraining;
import weka.superposition.charts.ChartImages;
import weka.superposition.describe.AnalysisReport;

/**
 * The superposition analysis as a KnowledgeFlow step: trains the {@link SuperpositionAutoencoder}
 * on each incoming data set of features (for example the hidden activations from {@code
 * TFMlpActivations}) and emits the feature-vector and weight-analysis plots as images and the
 * analysis summary as text.
 */
@KFStep(
    name = "SuperpositionAnalysis",
    category = "Superposition",
    toolTipText =
        "Trains the superposition autoencoder on a data set of features and outputs the "
            + "feature-vector and weight-analysis plots (image) and the summary (text)",
    iconPath = KFGUIConsts.BASE_ICON_PATH + "DiamondPlain.gif")
public class SuperpositionAnalysis extends BaseStep {

  private static final long serialVersionUID = 1L;

  /** The image titles, as the ImageViewer lists them. */
  public static final String FEATURE_VECTORS_TITLE = "Superposition: feature vectors";

  public static final String WEIGHT_ANALYSIS_TITLE = "Superposition: weight analysis";

  public static final String SUMMARY_TITLE = "Superposition analysis";

  private Filter autoencoder = new SuperpositionAutoencoder();

  @OptionMetadata(
      displayName = "autoencoder",
      description =
          "The SuperpositionAutoencoder (and its settings) trained on each incoming data set.",
      displayOrder = 1)
  public Filter getAutoencoder() {
    return autoencoder;
  }

  public void setAutoencoder(Filter autoencoder) {
    this.autoencoder = autoencoder;
  }

  public String autoencoderTipText() {
    return "The SuperpositionAutoencoder (and its settings) trained on each incoming data set.";
  }

  public String globalInfo() {
    return "Trains the superposition autoencoder on each incoming data set of features (for "
        + "example the hidden activations that TFMlpActivations outputs) and outputs the "
        + "feature-vector and weight-analysis plots on 'image' connections (to an ImageViewer or "
        + "ImageSaver) and the analysis summary on 'text' connections.";
  }

  @Override
  public void stepInit() throws WekaException {
    if (!(autoencoder instanceof SuperpositionAutoencoder)) {
      throw new WekaException(
          getName()
              + ": the autoencoder must be a SuperpositionAutoencoder, not "
              + (autoencoder == null ? "none" : autoencoder.getClass().getName()));
    }
  }

  @Override
  public List<String> getIncomingConnectionTypes() {
    if (getStepManager().numIncomingConnections() == 0) {
      return Arrays.asList(StepManager.CON_DATASET, StepManager.CON_TRAININGSET);
    }
    return new ArrayList<>();
  }

  @Override
  public List<String> getOutgoingConnectionTypes() {
    if (getStepManager().numIncomingConnections() == 0) {
      return new ArrayList<>();
    }
    return Arrays.asList(StepManager.CON_IMAGE, StepManager.CON_TEXT);
  }

  @Override
  public void processIncoming(Data data) throws WekaException {
    getStepManager().processing();
    Instances features = data.getPrimaryPayload();
    AutoencoderTraining.Result result;
    try {
      // a fresh copy each time: the filter trains on its first batch only
      SuperpositionAutoencoder filter =
          (SuperpositionAutoencoder) Filter.makeCopy((SuperpositionAutoencoder) autoencoder);
      int epochs = filter.getEpochs();
      result =
          filter.trainOn(
              features,
              (record, analysis) -> {
                if (isStopRequested()) {
                  throw new InterruptedException("stop requested");
                }
                getStepManager()
                    .statusMessage(
                        String.format(
                            Locale.ROOT,
                            "epoch %d of %d, loss %.5f",
                            record.epoch(),
                            epochs,
                            record.loss()));
              });
    } catch (InterruptedException e) {
      getStepManager().interrupted();
      return;
    } catch (WekaException e) {
      throw e;
    } catch (Exception e) {
      throw new WekaException(e);
    }
    if (isStopRequested()) {
      getStepManager().interrupted();
      return;
    }
    String relation = features.relationName();
    if (getStepManager().numOutgoingConnectionsOfType(StepManager.CON_IMAGE) > 0) {
      output(
          ChartImages.featureVectors(result.analysis(), ChartImages.LABELLED_FEATURES),
          FEATURE_VECTORS_TITLE);
      output(ChartImages.weightAnalysis(result.analysis()), WEIGHT_ANALYSIS_TITLE);
    }
    if (getStepManager().numOutgoingConnectionsOfType(StepManager.CON_TEXT) > 0) {
      Data text = new Data(StepManager.CON_TEXT, AnalysisReport.summary(result));
      text.setPayloadElement(StepManager.CON_AUX_DATA_TEXT_TITLE, SUMMARY_TITLE + ": " + relation);
      getStepManager().outputData(text);
    }
    getStepManager().finished();
  }

  private void output(BufferedImage image, String title) throws WekaException {
    Data out = new Data(StepManager.CON_IMAGE, image);
    out.setPayloadElement(StepManager.CON_AUX_DATA_TEXT_TITLE, title);
    getStepManager().outputData(out);
  }
}
