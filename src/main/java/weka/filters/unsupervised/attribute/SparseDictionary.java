package weka.filters.unsupervised.attribute;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.TechnicalInformation;
import weka.core.WekaException;
import weka.superposition.analysis.DictionaryAnalysis;
import weka.superposition.analysis.DictionaryWeights;
import weka.superposition.data.Rows;
import weka.superposition.describe.Citations;
import weka.superposition.describe.DictionaryReport;
import weka.superposition.dictionary.DictionaryTraining;
import weka.superposition.dictionary.DictionaryTraining.BiasStart;
import weka.superposition.dictionary.DictionaryTraining.Mode;
import weka.superposition.io.AtomicFiles;
import weka.superposition.io.ExplorerLog;
import weka.superposition.io.ModelFiles;
import weka.tensorflow.AdamRun;

/**
 * A sparse dictionary (sparse autoencoder) as a Weka filter: learns, on the first batch, K features
 * whose sparse non-negative combinations reconstruct the data (for example the 49 hidden
 * activations from {@link TFMlpActivations}), and replaces the data by the features' activations or
 * by the reconstruction. The filter is the Weka face only: training is in {@link
 * DictionaryTraining}, the analysis in {@link DictionaryAnalysis}.
 */
public class SparseDictionary extends FirstBatchFeatureFilter {

  private static final long serialVersionUID = -3419086270412630585L;

  private static final int OUTPUT_ACTIVATIONS = 0;
  private static final int OUTPUT_RECONSTRUCTION = 1;
  public static final Tag[] TAGS_OUTPUT = {
    new Tag(OUTPUT_ACTIVATIONS, "activations"), new Tag(OUTPUT_RECONSTRUCTION, "reconstruction")
  };

  // each tag at the index of its ID: Weka's @OptionMetadata setOptions makes the SelectedTag of
  // the matching tag's index, taken as an ID, so "-mode topk" set l1 when topk came first
  public static final Tag[] TAGS_MODE = {
    new Tag(Mode.TOPK.ordinal(), "topk"), new Tag(Mode.L1.ordinal(), "l1")
  };

  public static final Tag[] TAGS_BIAS_START = {
    new Tag(BiasStart.GEOMETRIC_MEDIAN.ordinal(), "median"),
    new Tag(BiasStart.MEAN.ordinal(), "mean")
  };

  /** Features per input when {@link #numFeatures} is 0 (the usual start of a dictionary). */
  public static final int DEFAULT_EXPANSION = 4;

  private int numFeatures = 0;
  private Mode mode = Mode.TOPK;
  private double lambda = 0.01;
  private int k = 4;
  private int epochs = 20;
  private int miniBatchSize = 256;
  private double learningRate = 0.001;
  private int seed = 1;
  private int numThreads = 1;
  private BiasStart biasStart = BiasStart.GEOMETRIC_MEDIAN;
  private int deadSteps = 250;
  private boolean noResampling;
  private int output = OUTPUT_ACTIVATIONS;
  private File reportFile = new File("");
  private File saveModelFile = new File("");
  private File loadModelFile = new File("");

  private DictionaryTraining.Result result;
  private DictionaryAnalysis analysis;

  @Override
  public String globalInfo() {
    return "Learns a sparse dictionary (a sparse autoencoder) on the first batch of data and "
        + "outputs each row's feature activations or its reconstruction: the instrument used to "
        + "find features held in superposition in a network's hidden units (Bricken and colleagues "
        + "2023, Towards Monosemanticity; Gao and colleagues 2024). The model: x_c = x - b_d, "
        + "f = ReLU(W_e x_c + b_e), x_hat = W_d f + b_d, with every decoder column (a feature's "
        + "direction) kept at unit norm. Mode topk keeps only the k largest pre-activations of a "
        + "row (with the auxiliary loss on dead features of Gao and colleagues); mode l1 adds "
        + "lambda times the sum of the activations to the mean squared error. Features that have "
        + "not fired for a set number of steps are dead; in the first half of training they are "
        + "resampled towards badly reconstructed rows, as Bricken and colleagues describe, with "
        + "their Adam state reset. The decoder bias starts at the data's geometric median (or "
        + "mean). All non-class attributes must be numeric without missing values; instance "
        + "weights weight the training loss. The summary (fraction of variance unexplained, mean "
        + "active features per row, dead and dense features, class purity of features against "
        + "the input units) is the filter's description. A model saved with the save option can "
        + "be loaded instead of training.";
  }

  // ---------------------------------------------------------------- options

