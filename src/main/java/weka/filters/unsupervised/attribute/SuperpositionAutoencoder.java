package weka.filters.unsupervised.attribute;

import java.io.File;
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
import weka.superposition.analysis.Analysis;
import weka.superposition.analysis.AutoencoderWeights;
import weka.superposition.autoencoder.AutoencoderTraining;
import weka.superposition.autoencoder.ModelType;
import weka.superposition.charts.ChartImages;
import weka.superposition.data.Rows;
import weka.superposition.describe.AnalysisReport;
import weka.superposition.describe.Citations;
import weka.superposition.io.ExplorerLog;
import weka.tensorflow.AdamRun;

/**
 * Phase 2 of the seed experiment as a Weka filter: trains the n -> 2 -> n autoencoder on the first
 * batch (e.g. the 49 hidden activations from {@link TFMlpActivations}), analyses it for
 * superposition, and replaces the features by their code, their reconstruction, or both. The filter
 * is the Weka face only: training is in {@link AutoencoderTraining}, the analysis in {@link
 * weka.superposition.analysis.AutoencoderAnalysis}.
 */
public class SuperpositionAutoencoder extends FirstBatchFeatureFilter {

  private static final long serialVersionUID = 6360960366853532163L;

  private static final int OUTPUT_CODES = 0;
  private static final int OUTPUT_RECONSTRUCTION = 1;
  private static final int OUTPUT_BOTH = 2;
  public static final Tag[] TAGS_OUTPUT = {
    new Tag(OUTPUT_CODES, "codes"),
    new Tag(OUTPUT_RECONSTRUCTION, "reconstruction"),
    new Tag(OUTPUT_BOTH, "both")
  };

  public static final Tag[] TAGS_MODEL_TYPE = {
    new Tag(ModelType.NOTEBOOK.ordinal(), "notebook"), new Tag(ModelType.TOY.ordinal(), "toy")
  };

  private ModelType modelType = ModelType.NOTEBOOK;
  private double importanceDecay = 0.9;
  private int bottleneck = 2;
  private int epochs = 20;

  /** 0: the model type's default. */
  private int miniBatchSize = 0;

  /** 0: the model type's default. */
  private double learningRate = 0;

  private int seed = 1;
  private int numThreads = 1;
  private int output = OUTPUT_CODES;
  private boolean analyseEveryEpoch;
  private File reportFile = new File("");
  private File pngFolder = new File("");

  private AutoencoderTraining.Result result;

  @Override
  public String globalInfo() {
    return "Trains an autoencoder on the first batch of data and analyses it for superposition, as "
        + "in the tensorflowSuperposition package's replication on MNIST of \"Toy Models of "
        + "Superposition\" (Elhage and colleagues, 2022). Its defaults reproduce the seed experiment's phase 2: "
        + "encoder Dense(n -> 2) -> tanh (the code), decoder Dense(2 -> n) -> tanh -> ReLU, mean "
        + "squared error, Adam with learning rate 0.0001, mini-batch 64, 20 epochs. The analysis "
        + "gives each feature's importance (MSE increase when it is zeroed), its 2-D direction, "
        + "||W_i||, bias, interference, dimensionality and the W^T W matrix, and compares the "
        + "reconstruction error with predicting each feature's mean and with PCA. All non-class "
        + "attributes must be numeric without missing values. Instance weights weight the "
        + "training loss (the analysis counts every row once). Every later batch is encoded with "
        + "the model of the first. The summary is shown by the filter's description, in the "
        + "Explorer's log when the Explorer is open, and, with debug output, on standard error. The "
        + "toy model type is Elhage et al.'s own (tied weights, "
        + "ReLU(W^T W x + b), importance-weighted loss), for synthetic sparse features such as "
        + "those of the SparseFeatures data generator.";
  }

  // ---------------------------------------------------------------- options

  @OptionMetadata(
      displayName = "model type",
      description =
          "notebook: the replicated notebook's untied autoencoder (Dense -> tanh code, Dense -> "
              + "tanh -> ReLU, MSE; default); toy: the toy model of Elhage and colleagues, h = W x, "
              + "x' = ReLU(W^T W x + b), with tied weights, importance-weighted squared error and "
              + "Xavier-normal initialisation.",
      commandLineParamName = "model-type",
      commandLineParamSynopsis = "-model-type <notebook|toy>",
      displayOrder = 0)
  public SelectedTag getModelType() {
    return new SelectedTag(modelType.ordinal(), TAGS_MODEL_TYPE);
  }

  public void setModelType(SelectedTag tag) {
    if (tag.getTags() == TAGS_MODEL_TYPE) {
      modelType = ModelType.values()[tag.getSelectedTag().getID()];
    }
  }

