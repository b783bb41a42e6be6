package weka.classifiers.functions;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;
import weka.core.converters.ConverterUtils;
import weka.gui.Logger;
import weka.gui.ProgrammaticProperty;
import weka.superposition.data.InputEncoder;
import weka.superposition.data.InputEncoder.Normalization;
import weka.superposition.data.Rows;
import weka.superposition.data.Seeds;
import weka.superposition.describe.Citations;
import weka.superposition.describe.ClassifierReport;
import weka.tensorflow.AdamTrainer;
import weka.tensorflow.EpochRecord;
import weka.tensorflow.MlpNetwork;
import weka.tensorflow.NetworkRunner;
import weka.tensorflow.Parameter;
import weka.tensorflow.Parameters;
import weka.tensorflow.TrainingData;

/**
 * The seed experiment's classifier (784 -> 49 tanh+ReLU -> 10, Adam) on a TensorFlow Java graph.
 * This class is the Weka face only: options, checks, Instances in and out. The network lives in
 * {@link MlpNetwork}, training in {@link AdamTrainer}, the input encoding in {@link InputEncoder}.
 */
public class TFMlpClassifier extends AbstractClassifier
    implements IterativeClassifier,
        Randomizable,
        WeightedInstancesHandler,
        LogHandler,
        TechnicalInformationHandler {

  private static final long serialVersionUID = -4398154376587393221L;

  /**
   * Rows per session run when predicting: bounds the memory of one run (for MNIST, 3 MB of inputs
   * in Java and again in TensorFlow; 10,000 rows took 31 MB each). A row's outputs do not depend on
   * the rows it runs with, bit for bit (NetworkRunnerTest).
   */
  private static final int ROWS_PER_RUN = 1000;

  /** Closes inference sessions of classifiers that are no longer reachable. */
  private static final Cleaner CLEANER = Cleaner.create();

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

  /** The options that shape a trained model, as they were when its training began. */
  record Settings(int hiddenUnits, double learningRate, int miniBatchSize, int seed, int threads)
      implements Serializable {}

  // the model
  private Instances header;
  private InputEncoder encoder;
  private Settings trainedWith;

  /** The network's parameters; null when the model predicts {@link #prior}. */
  private Parameters parameters;

  private final List<EpochRecord> history = new ArrayList<>();

  /** Accuracy on the monitor file after each epoch; empty without one. */
  private final List<Double> monitorAccuracy = new ArrayList<>();

  /** The class prior, predicted when the training data leave nothing to learn; else null. */
  private double[] prior;

  private String fallbackReason;

  private transient Logger log;
  private transient NetworkRunner runner;
  private transient Cleaner.Cleanable runnerCleanup;

  // training in progress (kept between rounds of epochs when resuming)
  private transient AdamTrainer trainer;
  private transient Cleaner.Cleanable trainerCleanup;
  private transient Random random;
  private transient Monitor monitor;
  private transient int epochsThisRound;

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
    releaseTrainer();
    header = null;
    try {
      initializeClassifier(data);
      while (next()) {
        // one epoch per call
      }
    } catch (Exception | Error e) {
      releaseTrainer();
      releaseRunner();
      header = null;
      parameters = null;
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
    if (resume && parameters != null && header != null) {
      checkHeader(data);
      epochsThisRound = 0;
      if (trainer == null) {
        resumeWithoutTrainer(data);
      }
      return;
    }
    checkOptions();
    getCapabilities().testWithFail(data);
    releaseTrainer();
    releaseRunner();
    parameters = null;
    prior = null;
    fallbackReason = null;
    history.clear();
    monitorAccuracy.clear();
    epochsThisRound = 0;

    requireFiniteValues(data);
    Instances train = new Instances(data);
    train.deleteWithMissingClass();
    header = new Instances(data, 0);
    trainedWith = new Settings(hiddenUnits, learningRate, miniBatchSize, seed, numThreads);
    encoder = new InputEncoder(train, normalization);
    fallbackReason = nothingToLearn(train);
    if (fallbackReason != null) {
      prior = classPrior(train);
      progress(getClass().getSimpleName() + ": " + fallbackReason + "; predicting the class prior");
      return;
    }
    monitor = readMonitor(data);
    random = new Random(seed);
    parameters =
        MlpNetwork.initialParameters(encoder.numColumns(), hiddenUnits, train.numClasses(), random);
    if (epochs == 0 && !resume) {
      // the network before its first step (the studies' untrained control): no epoch will read
      // the rows, so they are not encoded (188 MB of floats for MNIST's training set)
      return;
    }
    trainer = newTrainer(parameters, trainingData(train));
  }

  /** Checked on the caller's data, so that the row numbers in the error are the caller's. */
  private void requireFiniteValues(Instances data) throws WekaException {
    try {
      InputEncoder.requireNoInfiniteValue(data);
    } catch (IllegalArgumentException e) {
      throw new WekaException(getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** Why no network can be trained on {@code train} (rows with a class), or null if one can. */
  private static String nothingToLearn(Instances train) {
    if (train.numAttributes() == 1) {
      return "the data have no attribute but the class";
    }
    if (train.isEmpty()) {
      return "no training instance has a class value";
    }
    double[] weights = new double[train.numClasses()];
    for (Instance row : train) {
      weights[(int) row.classValue()] += row.weight();
    }
    long seen = Arrays.stream(weights).filter(w -> w > 0).count();
    return seen < 2
        ? "the training instances of non-zero weight show "
            + seen
            + " of the class "
            + "values of "
            + train.classAttribute().name()
        : null;
  }

  /** The class distribution of {@code train}, with one pseudo-count per value, as ZeroR has it. */
  private static double[] classPrior(Instances train) {
    double[] counts = new double[train.numClasses()];
    Arrays.fill(counts, 1);
    for (Instance row : train) {
      counts[(int) row.classValue()] += row.weight();
    }
    Utils.normalize(counts);
    return counts;
  }

  /**
   * The rows to train on. Inputs that are integers from 0 to 255 (MNIST's pixels) are kept as byte
   * codes with the table of their floats, and each mini-batch is decoded as it is fed: 47 MB for
   * MNIST's training set, where floats took 188 MB on the heap and 188 MB more in TensorFlow; the
   * very same floats reach the network. Codes are tried where they save memory: a code and its
   * table take less than a float from 342 rows on.
   */
  private TrainingData trainingData(Instances train) throws WekaException {
    int rows = train.numInstances();
    boolean saves = (long) rows * (Float.BYTES - 1) > (long) Float.BYTES * TrainingData.CODES;
    byte[] codes = saves ? encoder.encodeCodes(train, 0, rows) : null;
    if (codes == null) {
      return new TrainingData(
          encode(train, 0, rows),
          encoder.numColumns(),
          oneHotClasses(train),
          train.numClasses(),
          Rows.weights(train));
    }
    return TrainingData.coded(
        new TrainingData.CodedInputs(codes, encoder.codeValues()),
        encoder.numColumns(),
        oneHotClasses(train),
        train.numClasses(),
        Rows.weights(train));
  }

  private AdamTrainer newTrainer(Parameters start, TrainingData rows) {
    AdamTrainer created =
        new AdamTrainer(
            new MlpNetwork(),
            start,
            rows,
            (float) trainedWith.learningRate(),
            0,
            trainedWith.threads());
    trainerCleanup = CLEANER.register(this, created::close);
    return created;
  }

  /**
   * A model read from a file keeps its weights but not TensorFlow's training state: training goes
   * on from the weights with fresh Adam moment estimates.
   */
  private void resumeWithoutTrainer(Instances data) throws Exception {
    if (fallbackReason != null) {
      return;
    }
    Instances train = new Instances(data);
    train.deleteWithMissingClass();
    if (nothingToLearn(train) != null) {
      throw new WekaException(
          getClass().getSimpleName() + ": cannot resume training: " + nothingToLearn(train));
    }
    monitor = readMonitor(data);
    random = new Random(Seeds.resumedTraining(trainedWith.seed(), history.size()));
    trainer = newTrainer(parameters, trainingData(train));
    progress(
        getClass().getSimpleName()
            + ": resuming a model that was read from a file; "
            + "Adam's moment estimates start afresh");
  }

  /** Trains one epoch; false (and nothing done) once this round's epochs are done. */
  @Override
  public boolean next() throws Exception {
    if (trainer == null || epochsThisRound >= epochs) {
      return false;
    }
    long start = System.nanoTime();
    double loss;
    try {
      loss = trainer.epoch(trainedWith.miniBatchSize(), random);
    } catch (IllegalStateException e) {
      throw new WekaException(getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    EpochRecord record =
        new EpochRecord(history.size() + 1, loss, (System.nanoTime() - start) / 1e9);
    parameters = trainer.parameters();
    releaseRunner();
    history.add(record);
    epochsThisRound++;
    if (monitor != null) {
      monitorAccuracy.add(monitor.accuracy(runner()));
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
    if (!reportFile.getPath().isEmpty() && header != null) {
      report().write(reportFile.toPath());
    }
    if (!resume) {
      releaseTrainer();
    }
  }

  /** The trained model's network, settings and epochs as data. */
  public ClassifierReport report() {
    List<ClassifierReport.Epoch> epochs = new ArrayList<>();
    for (EpochRecord record : history) {
      epochs.add(
          new ClassifierReport.Epoch(
              record.epoch(),
              record.loss(),
              record.seconds(),
              monitorAccuracy.isEmpty() ? Double.NaN : monitorAccuracy.get(record.epoch() - 1)));
    }
    return new ClassifierReport(
        encoder.numColumns(),
        parameters == null ? 0 : trainedWith.hiddenUnits(),
        header.numClasses(),
        trainedWith.learningRate(),
        trainedWith.miniBatchSize(),
        trainedWith.seed(),
        trainedWith.threads(),
        TAGS_NORMALIZATION[encoder.normalization().ordinal()].getReadable(),
        epochs);
  }

  private synchronized void releaseTrainer() {
    if (trainerCleanup != null) {
      trainerCleanup.clean();
    }
    trainer = null;
    trainerCleanup = null;
    monitor = null;
    random = null;
  }

  /**
   * The monitor data (in memory, or read from the monitor file), encoded once for the whole
   * training; null without either.
   */
  private Monitor readMonitor(Instances training) throws Exception {
    Instances monitor = monitorData;
    if (monitor == null) {
      if (monitorFile.getPath().isEmpty()) {
        return null;
      }
      if (!monitorFile.isFile()) {
        throw new WekaException(
            getClass().getSimpleName() + ": monitor file not found: " + monitorFile);
      }
      monitor = ConverterUtils.DataSource.read(monitorFile.getPath());
    } else {
      monitor = new Instances(monitor);
    }
    monitor.setClassIndex(training.classIndex());
    if (!training.equalHeaders(monitor)) {
      throw new WekaException(
          getClass().getSimpleName()
              + ": the monitor data's attributes differ "
              + "from the training data's: "
              + training.equalHeadersMsg(monitor));
    }
    monitor.deleteWithMissingClass();
    int[] classes = new int[monitor.numInstances()];
    for (int r = 0; r < classes.length; r++) {
      classes[r] = (int) monitor.instance(r).classValue();
    }
    return new Monitor(encode(monitor, 0, classes.length), classes);
  }

  /** The monitor data as network inputs and their classes. */
  private record Monitor(float[] inputs, int[] classes) {

    /** The share of the rows that {@code network} classifies right; NaN without rows. */
    double accuracy(NetworkRunner network) {
      if (classes.length == 0) {
        return Double.NaN;
      }
      int width = inputs.length / classes.length;
      int correct = 0;
      for (int from = 0; from < classes.length; from += ROWS_PER_RUN) {
        int to = Math.min(classes.length, from + ROWS_PER_RUN);
        float[] p =
            network
                .run(
                    Arrays.copyOfRange(inputs, from * width, to * width),
                    to - from,
                    MlpNetwork.PROBABILITIES)
                .get(MlpNetwork.PROBABILITIES);
        int k = p.length / (to - from);
        for (int r = from; r < to; r++) {
          int best = 0;
          for (int c = 1; c < k; c++) {
            if (p[(r - from) * k + c] > p[(r - from) * k + best]) {
              best = c;
            }
          }
          correct += best == classes[r] ? 1 : 0;
        }
      }
      return (double) correct / classes.length;
    }
  }

  private void checkOptions() throws WekaException {
    try {
      if (hiddenUnits < 1) {
        throw new IllegalArgumentException("the number of hidden units must be at least 1");
      }
      AdamTrainer.checkSettings(epochs, miniBatchSize, learningRate, numThreads);
    } catch (IllegalArgumentException e) {
      throw new WekaException(getClass().getSimpleName() + ": " + e.getMessage(), e);
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

  private void reportProgress(EpochRecord record) {
    progress(
        String.format(
            "%s: epoch %d/%d, loss %.4f, %.2f s%s",
            getClass().getSimpleName(),
            record.epoch(),
            history.size() - epochsThisRound + epochs,
            record.loss(),
            record.seconds(),
            monitorAccuracy.isEmpty()
                ? ""
                : String.format(
                    ", monitor accuracy %.4f", monitorAccuracy.get(monitorAccuracy.size() - 1))));
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
    Instances one = new Instances(header, 1);
    if (instance.dataset() != null) {
      checkHeader(instance.dataset());
    }
    one.add(instance);
    return distributionsForInstances(one)[0];
  }

  @Override
  public double[][] distributionsForInstances(Instances data) throws Exception {
    if (prior != null) {
      checkHeader(data);
      double[][] result = new double[data.numInstances()][];
      Arrays.setAll(result, r -> prior.clone());
      return result;
    }
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
   * The hidden activations (after tanh and ReLU) of every row of {@code data}: one array of {@link
   * #getHiddenUnits()} values per row.
   */
  public float[][] hiddenActivations(Instances data) throws Exception {
    return run(data, MlpNetwork.HIDDEN);
  }

  /** The number of hidden units of the trained model. */
  public int trainedHiddenUnits() throws WekaException {
    checkNetwork();
    return (int) parameters.get(MlpNetwork.HIDDEN + "/bias").shape()[0];
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
    checkNetwork();
    return new Parameter[] {parameters.get(name + "/kernel"), parameters.get(name + "/bias")};
  }

  /** The header of the training data (no rows), or null before training. */
  public Instances trainingHeader() {
    return header == null ? null : new Instances(header, 0);
  }

  private float[][] run(Instances data, String output) throws Exception {
    checkNetwork();
    checkHeader(data);
    float[][] rows = new float[data.numInstances()][];
    NetworkRunner network = runner();
    // one array for every chunk's inputs (the last may be shorter)
    float[] inputs = new float[Math.min(rows.length, ROWS_PER_RUN) * encoder.numColumns()];
    for (int from = 0; from < rows.length; from += ROWS_PER_RUN) {
      int to = Math.min(rows.length, from + ROWS_PER_RUN);
      if ((to - from) * encoder.numColumns() != inputs.length) {
        inputs = new float[(to - from) * encoder.numColumns()];
      }
      float[] values = network.run(encode(data, from, to, inputs), to - from, output).get(output);
      int width = values.length / (to - from);
      for (int r = from; r < to; r++) {
        rows[r] = Arrays.copyOfRange(values, (r - from) * width, (r - from + 1) * width);
      }
    }
    return rows;
  }

  /** Throws unless a network was trained (the class prior has no hidden layer). */
  private void checkNetwork() throws WekaException {
    if (header == null) {
      throw new WekaException(getClass().getSimpleName() + ": no model built yet");
    }
    if (parameters == null) {
      throw new WekaException(
          getClass().getSimpleName()
              + ": no network was trained ("
              + fallbackReason
              + "); the model predicts the class prior and has no hidden layer");
    }
  }

  /** Rows {@code from..to-1} of {@code data} as network inputs, or an error naming a bad value. */
  private float[] encode(Instances data, int from, int to) throws WekaException {
    return encode(data, from, to, new float[(to - from) * encoder.numColumns()]);
  }

  /** As {@link #encode(Instances, int, int)}, into {@code inputs}. */
  private float[] encode(Instances data, int from, int to, float[] inputs) throws WekaException {
    try {
      return encoder.encode(data, from, to, inputs);
    } catch (IllegalArgumentException e) {
      throw new WekaException(getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private void checkHeader(Instances data) throws WekaException {
    if (header == null) {
      throw new WekaException(getClass().getSimpleName() + ": no model built yet");
    }
    if (!header.equalHeaders(data)) {
      throw new WekaException(
          getClass().getSimpleName()
              + ": the data do not match the training "
              + "data's header: "
              + header.equalHeadersMsg(data));
    }
  }

  /** The inference session, built on first use and closed when this model is unreachable. */
  private synchronized NetworkRunner runner() {
    if (runner == null) {
      NetworkRunner created =
          new NetworkRunner(new MlpNetwork(), parameters, encoder.numColumns(), numThreads);
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

  /** The model as trained: the settings it was trained with, not the current options. */
  @Override
  public String toString() {
    if (header == null) {
      return getClass().getSimpleName() + ": no model built yet.";
    }
    String name = getClass().getSimpleName();
    StringBuilder text = new StringBuilder(name + "\n" + "=".repeat(name.length()) + "\n\n");
    if (prior != null) {
      text.append("No network was trained: ")
          .append(fallbackReason)
          .append(".\n")
          .append("The model predicts the class prior (as ZeroR does):\n");
      for (int c = 0; c < prior.length; c++) {
        text.append(String.format("  %s: %.4f%n", header.classAttribute().value(c), prior[c]));
      }
      return text.toString();
    }
    text.append(
        String.format(
            "Network: %d inputs -> %d hidden (tanh, then ReLU) -> %d classes " + "(softmax)%n",
            encoder.numColumns(), trainedWith.hiddenUnits(), header.numClasses()));
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
            header.numAttributes() - 1,
            TAGS_NORMALIZATION[encoder.normalization().ordinal()].getReadable()));
    boolean monitored = !monitorAccuracy.isEmpty();
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
              monitored ? String.format("  %16.4f", monitorAccuracy.get(record.epoch() - 1)) : ""));
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