  @OptionMetadata(
      displayName = "number of features",
      description =
          "Features in the dictionary (K); 0, the default, takes four times the number of "
              + "inputs.",
      commandLineParamName = "features",
      commandLineParamSynopsis = "-features <int>",
      displayOrder = 0)
  public int getNumFeatures() {
    return numFeatures;
  }

  public void setNumFeatures(int numFeatures) {
    this.numFeatures = numFeatures;
  }

  @OptionMetadata(
      displayName = "mode",
      description =
          "How sparsity is made: topk keeps the k largest pre-activations of each row (default); "
              + "l1 adds lambda times the sum of the activations to the loss.",
      commandLineParamName = "mode",
      commandLineParamSynopsis = "-mode <topk|l1>",
      displayOrder = 1)
  public SelectedTag getMode() {
    return new SelectedTag(mode.ordinal(), TAGS_MODE);
  }

  public void setMode(SelectedTag tag) {
    if (tag.getTags() == TAGS_MODE) {
      mode = Mode.values()[tag.getSelectedTag().getID()];
    }
  }

  @OptionMetadata(
      displayName = "lambda (l1 mode)",
      description =
          "The L1 coefficient of mode l1: larger values give fewer active features and a worse "
              + "reconstruction (default 1/100).",
      commandLineParamName = "lambda",
      commandLineParamSynopsis = "-lambda <double>",
      displayOrder = 2)
  public double getLambda() {
    return lambda;
  }

  public void setLambda(double lambda) {
    this.lambda = lambda;
  }

  @OptionMetadata(
      displayName = "k (topk mode)",
      description = "Features kept per row in mode topk (default 4).",
      commandLineParamName = "k",
      commandLineParamSynopsis = "-k <int>",
      displayOrder = 3)
  public int getK() {
    return k;
  }

  public void setK(int k) {
    this.k = k;
  }

  @OptionMetadata(
      displayName = "epochs",
      description = "Passes over the data (default 20).",
      commandLineParamName = "epochs",
      commandLineParamSynopsis = "-epochs <int>",
      displayOrder = 4)
  public int getEpochs() {
    return epochs;
  }

  public void setEpochs(int epochs) {
    this.epochs = epochs;
  }

  @OptionMetadata(
      displayName = "mini-batch size",
      description = "Rows per Adam step (default 256).",
      commandLineParamName = "mini-batch-size",
      commandLineParamSynopsis = "-mini-batch-size <int>",
      displayOrder = 5)
  public int getMiniBatchSize() {
    return miniBatchSize;
  }

  public void setMiniBatchSize(int miniBatchSize) {
    this.miniBatchSize = miniBatchSize;
  }

  @OptionMetadata(
      displayName = "learning rate",
      description = "Adam's learning rate (default 1/1000).",
      commandLineParamName = "learning-rate",
      commandLineParamSynopsis = "-learning-rate <double>",
      displayOrder = 6)
  public double getLearningRate() {
    return learningRate;
  }

