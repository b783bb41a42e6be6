package weka.classifiers.functions;

import java.io.File;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import weka.classifiers.AbstractClassifier;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.LogHandler;
import weka.core.OptionMetadata;
import weka.gui.ProgrammaticProperty;
import weka.core.Randomizable;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;
import weka.core.converters.ConverterUtils;
import weka.gui.Logger;
import weka.superposition.data.InputEncoder;
import weka.superposition.data.InputEncoder.Normalization;
import weka.tensorflow.AdamTrainer;
import weka.tensorflow.EpochRecord;
import weka.tensorflow.MlpNetwork;
import weka.tensorflow.NetworkRunner;
import weka.tensorflow.Parameters;
import weka.tensorflow.TrainingData;

/**
 * The seed experiment's classifier (784 -> 49 tanh+ReLU -> 10, Adam) on a TensorFlow Java graph.
 * This class is the Weka face only: options, checks, Instances in and out. The network lives in
 * {@link MlpNetwork}, training in {@link AdamTrainer}, the input encoding in {@link InputEncoder}.
 */
public class TFMlpClassifier extends AbstractClassifier
    implements Randomizable, WeightedInstancesHandler, LogHandler {

  private static final long serialVersionUID = -4398154376587393221L;

  /** Rows per session run when predicting: bounds the memory of one run. */
  private static final int ROWS_PER_RUN = 10_000;

  /** Closes inference sessions of classifiers that are no longer reachable. */
  private static final Cleaner CLEANER = Cleaner.create();

  public static final Tag[] TAGS_NORMALIZATION = {
      new Tag(Normalization.GLOBAL_MAX_ABS.ordinal(), "global"),
      new Tag(Normalization.ATTRIBUTE_RANGE.ordinal(), "range"),
      new Tag(Normalization.STANDARDIZE.ordinal(), "standardize"),
      new Tag(Normalization.NONE.ordinal(), "none")};

  // options
  private int hiddenUnits = 49;
  private int epochs = 10;
  private int miniBatchSize = 64;
  private double learningRate = 0.001;
  private int seed = 1;
  private int numThreads = 1;
  private Normalization normalization = Normalization.GLOBAL_MAX_ABS;
  private File monitorFile = new File("");

  // the model
  private Instances header;
  private InputEncoder encoder;
  private Parameters parameters;
  private final List<EpochRecord> history = new ArrayList<>();
  /** Accuracy on the monitor file after each epoch; empty without one. */
  private final List<Double> monitorAccuracy = new ArrayList<>();

  private transient Logger log;
  private transient NetworkRunner runner;
  private transient Cleaner.Cleanable runnerCleanup;

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

  @OptionMetadata(displayName = "hidden units", description = "Number of hidden units (default 49).",
      commandLineParamName = "hidden-units", commandLineParamSynopsis = "-hidden-units <int>",
      displayOrder = 1)
  public int getHiddenUnits() {
    return hiddenUnits;
  }

  public void setHiddenUnits(int hiddenUnits) {
    this.hiddenUnits = hiddenUnits;
  }

  @OptionMetadata(displayName = "epochs", description = "Passes over the training data (default 10).",
      commandLineParamName = "epochs", commandLineParamSynopsis = "-epochs <int>", displayOrder = 2)
  public int getEpochs() {
    return epochs;
  }

  public void setEpochs(int epochs) {
    this.epochs = epochs;
  }

  @OptionMetadata(displayName = "mini-batch size",
      description = "Training rows per Adam step (default 64). Not to be confused with the batch "
          + "size for prediction (-batch-size).",
      commandLineParamName = "mini-batch-size", commandLineParamSynopsis = "-mini-batch-size <int>",
      displayOrder = 3)
  public int getMiniBatchSize() {
    return miniBatchSize;
  }

  public void setMiniBatchSize(int miniBatchSize) {
    this.miniBatchSize = miniBatchSize;
  }

  @OptionMetadata(displayName = "learning rate", description = "Adam's learning rate (default 0.001).",
      commandLineParamName = "learning-rate", commandLineParamSynopsis = "-learning-rate <double>",
      displayOrder = 4)
  public double getLearningRate() {
    return learningRate;
  }

  public void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  @OptionMetadata(displayName = "seed",
      description = "Seed of the initial weights and of the shuffling (default 1).",
      commandLineParamName = "S", commandLineParamSynopsis = "-S <int>", displayOrder = 5)
  @Override
  public int getSeed() {
    return seed;
  }

  @Override
  public void setSeed(int seed) {
    this.seed = seed;
  }

  @OptionMetadata(displayName = "number of threads",
      description = "TensorFlow threads per operation (default 1, the fastest for "
          + "this small network; 0 lets TensorFlow use every core).",
      commandLineParamName = "num-threads", commandLineParamSynopsis = "-num-threads <int>",
      displayOrder = 6)
  public int getNumThreads() {
    return numThreads;
  }

  public void setNumThreads(int numThreads) {
    this.numThreads = numThreads;
  }

  @OptionMetadata(displayName = "input normalization",
      description = "How numeric inputs are scaled: global = divide by the largest absolute "
          + "training value, as the seed divides pixels by 255, so that 0-255 and 0-1 data give the "
          + "same model (default); range = each attribute to [0, 1]; standardize = each attribute "
          + "to mean 0, standard deviation 1; none.",
      commandLineParamName = "normalization",
      commandLineParamSynopsis = "-normalization <global|range|standardize|none>", displayOrder = 7)
  public SelectedTag getNormalization() {
    return new SelectedTag(normalization.ordinal(), TAGS_NORMALIZATION);
  }

  public void setNormalization(SelectedTag tag) {
    if (tag.getTags() == TAGS_NORMALIZATION) {
      normalization = Normalization.values()[tag.getSelectedTag().getID()];
    }
  }

  @OptionMetadata(displayName = "monitor file",
      description = "An ARFF file with the training data's attributes (e.g. the test set) whose "
          + "accuracy is measured after every epoch and shown with the loss, as the seed's "
          + "notebook prints it. It plays no part in training. Empty: none.",
      commandLineParamName = "monitor", commandLineParamSynopsis = "-monitor <file>",
      displayOrder = 8)
  public File getMonitorFile() {
    return monitorFile;
  }

  public void setMonitorFile(File monitorFile) {
    this.monitorFile = monitorFile == null ? new File("") : monitorFile;
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    // an option left out means its default, also for the monitor file
    setMonitorFile(new File(""));
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

  @Override
  public void buildClassifier(Instances data) throws Exception {
    checkOptions();
    getCapabilities().testWithFail(data);
    releaseRunner();
    parameters = null;
    history.clear();
    monitorAccuracy.clear();

    Instances train = new Instances(data);
    train.deleteWithMissingClass();
    checkTrainingData(train);
    header = new Instances(data, 0);
    encoder = new InputEncoder(train, normalization);
    int classes = train.numClasses();
    TrainingData rows = new TrainingData(encoder.encode(train), encoder.numColumns(),
        oneHotClasses(train), classes, weights(train));

    Instances monitor = readMonitor(data);
    Random random = new Random(seed);
    Parameters initial = MlpNetwork.initialParameters(encoder.numColumns(), hiddenUnits, classes,
        random);
    try (AdamTrainer trainer = new AdamTrainer(new MlpNetwork(), initial, rows,
        (float) learningRate, numThreads)) {
      history.addAll(trainer.train(epochs, miniBatchSize, random, (record, current) -> {
        if (monitor != null) {
          monitorAccuracy.add(accuracy(current.parameters(), monitor));
        }
        reportProgress(record);
      }));
      parameters = trainer.parameters();
    } catch (IllegalStateException e) {
      throw new WekaException(getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private Instances readMonitor(Instances training) throws Exception {
    if (monitorFile.getPath().isEmpty()) {
      return null;
    }
    if (!monitorFile.isFile()) {
      throw new WekaException(getClass().getSimpleName() + ": monitor file not found: "
          + monitorFile);
    }
    Instances monitor = ConverterUtils.DataSource.read(monitorFile.getPath());
    monitor.setClassIndex(training.classIndex());
    if (!training.equalHeaders(monitor)) {
      throw new WekaException(getClass().getSimpleName() + ": the monitor file's attributes differ "
          + "from the training data's: " + training.equalHeadersMsg(monitor));
    }
    monitor.deleteWithMissingClass();
    return monitor;
  }

  /** The share of {@code data} that a network with {@code current} parameters classifies right. */
  private double accuracy(Parameters current, Instances data) {
    try (NetworkRunner network = new NetworkRunner(new MlpNetwork(), current,
        encoder.numColumns(), numThreads)) {
      float[] p = network.run(encoder.encode(data), data.numInstances(),
          MlpNetwork.PROBABILITIES).get(MlpNetwork.PROBABILITIES);
      int classes = data.numClasses();
      int correct = 0;
      for (int r = 0; r < data.numInstances(); r++) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
          if (p[r * classes + c] > p[r * classes + best]) {
            best = c;
          }
        }
        correct += best == (int) data.instance(r).classValue() ? 1 : 0;
      }
      return data.isEmpty() ? Double.NaN : (double) correct / data.numInstances();
    }
  }

  private void checkOptions() throws WekaException {
    String problem = hiddenUnits < 1 ? "the number of hidden units must be at least 1"
        : epochs < 0 ? "the number of epochs must not be negative"
        : miniBatchSize < 1 ? "the mini-batch size must be at least 1"
        : !(learningRate > 0) || Double.isInfinite(learningRate)
            ? "the learning rate must be a positive number"
        : numThreads < 0 ? "the number of threads must not be negative" : null;
    if (problem != null) {
      throw new WekaException(getClass().getSimpleName() + ": " + problem);
    }
  }

  private void checkTrainingData(Instances train) throws WekaException {
    if (train.isEmpty()) {
      throw new WekaException(getClass().getSimpleName() + ": no training instances with a class "
          + "value");
    }
    double[] counts = new double[train.numClasses()];
    for (Instance row : train) {
      counts[(int) row.classValue()]++;
    }
    long seen = java.util.Arrays.stream(counts).filter(c -> c > 0).count();
    if (seen < 2) {
      throw new WekaException(getClass().getSimpleName() + ": the training instances show only "
          + seen + " of the class values (" + train.classAttribute().name() + "); at least two "
          + "are needed to learn anything");
    }
  }

  private static float[] oneHotClasses(Instances data) {
    int classes = data.numClasses();
    float[] targets = new float[data.numInstances() * classes];
    for (int r = 0; r < data.numInstances(); r++) {
      targets[r * classes + (int) data.instance(r).classValue()] = 1;
    }
    return targets;
  }

  private static float[] weights(Instances data) {
    float[] weights = new float[data.numInstances()];
    for (int r = 0; r < weights.length; r++) {
      weights[r] = (float) data.instance(r).weight();
    }
    return weights;
  }

  private void reportProgress(EpochRecord record) {
    String line = String.format("%s: epoch %d/%d, loss %.4f, %.2f s%s", getClass().getSimpleName(),
        record.epoch(), epochs, record.loss(), record.seconds(), monitorAccuracy.isEmpty() ? ""
            : String.format(", monitor accuracy %.4f",
                monitorAccuracy.get(monitorAccuracy.size() - 1)));
    if (log != null) {
      log.statusMessage(line);
      log.logMessage(line);
    } else {
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
    Instances one = new Instances(header, 1);
    if (instance.dataset() != null) {
      checkHeader(instance.dataset());
    }
    one.add(instance);
    return distributionsForInstances(one)[0];
  }

  @Override
  public double[][] distributionsForInstances(Instances data) throws Exception {
    float[][] probabilities = run(data, MlpNetwork.PROBABILITIES);
    double[][] result = new double[probabilities.length][];
    for (int r = 0; r < result.length; r++) {
      result[r] = new double[probabilities[r].length];
      for (int c = 0; c < result[r].length; c++) {
        result[r][c] = probabilities[r][c];
      }
    }
    return result;
  }

  /**
   * The hidden activations (after tanh and ReLU) of every row of {@code data}: one array of
   * {@link #getHiddenUnits()} values per row.
   */
  public float[][] hiddenActivations(Instances data) throws Exception {
    return run(data, MlpNetwork.HIDDEN);
  }

  /** The number of hidden units of the trained model. */
  public int trainedHiddenUnits() throws WekaException {
    checkTrained();
    return (int) parameters.get(MlpNetwork.HIDDEN + "/bias").shape()[0];
  }

  /** The header of the training data (no rows), or null before training. */
  public Instances trainingHeader() {
    return header == null ? null : new Instances(header, 0);
  }

  private float[][] run(Instances data, String output) throws Exception {
    checkTrained();
    checkHeader(data);
    float[][] rows = new float[data.numInstances()][];
    NetworkRunner network = runner();
    for (int from = 0; from < rows.length; from += ROWS_PER_RUN) {
      int to = Math.min(rows.length, from + ROWS_PER_RUN);
      float[] values = network.run(encoder.encode(data, from, to), to - from, output).get(output);
      int width = values.length / (to - from);
      for (int r = from; r < to; r++) {
        rows[r] = java.util.Arrays.copyOfRange(values, (r - from) * width, (r - from + 1) * width);
      }
    }
    return rows;
  }

  private void checkTrained() throws WekaException {
    if (parameters == null) {
      throw new WekaException(getClass().getSimpleName() + ": no model built yet");
    }
  }

  private void checkHeader(Instances data) throws WekaException {
    if (!header.equalHeaders(data)) {
      throw new WekaException(getClass().getSimpleName() + ": the data do not match the training "
          + "data's header: " + header.equalHeadersMsg(data));
    }
  }

  /** The inference session, built on first use and closed when this model is unreachable. */
  private synchronized NetworkRunner runner() {
    if (runner == null) {
      NetworkRunner created = new NetworkRunner(new MlpNetwork(), parameters,
          encoder.numColumns(), numThreads);
      runnerCleanup = CLEANER.register(this, created::close);
      runner = created;
    }
    return runner;
  }

  private synchronized void releaseRunner() {
    if (runnerCleanup != null) {
      runnerCleanup.clean();
    }
    runner = null;
    runnerCleanup = null;
  }

  // ---------------------------------------------------------------- description

  @Override
  public String toString() {
    if (parameters == null) {
      return getClass().getSimpleName() + ": no model built yet.";
    }
    StringBuilder text = new StringBuilder();
    text.append(getClass().getSimpleName()).append('\n')
        .append("=".repeat(getClass().getSimpleName().length())).append("\n\n");
    text.append(String.format("Network: %d inputs -> %d hidden (tanh, then ReLU) -> %d classes "
        + "(softmax)%n", encoder.numColumns(), hiddenUnits, header.numClasses()));
    text.append(String.format("Training: Adam, learning rate %s, mini-batch %d, %d epochs, seed %d, "
        + "%d thread(s)%n", learningRate, miniBatchSize, epochs, seed, numThreads));
    text.append(String.format("Inputs: %d attributes, normalization: %s%n%n",
        header.numAttributes() - 1, getNormalization().getSelectedTag().getReadable()));
    boolean monitored = !monitorAccuracy.isEmpty();
    text.append(String.format("%5s  %12s  %8s%s%n", "Epoch", "Mean loss", "Seconds",
        monitored ? "  Monitor accuracy" : ""));
    double total = 0;
    for (EpochRecord record : history) {
      text.append(String.format("%5d  %12.6f  %8.2f%s%n", record.epoch(), record.loss(),
          record.seconds(), monitored
              ? String.format("  %16.4f", monitorAccuracy.get(record.epoch() - 1)) : ""));
      total += record.seconds();
    }
    text.append(String.format("%nTraining time: %.2f s%n", total));
    return text.toString();
  }

  /** The per-epoch mean training loss and time. */
  public List<EpochRecord> getHistory() {
    return List.copyOf(history);
  }

  /** The accuracy on the monitor file after each epoch; empty without one. */
  public List<Double> getMonitorAccuracy() {
    return List.copyOf(monitorAccuracy);
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runClassifier(new TFMlpClassifier(), args);
  }
}
