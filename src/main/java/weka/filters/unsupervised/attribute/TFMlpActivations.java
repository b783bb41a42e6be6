package weka.filters.unsupervised.attribute;

import java.io.File;
import java.util.ArrayList;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;
import weka.filters.SimpleBatchFilter;
import weka.superposition.data.Headers;
import weka.superposition.describe.Citations;
import weka.superposition.io.ExplorerLog;
import weka.superposition.io.ModelFiles;

/**
 * Replaces the input attributes by the hidden activations {@code h1..hN} of a trained {@link
 * TFMlpClassifier}, keeping the class: the features whose superposition {@link
 * SuperpositionAutoencoder} studies.
 */
public class TFMlpActivations extends SimpleBatchFilter
    implements WeightedInstancesHandler, TechnicalInformationHandler {

  private static final long serialVersionUID = -2837565049180520418L;

  private File modelFile = new File("");

  /**
   * Declared as a Classifier so that Weka's object editor can edit it; must be a TFMlpClassifier.
   */
  private Classifier classifier = new TFMlpClassifier();

  /** The classifier in use: loaded from the model file or trained on the first batch. */
  private TFMlpClassifier trained;

  @Override
  public String globalInfo() {
    return "Replaces the input attributes by the hidden activations (after tanh and ReLU) of a "
        + "trained TFMlpClassifier (h1, h2 and so on) and keeps the class and each row's weight. "
        + "The classifier is loaded from a model file (as saved by -d on the command line or by "
        + "the Explorer's 'Save model'), or, without one, the given classifier is trained on the "
        + "first batch. The data must have the attributes the classifier was trained on; with a "
        + "model file, the class is the model's when none is set.";
  }

  @OptionMetadata(
      displayName = "model file",
      description =
          "A TFMlpClassifier saved with -d (or 'Save model' in the Explorer). Empty: "
              + "train the classifier option on the first batch.",
      commandLineParamName = "model",
      commandLineParamSynopsis = "-model <file>",
      displayOrder = 1)
  public File getModelFile() {
    return modelFile;
  }

  public void setModelFile(File modelFile) {
    this.modelFile = modelFile == null ? new File("") : modelFile;
  }

  @OptionMetadata(
      displayName = "classifier",
      description =
          "The TFMlpClassifier to train on the first batch when no model file is given "
              + "(another classifier is refused when the filter runs).",
      commandLineParamName = "W",
      commandLineParamSynopsis = "-W <classifier specification>",
      displayOrder = 2)
  public Classifier getClassifier() {
    return classifier;
  }

  public void setClassifier(Classifier classifier) {
    this.classifier = classifier;
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    // options left out mean their defaults, also for the file and the classifier
    setModelFile(new File(""));
    setClassifier(new TFMlpClassifier());
    super.setOptions(options);
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = new TFMlpClassifier().getCapabilities();
    result.setOwner(this);
    // the structure alone (no rows) comes first on the command line
    result.setMinimumNumberInstances(0);
    return result;
  }

  /** With a model file and no class set, takes the class from the model's training header. */
  @Override
  public boolean setInputFormat(Instances instanceInfo) throws Exception {
    trained = null;
    if (instanceInfo.classIndex() < 0 && modelFile.getPath().length() > 0) {
      trained = readModel();
      Instances header = trained.trainingHeader();
      if (header.numAttributes() == instanceInfo.numAttributes()) {
        instanceInfo = new Instances(instanceInfo, 0);
        instanceInfo.setClassIndex(header.classIndex());
      }
    }
    return super.setInputFormat(instanceInfo);
  }

  @Override
  public boolean batchFinished() throws Exception {
    if (getInputFormat() != null && !isFirstBatchDone() && getInputFormat().isEmpty()) {
      throw new WekaException(getClass().getSimpleName() + ": the data have no rows");
    }
    return super.batchFinished();
  }

  @Override
  protected boolean hasImmediateOutputFormat() {
    return false;
  }

  @Override
  protected Instances determineOutputFormat(Instances input) throws Exception {
    if (trained == null || !isFirstBatchDone()) {
      trained = prepareClassifier(input);
    }
    return outputFormat(trained, input.relationName());
  }

  /** {@code h1..hN} and the model's class: the attributes this filter outputs. */
  private static Instances outputFormat(TFMlpClassifier trained, String relation)
      throws WekaException {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int h = 1; h <= trained.trainedHiddenUnits(); h++) {
      attributes.add(new Attribute("h" + h));
    }
    Instances header = trained.trainingHeader();
    attributes.add((Attribute) header.classAttribute().copy());
    Instances format = new Instances(relation + "-activations", attributes, 0);
    format.setClassIndex(attributes.size() - 1);
    return format;
  }

  private TFMlpClassifier prepareClassifier(Instances input) throws Exception {
    if (modelFile.getPath().length() > 0) {
      return trained != null ? trained : readModel();
    }
    if (!(classifier instanceof TFMlpClassifier)) {
      throw new WekaException(
          getClass().getSimpleName()
              + ": the classifier must be a "
              + "TFMlpClassifier, not a "
              + classifier.getClass().getName());
    }
    if (input.classIndex() < 0) {
      throw new WekaException(
          getClass().getSimpleName()
              + ": training the classifier needs a "
              + "class attribute (set one, e.g. -c last on the command line)");
    }
    TFMlpClassifier copy = (TFMlpClassifier) AbstractClassifier.makeCopy(classifier);
    if (ExplorerLog.current() != null) {
      // its epochs in the Explorer's status bar, not 6 s of "Passing dataset through filter"
      copy.setLog(ExplorerLog.current());
    }
    copy.buildClassifier(input);
    return copy;
  }

  private TFMlpClassifier readModel() throws Exception {
    if (!modelFile.isFile()) {
      throw new WekaException(getClass().getSimpleName() + ": model file not found: " + modelFile);
    }
    // read through an allowlist: a model file is data, and plain deserialization runs code
    Object model = ModelFiles.readModel(modelFile);
    if (!(model instanceof TFMlpClassifier)) {
      throw new WekaException(
          getClass().getSimpleName()
              + ": "
              + modelFile
              + " holds a "
              + model.getClass().getName()
              + ", not a TFMlpClassifier");
    }
    return (TFMlpClassifier) model;
  }

  @Override
  public boolean allowAccessToFullInputFormat() {
    // the classifier trains on the whole first batch before the output format is known
    return true;
  }

  @Override
  public boolean input(Instance instance) throws Exception {
    if (instance.dataset() != null) {
      checkSameAttributes(instance.dataset());
    }
    return super.input(instance);
  }

  @Override
  public boolean input(Instances instances) throws Exception {
    checkSameAttributes(instances);
    return super.input(instances);
  }

  /** Data without a class set pass when they match once given the input format's class. */
  private void checkSameAttributes(Instances data) throws WekaException {
    Instances format = getInputFormat();
    if (format != null && data.classIndex() < 0 && format.numAttributes() == data.numAttributes()) {
      data = new Instances(data, 0);
      data.setClassIndex(format.classIndex());
    }
    Headers.requireSame(getClass().getSimpleName(), format, data);
  }

  @Override
  protected Instances process(Instances instances) throws Exception {
    return activations(trained, instances, getOutputFormat());
  }

  /**
   * The hidden activations of {@code trained} for every row of {@code data}, as this filter outputs
   * them (with each row's class and weight); data without a class set take the model's. For views
   * that already hold a trained classifier (the Explorer's "Superposition...").
   */
  public static Instances activations(TFMlpClassifier trained, Instances data) throws Exception {
    return activations(trained, data, outputFormat(trained, data.relationName()));
  }

  /** Rows at a time: a copy of a block, not of the whole data, takes the model's class. */
  private static final int ROWS_PER_BLOCK = 4096;

  private static Instances activations(TFMlpClassifier trained, Instances data, Instances format)
      throws Exception {
    Instances header = trained.trainingHeader();
    boolean takeClass = data.classIndex() < 0 && data.numAttributes() == header.numAttributes();
    Instances out = new Instances(format, data.numInstances());
    for (int from = 0; from < data.numInstances(); from += ROWS_PER_BLOCK) {
      // MNIST's 60,000 rows copied at once would take about 377 MB
      Instances block =
          new Instances(data, from, Math.min(ROWS_PER_BLOCK, data.numInstances() - from));
      if (takeClass) {
        block.setClassIndex(header.classIndex());
      }
      addActivations(trained, block, out);
      ExplorerLog.status(
          "TFMlpActivations: " + out.numInstances() + " of " + data.numInstances() + " rows");
    }
    return out;
  }

  private static void addActivations(TFMlpClassifier trained, Instances block, Instances out)
      throws Exception {
    float[][] hidden = trained.hiddenActivations(block);
    for (int r = 0; r < hidden.length; r++) {
      double[] values = new double[out.numAttributes()];
      for (int h = 0; h < hidden[r].length; h++) {
        values[h] = hidden[r][h];
      }
      values[values.length - 1] = block.instance(r).classValue();
      out.add(new DenseInstance(block.instance(r).weight(), values));
    }
  }

  /** The classifier whose activations this filter outputs, or null before the first batch. */
  public TFMlpClassifier getTrainedClassifier() {
    return trained;
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return Citations.toyModelsOfSuperposition();
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runFilter(new TFMlpActivations(), args);
  }
}
