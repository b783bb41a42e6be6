package weka.classifiers.functions;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.IterativeClassifier;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.LogHandler;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;
import weka.core.converters.ConverterUtils;
import weka.gui.Logger;
import weka.gui.ProgrammaticProperty;
import weka.superposition.data.ClassTargets;
import weka.superposition.data.InputEncoder;
import weka.superposition.data.InputEncoder.Normalization;
import weka.superposition.describe.Citations;
import weka.superposition.describe.ClassifierReport;
import weka.superposition.mlp.MlpModel;
import weka.superposition.mlp.MlpSettings;
import weka.superposition.mlp.MlpTraining;
import weka.superposition.mlp.MonitorData;
import weka.tensorflow.AdamTrainer;
import weka.tensorflow.EpochRecord;
import weka.tensorflow.MlpNetwork;
import weka.tensorflow.Parameter;

/**
 * The seed experiment's classifier (784 -> 49 tanh+ReLU -> 10, Adam) on a TensorFlow Java graph.
 * This class is the Weka face only: options, checks, Instances in and out. The trained model lives
 * in {@link MlpModel}, its training in {@link MlpTraining}, the network in {@link MlpNetwork}, the
 * input encoding in {@link InputEncoder} and the class targets in {@link ClassTargets}.
 */
public class TFMlpClassifier extends AbstractClassifier
    implements IterativeClassifier,
        Randomizable,
        WeightedInstancesHandler,
        LogHandler,
        TechnicalInformationHandler {

  /** Changed with the model's move into {@link MlpModel}: older model files no longer load. */
  private static final long serialVersionUID = 5263108872231406519L;

  public static final Tag[] TAGS_NORMALIZATION = {
    new Tag(Normalization.GLOBAL_MAX_ABS.ordinal(), "global"),
    new Tag(Normalization.ATTRIBUTE_RANGE.ordinal(), "range"),
    new Tag(Normalization.STANDARDIZE.ordinal(), "standardize"),
    new Tag(Normalization.NONE.ordinal(), "none")
  };

  // options
  private int hiddenUnits = 49;
  private int epochs = 10;
  private int miniBatchSize = 64;
  private double learningRate = 0.001;
  private int seed = 1;
  private int numThreads = 1;
  private Normalization normalization = Normalization.GLOBAL_MAX_ABS;
  private File monitorFile = new File("");

  /** Monitor data given in memory (see {@link #setMonitorData}); not an option, not saved. */
  private transient Instances monitorData;

  private File reportFile = new File("");
  private boolean resume;

  /** The trained model; null before training, or after training failed or was stopped. */
  private MlpModel model;

  /** The epochs trained so far and, between rounds of epochs, what training goes on with. */
  private MlpTraining training = new MlpTraining();

  private transient Logger log;

  public String globalInfo() {
    return "A one-hidden-layer neural network trained in a TensorFlow Java graph, as in the seed "
        + "experiment of the tensorflowSuperposition package: Dense(inputs -> hidden) -> tanh -> "
        + "ReLU -> Dense(hidden -> classes), softmax cross-entropy, Adam, mini-batches of shuffled "
        + "data, PyTorch-style initialisation. Its defaults reproduce the seed's MNIST classifier "
        + "(784 -> 49 -> 10, learning rate 0.001, mini-batch 64, 10 epochs). The hidden activations "
        + "(after the ReLU) are what the TFMlpActivations filter outputs and the "
        + "SuperpositionAutoencoder filter studies. Nominal attributes become binary inputs and "
        + "missing values are replaced by the training mean or mode, as in MultilayerPerceptron. "
        + "The same seed gives the same model, bit for bit, on the same machine.";
  }

  // ---------------------------------------------------------------- options

  @OptionMetadata(
      displayName = "hidden units",
      description = "Number of hidden units (default 49).",
      commandLineParamName = "hidden-units",
      commandLineParamSynopsis = "-hidden-units <int>",
      displayOrder = 1)
  public int getHiddenUnits() {
    return hiddenUnits;
  }

  public void setHiddenUnits(int hiddenUnits) {
    this.hiddenUnits = hiddenUnits;
  }

  @OptionMetadata(
      displayName = "epochs",
      description = "Passes over the training data (default 10).",
      commandLineParamName = "epochs",
      commandLineParamSynopsis = "-epochs <int>",
      displayOrder = 2)
  public int getEpochs() {
    return epochs;
  }

  public void setEpochs(int epochs) {
    this.epochs = epochs;
  }

  @OptionMetadata(
      displayName = "mini-batch size",
      description =
          "Training rows per Adam step (default 64). Not to be confused with the batch "
              + "size for prediction (-batch-size).",
      commandLineParamName = "mini-batch-size",
      commandLineParamSynopsis = "-mini-batch-size <int>",
      displayOrder = 3)
  public int getMiniBatchSize() {
    return miniBatchSize;
  }

  public void setMiniBatchSize(int miniBatchSize) {
    this.miniBatchSize = miniBatchSize;
  }

  @OptionMetadata(
      displayName = "learning rate",
      description = "Adam's learning rate (default 1e-3).",
      commandLineParamName = "learning-rate",
      commandLineParamSynopsis = "-learning-rate <double>",
      displayOrder = 4)
  public double getLearningRate() {
    return learningRate;
  }

  public void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  @OptionMetadata(
      displayName = "seed",
      description = "Seed of the initial weights and of the shuffling (default 1).",
      commandLineParamName = "S",
      commandLineParamSynopsis = "-S <int>",
      displayOrder = 5)
  @Override
  public int getSeed() {
    return seed;
  }

  @Override
  public void setSeed(int seed) {
    this.seed = seed;
  }

  @OptionMetadata(
      displayName = "number of threads",
      description =
          "TensorFlow threads per operation (default 1, the fastest for "
              + "this small network; 0 lets TensorFlow use every core). The same seed gives the same "
              + "model, bit for bit, with the same number of threads; another number may add in "
              + "another order, so that the last digits differ.",
      commandLineParamName = "num-threads",
      commandLineParamSynopsis = "-num-threads <int>",
      displayOrder = 6)
  public int getNumThreads() {
    return numThreads;
  }

  public void setNumThreads(int numThreads) {
    this.numThreads = numThreads;
  }

  @OptionMetadata(
      displayName = "input normalization",
      description =
          "How numeric inputs are scaled: global = divide by the largest absolute "
              + "training value, as the seed divides pixels by 255, so that 0-255 and 0-1 data give the "
              + "same model (default); range = each attribute to [0, 1]; standardize = each attribute "
              + "to mean 0, standard deviation 1; none.",
      commandLineParamName = "normalization",
      commandLineParamSynopsis = "-normalization <global|range|standardize|none>",
      displayOrder = 7)
  public SelectedTag getNormalization() {
    return new SelectedTag(normalization.ordinal(), TAGS_NORMALIZATION);
  }

  public void setNormalization(SelectedTag tag) {
    if (tag.getTags() == TAGS_NORMALIZATION) {
      normalization = Normalization.values()[tag.getSelectedTag().getID()];
    }
  }

  @OptionMetadata(
      displayName = "monitor file",
      description =
          "An ARFF file with the training data's attributes, such as the test set, whose "
              + "accuracy is measured after every epoch and shown with the loss, as the seed's "
              + "notebook prints it. It plays no part in training. Empty: none.",
      commandLineParamName = "monitor",
      commandLineParamSynopsis = "-monitor <file>",
      displayOrder = 8)
  public File getMonitorFile() {
    return monitorFile;
  }

  public void setMonitorFile(File monitorFile) {
    this.monitorFile = monitorFile == null ? new File("") : monitorFile;
  }

  /**
   * Data whose accuracy is measured after every epoch, as with the monitor file, but given in
   * memory (a program that has the test set already loaded need not read it again); it takes
   * precedence over the monitor file. Not an option: it is not copied with the classifier or saved
   * with the model. Null: none.
   */
  @ProgrammaticProperty
  public void setMonitorData(Instances monitorData) {
    this.monitorData = monitorData;
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    // an option left out means its default, also for the files
    setMonitorFile(new File(""));
    setReportFile(new File(""));
    super.setOptions(options);
  }

  @ProgrammaticProperty
  @Override
  public void setLog(Logger log) {
    this.log = log;
  }

  @ProgrammaticProperty
  @Override
  public Logger getLog() {
    return log;
  }

  @OptionMetadata(
      displayName = "report file",
      description =
          "Where to write the network, its training settings and every epoch's loss, "
              + "time and monitor accuracy as JSON, after training. Empty: no file.",
      commandLineParamName = "report",
      commandLineParamSynopsis = "-report <file.json>",
      displayOrder = 10)
  public File getReportFile() {
    return reportFile;
  }

  public void setReportFile(File reportFile) {
    this.reportFile = reportFile == null ? new File("") : reportFile;
  }

  @OptionMetadata(
      displayName = "resume",
      description =
          "Keep what training needs after the last epoch, so that the Explorer's "
              + "'Continue iterating' (or initializeClassifier and next) can train more epochs "
              + "with the settings the model was trained with. The model then holds its training "
              + "data until it is cleaned up.",
      commandLineParamName = "resume",
      commandLineParamSynopsis = "-resume",
      commandLineParamIsFlag = true,
      displayOrder = 9)
  @Override
  public boolean getResume() {
    return resume;
  }

  @Override
  public void setResume(boolean resume) {
    this.resume = resume;
  }

  // ---------------------------------------------------------------- training

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enable(Capability.NUMERIC_ATTRIBUTES);
    result.enable(Capability.NOMINAL_ATTRIBUTES);
    result.enable(Capability.MISSING_VALUES);
    result.enable(Capability.NOMINAL_CLASS);
    result.enable(Capability.MISSING_CLASS_VALUES);
    return result;
  }

  /**
   * Trains from scratch for the given number of epochs, whatever {@link #getResume()} says. If
   * training fails or is stopped, no model is left.
   */
  @Override
  public void buildClassifier(Instances data) throws Exception {
    discardModel();
    try {
      initializeClassifier(data);
      while (next()) {
        // one epoch per call
      }
    } catch (Exception | Error e) {
      discardModel();
      throw e;
    }
    done();
  }

  /**
   * Prepares training on {@code data}: the input encoding and the initial network, or, when the
   * data leave nothing to learn, the class prior. When resuming a model that kept its training
   * state, continues it instead: the next {@link #getEpochs()} calls of {@link #next()} each add an
   * epoch, on the rows it was trained on.
   */
  @Override
  public void initializeClassifier(Instances data) throws Exception {
    if (resume && model != null && model.hasNetwork()) {
      checkHeader(data);
      training.newRound();
      if (!training.isActive()) {
        resumeWithoutTrainer(data);
      }
      return;
    }
    checkOptions();
    getCapabilities().testWithFail(data);
    discardModel();
    training = new MlpTraining();

    requireFiniteValues(data);
    Instances train = rowsWithClass(data);
    MlpSettings settings =
        new MlpSettings(hiddenUnits, learningRate, miniBatchSize, seed, numThreads);
    InputEncoder encoder = new InputEncoder(train, normalization);
    String reason = ClassTargets.nothingToLearn(train);
    if (reason != null) {
      model = MlpModel.ofPrior(data, encoder, settings, ClassTargets.prior(train), reason);
      progress(getClass().getSimpleName() + ": " + reason + "; predicting the class prior");
      return;
    }
    MonitorData monitor = readMonitor(data, encoder);
    Random random = new Random(seed);
    model =
        MlpModel.ofNetwork(
            data,
            encoder,
            settings,
            MlpNetwork.initialParameters(
                encoder.numColumns(), hiddenUnits, train.numClasses(), random));
    if (epochs == 0 && !resume) {
      // the network before its first step (the studies' untrained control): no epoch will read
      // the rows, so they are not encoded (188 MB of floats for MNIST's training set)
      return;
    }
    try {
      training.start(model, train, random, monitor);
    } catch (IllegalArgumentException e) {
      throw named(e);
    }
  }

  /** Checked on the caller's data, so that the row numbers in the error are the caller's. */
  private void requireFiniteValues(Instances data) throws WekaException {
    try {
      InputEncoder.requireNoInfiniteValue(data);
    } catch (IllegalArgumentException e) {
      throw named(e);
    }
  }

  /** A copy of {@code data} without the rows whose class is missing: the rows to learn from. */
  private static Instances rowsWithClass(Instances data) {
    Instances train = new Instances(data);
    train.deleteWithMissingClass();
    return train;
  }

  /** A model read from a file trains on from its weights (see {@link MlpTraining#resume}). */
  private void resumeWithoutTrainer(Instances data) throws Exception {
    Instances train = rowsWithClass(data);
    String reason = ClassTargets.nothingToLearn(train);
    if (reason != null) {
      throw new WekaException(getClass().getSimpleName() + ": cannot resume training: " + reason);
    }
    MonitorData monitor = readMonitor(data, model.encoder());
    try {
      training.resume(model, train, monitor);
    } catch (IllegalArgumentException e) {
      throw named(e);
    }
    progress(
        getClass().getSimpleName()
            + ": resuming a model that was read from a file; "
            + "Adam's moment estimates start afresh");
  }

  /** Trains one epoch; false (and nothing done) once this round's epochs are done. */
  @Override
  public boolean next() throws Exception {
    if (model == null) {
      return false;
    }
    EpochRecord record;
    try {
      record = training.epoch(model, epochs, numThreads);
    } catch (IllegalStateException e) {
      throw named(e);
    }
    if (record == null) {
      return false;
    }
    reportProgress(record);
    return true;
  }

  /**
   * Writes the report file if one is set, and releases the training state unless {@link
   * #getResume()} asks to keep it.
   */
  @Override
  public void done() throws IOException {
    if (!reportFile.getPath().isEmpty() && model != null) {
      report().write(reportFile.toPath());
    }
    if (!resume) {
      training.release();
    }
  }

  /** The trained model's network, settings and epochs as data. */
  public ClassifierReport report() {
    List<Double> accuracy = training.monitorAccuracy();
    List<ClassifierReport.Epoch> epochs =
        training.history().stream()
            .map(
                record ->
                    new ClassifierReport.Epoch(
                        record.epoch(),
                        record.loss(),
                        record.seconds(),
                        accuracy.isEmpty() ? Double.NaN : accuracy.get(record.epoch() - 1)))
            .toList();
    MlpSettings trainedWith = model.settings();
    return new ClassifierReport(
        model.encoder().numColumns(),
        model.hasNetwork() ? trainedWith.hiddenUnits() : 0,
        model.header().numClasses(),
        trainedWith.learningRate(),
        trainedWith.miniBatchSize(),
        trainedWith.seed(),
        trainedWith.threads(),
        normalizationName(),
        epochs);
  }

  /** Closes what TensorFlow holds for the model and its training, and forgets the model. */
  private void discardModel() {
    training.release();
    if (model != null) {
      model.release();
    }
    model = null;
  }

  /**
   * The monitor data (in memory, or read from the monitor file), encoded once for the whole
   * training; null without either.
   */
  private MonitorData readMonitor(Instances training, InputEncoder encoder) throws Exception {
    Instances monitor;
    if (monitorData != null) {
      monitor = new Instances(monitorData);
    } else if (monitorFile.getPath().isEmpty()) {
      return null;
    } else if (!monitorFile.isFile()) {
      throw new WekaException(
          getClass().getSimpleName() + ": monitor file not found: " + monitorFile);
    } else {
      monitor = ConverterUtils.DataSource.read(monitorFile.getPath());
    }
    return named(() -> MonitorData.of(monitor, training, encoder));
  }

  private void checkOptions() throws WekaException {
    try {
      if (hiddenUnits < 1) {
        throw new IllegalArgumentException("the number of hidden units must be at least 1");
      }
      AdamTrainer.checkSettings(epochs, miniBatchSize, learningRate, numThreads);
    } catch (IllegalArgumentException e) {
      throw named(e);
    }
  }

  private void reportProgress(EpochRecord record) {
    List<Double> accuracy = training.monitorAccuracy();
    progress(
        String.format(
            "%s: epoch %d/%d, loss %.4f, %.2f s%s",
            getClass().getSimpleName(),
            record.epoch(),
            record.epoch() - training.epochsThisRound() + epochs,
            record.loss(),
            record.seconds(),
            accuracy.isEmpty()
                ? ""
                : String.format(", monitor accuracy %.4f", accuracy.get(accuracy.size() - 1))));
  }

  /** To the Explorer's status bar and log where there is one, else to standard error in debug. */
  private void progress(String line) {
    if (log != null) {
      log.statusMessage(line);
      log.logMessage(line);
    } else if (getDebug()) {
      System.err.println(line);
    }
  }

  // ---------------------------------------------------------------- prediction

  @Override
  public boolean implementsMoreEfficientBatchPrediction() {
    return true;
  }

  @Override
  public double[] distributionForInstance(Instance instance) throws Exception {
    Instances one = new Instances(built().header(), 1);
    if (instance.dataset() != null) {
      checkHeader(instance.dataset());
    }
    one.add(instance);
    return distributionsForInstances(one)[0];
  }

  @Override
  public double[][] distributionsForInstances(Instances data) throws Exception {
    MlpModel built = built();
    return named(() -> built.distributions(data, numThreads));
  }

  /**
   * The hidden activations (after tanh and ReLU) of every row of {@code data}: one array of {@link
   * #getHiddenUnits()} values per row.
   */
  public float[][] hiddenActivations(Instances data) throws Exception {
    MlpModel built = built();
    return named(() -> built.run(data, MlpNetwork.HIDDEN, numThreads));
  }

  /** The number of hidden units of the trained model. */
  public int trainedHiddenUnits() throws WekaException {
    MlpModel built = built();
    return named(built::hiddenUnits);
  }

  /**
   * The trained output layer, hidden units to class scores (logits): the kernel {@code [hidden,
   * classes]} row-major, then the bias; for analyses that put other hidden activations through it.
   */
  public Parameter[] outputLayer() throws WekaException {
    return layer(MlpNetwork.OUTPUT_LAYER);
  }

  /**
   * The trained hidden layer, encoded inputs to hidden units (before tanh and ReLU): the kernel
   * {@code [inputs, hidden]} row-major, then the bias; for pictures of each unit's input weights.
   * The inputs are the encoded columns (see {@link #getNormalization()}): for MNIST's 784 numeric
   * pixels, one column per pixel, in order.
   */
  public Parameter[] hiddenLayer() throws WekaException {
    return layer(MlpNetwork.HIDDEN);
  }

  private Parameter[] layer(String name) throws WekaException {
    MlpModel built = built();
    return named(() -> built.layer(name));
  }

  /** The header of the training data (no rows), or null before training. */
  public Instances trainingHeader() {
    return model == null ? null : new Instances(model.header(), 0);
  }

  /** The trained model, or an error that says there is none. */
  private MlpModel built() throws WekaException {
    if (model == null) {
      throw new WekaException(getClass().getSimpleName() + ": no model built yet");
    }
    return model;
  }

  private void checkHeader(Instances data) throws WekaException {
    MlpModel built = built();
    try {
      built.checkHeader(data);
    } catch (IllegalArgumentException e) {
      throw named(e);
    }
  }

  /** Runs a call of the model, naming this classifier in the errors it reports. */
  private <T> T named(Supplier<T> call) throws WekaException {
    try {
      return call.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw named(e);
    }
  }

  /** The error a user sees for a problem the model or its training reports. */
  private WekaException named(RuntimeException problem) {
    return new WekaException(getClass().getSimpleName() + ": " + problem.getMessage(), problem);
  }

  // ---------------------------------------------------------------- description

  /** The model as trained: the settings it was trained with, not the current options. */
  @Override
  public String toString() {
    if (model == null) {
      return getClass().getSimpleName() + ": no model built yet.";
    }
    Instances header = model.header();
    String name = getClass().getSimpleName();
    StringBuilder text = new StringBuilder(name + "\n" + "=".repeat(name.length()) + "\n\n");
    if (!model.hasNetwork()) {
      double[] prior = model.prior();
      text.append("No network was trained: ")
          .append(model.fallbackReason())
          .append(".\n")
          .append("The model predicts the class prior (as ZeroR does):\n");
      for (int c = 0; c < prior.length; c++) {
        text.append(String.format("  %s: %.4f%n", header.classAttribute().value(c), prior[c]));
      }
      return text.toString();
    }
    MlpSettings trainedWith = model.settings();
    List<EpochRecord> history = training.history();
    List<Double> accuracy = training.monitorAccuracy();
    text.append(
        String.format(
            "Network: %d inputs -> %d hidden (tanh, then ReLU) -> %d classes " + "(softmax)%n",
            model.encoder().numColumns(), trainedWith.hiddenUnits(), header.numClasses()));
    text.append(
        String.format(
            "Training: Adam, learning rate %s, mini-batch %d, %d epochs, seed %d, "
                + "%d thread(s)%n",
            trainedWith.learningRate(),
            trainedWith.miniBatchSize(),
            history.size(),
            trainedWith.seed(),
            trainedWith.threads()));
    text.append(
        String.format(
            "Inputs: %d attributes, normalization: %s%n%n",
            header.numAttributes() - 1, normalizationName()));
    boolean monitored = !accuracy.isEmpty();
    text.append(
        String.format(
            "%5s  %12s  %8s%s%n",
            "Epoch", "Mean loss", "Seconds", monitored ? "  Monitor accuracy" : ""));
    double total = 0;
    for (EpochRecord record : history) {
      text.append(
          String.format(
              "%5d  %12.6f  %8.2f%s%n",
              record.epoch(),
              record.loss(),
              record.seconds(),
              monitored ? String.format("  %16.4f", accuracy.get(record.epoch() - 1)) : ""));
      total += record.seconds();
    }
    text.append(String.format("%nTraining time: %.2f s%n", total));
    return text.toString();
  }

  /** The trained model's input normalization, as the option names it. */
  private String normalizationName() {
    return TAGS_NORMALIZATION[model.encoder().normalization().ordinal()].getReadable();
  }

  /** The per-epoch mean training loss and time. */
  public List<EpochRecord> getHistory() {
    return training.history();
  }

  /** The accuracy on the monitor file after each epoch; empty without one. */
  public List<Double> getMonitorAccuracy() {
    return training.monitorAccuracy();
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
    runClassifier(new TFMlpClassifier(), args);
  }
}