  @OptionMetadata(
      displayName = "importance decay (toy model only)",
      description =
          "Toy model only: feature i's importance in the loss is r^i (by default "
              + "r = 9/10, the paper's); the notebook's model ignores it.",
      commandLineParamName = "importance-decay",
      commandLineParamSynopsis = "-importance-decay <double>",
      displayOrder = 11)
  public double getImportanceDecay() {
    return importanceDecay;
  }

  public void setImportanceDecay(double importanceDecay) {
    this.importanceDecay = importanceDecay;
  }

  @OptionMetadata(
      displayName = "bottleneck",
      description = "Dimensions of the code (default 2).",
      commandLineParamName = "bottleneck",
      commandLineParamSynopsis = "-bottleneck <int>",
      displayOrder = 1)
  public int getBottleneck() {
    return bottleneck;
  }

  public void setBottleneck(int bottleneck) {
    this.bottleneck = bottleneck;
  }

  @OptionMetadata(
      displayName = "epochs",
      description = "Passes over the data (default 20).",
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
      displayName = "mini-batch size (0: the model type's)",
      description =
          "Rows per Adam step; 0 (the default) takes the model type's: 64 for the notebook's "
              + "model, 1024 for the toy model (the paper's).",
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
      displayName = "learning rate (0: the model type's)",
      description =
          "Adam's learning rate; 0 (the default) takes the model type's: 1e-4 for the "
              + "notebook's model (at which the autoencoder is barely trained: compare its MSE with the "
              + "references in the summary), 1e-3 for the toy model, which is trained with AdamW "
              + "and a weight decay of 1e-2 as in the paper's code (the notebook's model: Adam).",
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
          "TensorFlow threads per operation (default 1, the fastest for this network; 0 "
              + "lets TensorFlow use every core). The same seed gives the same "
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
      displayName = "output",
      description =
          "What replaces the features: codes = the code attributes z1 to zm (default); "
              + "reconstruction = the reconstructed features; both. The class is kept.",
      commandLineParamName = "output",
      commandLineParamSynopsis = "-output <codes|reconstruction|both>",
      displayOrder = 7)
  public SelectedTag getOutput() {
    return new SelectedTag(output, TAGS_OUTPUT);
  }

  public void setOutput(SelectedTag tag) {
    if (tag.getTags() == TAGS_OUTPUT) {
      output = tag.getSelectedTag().getID();
    }
  }

  @OptionMetadata(
      displayName = "analyse every epoch",
      description =
          "Also analyse the model after every epoch (for the per-epoch plots), not only "
              + "after training.",
      commandLineParamName = "analyse-every-epoch",
      commandLineParamSynopsis = "-analyse-every-epoch",
      commandLineParamIsFlag = true,
      displayOrder = 8)
  public boolean getAnalyseEveryEpoch() {
    return analyseEveryEpoch;
  }

  public void setAnalyseEveryEpoch(boolean analyseEveryEpoch) {
    this.analyseEveryEpoch = analyseEveryEpoch;
  }

  @OptionMetadata(
      displayName = "report file",
      description =
          "Where to write the whole analysis as JSON (final and, with "
              + "-analyse-every-epoch, per epoch); the per-feature table goes beside it as CSV. Empty: "
              + "no files.",
      commandLineParamName = "report",
      commandLineParamSynopsis = "-report <file.json>",
      displayOrder = 9)
  public File getReportFile() {
    return reportFile;
  }

  public void setReportFile(File reportFile) {
    this.reportFile = reportFile == null ? new File("") : reportFile;
  }

  @OptionMetadata(
      displayName = "PNG folder",
      description =
          "Where to write the plots as PNG files (empty: no plots): the feature "
              + "vectors, flex and fix1, after every analysed epoch and after training, and the weight "
              + "analysis once. Their names: feature-vectors-epoch-NN.png, feature-vectors.png and "
              + "weight-analysis.png.",
      commandLineParamName = "png-dir",
      commandLineParamSynopsis = "-png-dir <folder>",
      displayOrder = 10)
  public File getPngFolder() {
    return pngFolder;
  }

  public void setPngFolder(File pngFolder) {
    this.pngFolder = pngFolder == null ? new File("") : pngFolder;
  }

  /** The options, without the toy model's importance decay when the model ignores it. */
  @Override
  public String[] getOptions() {
    List<String> options = new ArrayList<>(List.of(super.getOptions()));
    int at = options.indexOf("-importance-decay");
    if (modelType != ModelType.TOY && at >= 0 && at + 1 < options.size()) {
      options.subList(at, at + 2).clear();
    }
    return options.toArray(new String[0]);
  }

  @Override
  protected void clearFileOptions() {
    setReportFile(new File(""));
    setPngFolder(new File(""));
  }

  // ---------------------------------------------------------------- filtering