  public void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  @OptionMetadata(
      displayName = "seed",
      description =
          "Seed of the initial directions, the shuffling and the resampling (default 1); the "
              + "same seed gives the same dictionary, bit for bit, with the same number of threads.",
      commandLineParamName = "S",
      commandLineParamSynopsis = "-S <int>",
      displayOrder = 7)
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
          "TensorFlow threads per operation (default 1; 0 lets TensorFlow use every core); "
              + "another number may add in another order, so that the last digits differ.",
      commandLineParamName = "num-threads",
      commandLineParamSynopsis = "-num-threads <int>",
      displayOrder = 8)
  public int getNumThreads() {
    return numThreads;
  }

  public void setNumThreads(int numThreads) {
    this.numThreads = numThreads;
  }

  @OptionMetadata(
      displayName = "decoder bias start",
      description =
          "Where the decoder bias starts: median, the data's geometric median (default, as "
              + "Bricken and colleagues), or mean.",
      commandLineParamName = "bias-start",
      commandLineParamSynopsis = "-bias-start <median|mean>",
      displayOrder = 9)
  public SelectedTag getBiasStart() {
    return new SelectedTag(biasStart.ordinal(), TAGS_BIAS_START);
  }

  public void setBiasStart(SelectedTag tag) {
    if (tag.getTags() == TAGS_BIAS_START) {
      biasStart = BiasStart.values()[tag.getSelectedTag().getID()];
    }
  }

  @OptionMetadata(
      displayName = "dead after steps",
      description =
          "A feature that has not fired for this many Adam steps counts as dead (default 250, "
              + "about one epoch of the 60000 MNIST rows).",
      commandLineParamName = "dead-steps",
      commandLineParamSynopsis = "-dead-steps <int>",
      displayOrder = 10)
  public int getDeadSteps() {
    return deadSteps;
  }

  public void setDeadSteps(int deadSteps) {
    this.deadSteps = deadSteps;
  }

  @OptionMetadata(
      displayName = "no resampling",
      description =
          "Leave dead features dead: without it, they are resampled at the end of each epoch "
              + "in the first half of training.",
      commandLineParamName = "no-resampling",
      commandLineParamSynopsis = "-no-resampling",
      commandLineParamIsFlag = true,
      displayOrder = 11)
  public boolean getNoResampling() {
    return noResampling;
  }

  public void setNoResampling(boolean noResampling) {
    this.noResampling = noResampling;
  }

  @OptionMetadata(
      displayName = "output",
      description =
          "What replaces the inputs: activations = the features' activations f1 to fK "
              + "(default); reconstruction = the reconstructed inputs. The class is kept.",
      commandLineParamName = "output",
      commandLineParamSynopsis = "-output <activations|reconstruction>",
      displayOrder = 12)
  public SelectedTag getOutput() {
    return new SelectedTag(output, TAGS_OUTPUT);
  }

  public void setOutput(SelectedTag tag) {
    if (tag.getTags() == TAGS_OUTPUT) {
      output = tag.getSelectedTag().getID();
    }
  }

  @OptionMetadata(
      displayName = "report file",
      description =
          "Where to write the analysis as JSON (reconstruction, sparsity, densities, "
              + "directions, class statistics); empty: no file.",
      commandLineParamName = "report",
      commandLineParamSynopsis = "-report <file.json>",
      displayOrder = 13)
  public File getReportFile() {
    return reportFile;
  }

  public void setReportFile(File reportFile) {
    this.reportFile = reportFile == null ? new File("") : reportFile;
  }

  @OptionMetadata(
      displayName = "save model to",
      description = "Where to save the trained dictionary (empty: not saved).",
      commandLineParamName = "save-model",
      commandLineParamSynopsis = "-save-model <file>",
      displayOrder = 14)
  public File getSaveModelFile() {
    return saveModelFile;
  }

  public void setSaveModelFile(File saveModelFile) {
    this.saveModelFile = saveModelFile == null ? new File("") : saveModelFile;
  }

  @OptionMetadata(
      displayName = "load model from",
      description =
          "A dictionary saved with the save option, used instead of training; the data must "
              + "have the inputs it was trained on (empty: train on the first batch).",
      commandLineParamName = "load-model",
      commandLineParamSynopsis = "-load-model <file>",
      displayOrder = 15)
  public File getLoadModelFile() {
    return loadModelFile;
  }

  public void setLoadModelFile(File loadModelFile) {
    this.loadModelFile = loadModelFile == null ? new File("") : loadModelFile;
  }

  @Override
  protected void clearFileOptions() {
    setReportFile(new File(""));
    setSaveModelFile(new File(""));
    setLoadModelFile(new File(""));
  }

  // ---------------------------------------------------------------- filtering

  /** The training settings; throws naming a bad option. */
  public DictionaryTraining.Settings settings(int inputs) throws WekaException {
    try {
      DictionaryTraining.Settings settings =
          new DictionaryTraining.Settings(
              numFeatures == 0 ? DEFAULT_EXPANSION * inputs : numFeatures,
              mode,
              lambda,
              k,
              new AdamRun(epochs, miniBatchSize, learningRate, seed, numThreads),
              biasStart,
              deadSteps,
              !noResampling);
      settings.check(inputs);
      return settings;
    } catch (IllegalArgumentException e) {
      throw error(e);
    }
  }

  @Override
  protected Instances determineOutputFormat(Instances input) throws Exception {
    List<Integer> inputs = Rows.featureIndices(input);
    if (inputs.isEmpty()) {
      throw error("the data have no numeric attribute besides the class");
    }
    int features;
    if (loadModelFile.getPath().isEmpty()) {
      features = settings(inputs.size()).features();
    } else {
      loadModel(input, inputs);
      features = result.weights().features();
    }
    ArrayList<Attribute> attributes = new ArrayList<>();
    if (output == OUTPUT_ACTIVATIONS) {
      for (int f = 1; f <= features; f++) {
        attributes.add(new Attribute("f" + f));
      }
    } else {
      for (String name : names(input, inputs)) {
        attributes.add(new Attribute(name));
      }
    }
    return outputFormat(input, attributes, "dictionary");
  }

  private void loadModel(Instances input, List<Integer> inputs) throws Exception {
    Object model = ModelFiles.readModel(loadModelFile);
    if (!(model instanceof DictionaryTraining.Result loaded)) {
      throw error(
          loadModelFile.getName()
              + " holds a "
              + model.getClass().getSimpleName()
              + ", not a dictionary saved by "
              + name());
    }
    List<String> names = names(input, inputs);
    if (!names.equals(loaded.inputs())) {
      throw error(
          "the dictionary in "
              + loadModelFile.getName()
              + " was trained on "
              + loaded.inputs().size()
              + " inputs ("
              + DictionaryReport.firstNames(loaded.inputs())
              + "), the data have "
              + names.size()
              + " ("
              + DictionaryReport.firstNames(names)
              + ")");
    }
    result = loaded;
  }

  @Override
  protected void firstBatch(Instances instances, List<Integer> inputs, float[] data)
      throws Exception {
    if (loadModelFile.getPath().isEmpty()) {
      train(instances, inputs, data, epoch -> {});
    }
  }

  /**
   * Trains and analyses the dictionary on {@code data} as the first batch would (report and model
   * files included), telling {@code progress} of every epoch; for callers that show or use the
   * training as it goes. The filter then encodes later batches with it.
   */
  public DictionaryTraining.Result trainOn(Instances data, DictionaryTraining.Progress progress)
      throws Exception {
    List<Integer> inputs = startFirstBatch(data);
    train(data, inputs, featureMatrix(data, inputs), progress);
    return result;
  }

  private void train(
      Instances instances, List<Integer> inputs, float[] data, DictionaryTraining.Progress progress)
      throws Exception {
    if (instances.isEmpty()) {
      throw error("the data have no rows to train on");
    }
    List<String> names = names(instances, inputs);
    DictionaryTraining.Settings settings = settings(names.size());
    try {
      result =
          DictionaryTraining.train(
              data,
              Rows.weights(instances),
              names,
              settings,
              epoch -> {
                String line =
                    String.format(
                        Locale.ROOT,
                        "%s: epoch %d of %d, loss %.5f, unexplained variance %.4f, dead %d",
                        name(),
                        epoch.epoch(),
                        settings.adam().epochs(),
                        epoch.loss(),
                        epoch.fvu(),
                        epoch.dead());
                if (getDebug()) {
                  System.err.println(line);
                }
                ExplorerLog.status(line);
                progress.epochDone(epoch);
              });
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw error(e);
    }
    analysis =
        DictionaryAnalysis.of(
            result.weights(),
            data,
            instances.numInstances(),
            DictionaryReport.classLabels(instances),
            DictionaryReport.numClasses(instances),
            null);
    report(DictionaryReport.summary(result, analysis));
    if (!reportFile.getPath().isEmpty()) {
      DictionaryReport.write(result, analysis, reportFile.toPath());
    }
    if (!saveModelFile.getPath().isEmpty()) {
      AtomicFiles.write(
          saveModelFile.toPath(),
          part -> {
            try (ObjectOutputStream out =
                new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(part)))) {
              out.writeObject(result);
            }
          });
    }
  }

  @Override
  protected Instances transform(Instances instances, List<Integer> inputs, float[] data) {
    DictionaryWeights weights = result.weights();
    int n = inputs.size();
    Instances out = new Instances(getOutputFormat(), instances.numInstances());
    float[] f = new float[weights.features()];
    float[] reconstruction = new float[n];
    for (int r = 0; r < instances.numInstances(); r++) {
      weights.encode(data, r * n, f);
      double[] values = new double[out.numAttributes()];
      int at = 0;
      if (output == OUTPUT_ACTIVATIONS) {
        for (float v : f) {
          values[at++] = v;
        }
      } else {
        weights.decode(f, reconstruction);
        for (float v : reconstruction) {
          values[at++] = v;
        }
      }
      addRow(out, instances.instance(r), values);
    }
    return out;
  }

  // ---------------------------------------------------------------- results

  /** The trained (or loaded) dictionary, or null before the first batch. */
  public DictionaryTraining.Result getResult() {
    return result;
  }

  /** The analysis of the training batch, or null before it (and for a loaded dictionary). */
  public DictionaryAnalysis getAnalysis() {
    return analysis;
  }

  @Override
  public String toString() {
    if (result == null) {
      return notTrainedYet();
    }
    return analysis == null
        ? DictionaryReport.describe(result)
        : DictionaryReport.summary(result, analysis);
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return Citations.towardsMonosemanticity();
  }

  public static void main(String[] args) {
    runFilter(new SparseDictionary(), args);
  }
}