  @Override
  protected Instances determineOutputFormat(Instances input) throws Exception {
    List<Integer> features = Rows.featureIndices(input);
    if (features.size() < bottleneck) {
      throw error(
          features.size() + " feature(s) cannot be compressed into a bottleneck of " + bottleneck);
    }
    settings();
    ArrayList<Attribute> attributes = new ArrayList<>();
    if (output != OUTPUT_RECONSTRUCTION) {
      for (int k = 1; k <= bottleneck; k++) {
        attributes.add(new Attribute("z" + k));
      }
    }
    if (output != OUTPUT_CODES) {
      for (String name : names(input, features)) {
        attributes.add(new Attribute(name + (output == OUTPUT_BOTH ? "_reconstructed" : "")));
      }
    }
    return outputFormat(input, attributes, "autoencoder");
  }

  /** The training settings, 0 taking the model type's default; throws naming a bad option. */
  private AutoencoderTraining.Settings settings() throws WekaException {
    try {
      if (bottleneck < 1) {
        throw new IllegalArgumentException("the bottleneck must be at least 1");
      }
      if (!(importanceDecay > 0) || Double.isInfinite(importanceDecay)) {
        throw new IllegalArgumentException("the importance decay must be a positive number");
      }
      return new AutoencoderTraining.Settings(
          modelType,
          bottleneck,
          new AdamRun(
              epochs,
              miniBatchSize == 0 ? modelType.defaultMiniBatchSize() : miniBatchSize,
              learningRate == 0 ? modelType.defaultLearningRate() : learningRate,
              seed,
              numThreads),
          analyseEveryEpoch,
          importanceDecay);
    } catch (IllegalArgumentException e) {
      throw error(e);
    }
  }

  @Override
  protected void firstBatch(Instances instances, List<Integer> features, float[] data)
      throws Exception {
    train(instances, features, data, (record, analysis) -> {});
  }

  /**
   * Trains and analyses the autoencoder on {@code data} as the first batch would (checks, report
   * and plot files included), telling {@code progress} of every epoch; for views that show the
   * training as it goes. The filter is then ready for {@link #getResult()}.
   */
  public AutoencoderTraining.Result trainOn(Instances data, AutoencoderTraining.Progress progress)
      throws Exception {
    List<Integer> features = startFirstBatch(data);
    train(data, features, featureMatrix(data, features), progress);
    return result;
  }

  private void train(
      Instances instances,
      List<Integer> features,
      float[] data,
      AutoencoderTraining.Progress progress)
      throws Exception {
    if (instances.isEmpty()) {
      throw error("no rows to train on");
    }
    List<String> names = names(instances, features);
    AutoencoderTraining.Settings settings = settings();
    try {
      result =
          AutoencoderTraining.train(
              data,
              Rows.weights(instances),
              names,
              settings,
              (record, analysis) -> {
                if (getDebug()) {
                  System.err.printf(
                      "%s: epoch %d/%d, loss %.5f, %.2f s%n",
                      name(), record.epoch(), epochs, record.loss(), record.seconds());
                }
                ExplorerLog.status(
                    String.format(
                        Locale.ROOT,
                        "%s: epoch %d of %d, loss %.5f",
                        name(),
                        record.epoch(),
                        epochs,
                        record.loss()));
                progress.epochDone(record, analysis);
              });
    } catch (IllegalStateException e) {
      throw error(e);
    }
    report(AnalysisReport.summary(result));
    if (reportFile.getPath().length() > 0) {
      AnalysisReport.write(result, reportFile.toPath());
    }
    if (pngFolder.getPath().length() > 0) {
      ChartImages.writePlots(result.epochAnalyses(), result.analysis(), pngFolder.toPath());
    }
  }

  @Override
  protected Instances transform(Instances instances, List<Integer> features, float[] data) {
    AutoencoderWeights weights = result.weights();
    int n = features.size();
    Instances out = new Instances(getOutputFormat(), instances.numInstances());
    float[] code = new float[bottleneck];
    float[] reconstruction = new float[n];
    for (int r = 0; r < instances.numInstances(); r++) {
      weights.encode(data, r * n, code);
      double[] values = new double[out.numAttributes()];
      int at = 0;
      if (output != OUTPUT_RECONSTRUCTION) {
        for (float c : code) {
          values[at++] = c;
        }
      }
      if (output != OUTPUT_CODES) {
        weights.decode(code, reconstruction);
        for (float x : reconstruction) {
          values[at++] = x;
        }
      }
      addRow(out, instances.instance(r), values);
    }
    return out;
  }

  // ---------------------------------------------------------------- results

  /** The training and analysis of the first batch, or null before it. */
  public AutoencoderTraining.Result getResult() {
    return result;
  }

  /** The analysis after training, or null before the first batch. */
  public Analysis getAnalysis() {
    return result == null ? null : result.analysis();
  }

  @Override
  public String toString() {
    return result == null ? notTrainedYet() : AnalysisReport.summary(result);
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return Citations.toyModelsOfSuperposition();
  }

  public static void main(String[] args) {
    runFilter(new SuperpositionAutoencoder(), args);
  }
}
