package weka.superposition.mlp;

import java.io.Serializable;
import java.lang.ref.Cleaner;
import java.util.Arrays;
import weka.core.Instances;
import weka.superposition.data.InputEncoder;
import weka.tensorflow.MlpNetwork;
import weka.tensorflow.NetworkRunner;
import weka.tensorflow.Parameter;
import weka.tensorflow.Parameters;

/**
 * A trained classifier as data: the training data's header, the input encoding, the settings it was
 * trained with, and the network's parameters, or, where the training data left nothing to learn,
 * the class prior it predicts instead (as ZeroR does). Predicts through an inference session that
 * is opened on first use and closed when the parameters change or the model is unreachable.
 */
public final class MlpModel implements Serializable {

  private static final long serialVersionUID = 2911840311385426761L;

  /**
   * Rows per session run when predicting: bounds the memory of one run (for MNIST, 3 MB of inputs
   * in Java and again in TensorFlow; 10,000 rows took 31 MB each). A row's outputs do not depend on
   * the rows it runs with, bit for bit (NetworkRunnerTest).
   */
  static final int ROWS_PER_RUN = 1000;

  /** Closes the TensorFlow sessions of models and trainings that are no longer reachable. */
  static final Cleaner CLEANER = Cleaner.create();

  private final Instances header;
  private final InputEncoder encoder;
  private final MlpSettings settings;

  /** The network's parameters; null when the model predicts {@link #prior}. */
  private Parameters parameters;

  /** The class prior; null when the model has a network. */
  private final double[] prior;

  /** Why no network was trained; null when one was. */
  private final String fallbackReason;

  private transient NetworkRunner runner;
  private transient Cleaner.Cleanable runnerCleanup;

  private MlpModel(
      Instances header,
      InputEncoder encoder,
      MlpSettings settings,
      Parameters parameters,
      double[] prior,
      String fallbackReason) {
    this.header = new Instances(header, 0);
    this.encoder = encoder;
    this.settings = settings;
    this.parameters = parameters;
    this.prior = prior;
    this.fallbackReason = fallbackReason;
  }

  /** A model of a network, with its {@code initial} parameters until training updates them. */
  public static MlpModel ofNetwork(
      Instances header, InputEncoder encoder, MlpSettings settings, Parameters initial) {
    return new MlpModel(header, encoder, settings, initial, null, null);
  }

  /** A model that predicts {@code prior} for every row, because of {@code reason}. */
  public static MlpModel ofPrior(
      Instances header, InputEncoder encoder, MlpSettings settings, double[] prior, String reason) {
    return new MlpModel(header, encoder, settings, null, prior.clone(), reason);
  }

  /** The training data's header, without rows. */
  public Instances header() {
    return header;
  }

  public InputEncoder encoder() {
    return encoder;
  }

  public MlpSettings settings() {
    return settings;
  }

  /** Whether a network was trained; else the model predicts {@link #prior()}. */
  public boolean hasNetwork() {
    return parameters != null;
  }

  /** The network's parameters, or null where the model predicts the class prior. */
  public Parameters parameters() {
    return parameters;
  }

  /** The class prior the model predicts, or null where it has a network. */
  public double[] prior() {
    return prior == null ? null : prior.clone();
  }

  /** Why no network was trained, or null where one was. */
  public String fallbackReason() {
    return fallbackReason;
  }

  /** Takes the parameters of a further step of training; the next prediction uses them. */
  void update(Parameters trained) {
    parameters = trained;
    release();
  }

  /**
   * The class distribution of every row of {@code data}.
   *
   * @param threads TensorFlow threads per operation of the inference session, when it is opened
   * @throws IllegalArgumentException if the data do not match the training data's header, or a
   *     value cannot be encoded
   */
  public double[][] distributions(Instances data, int threads) {
    if (prior != null) {
      checkHeader(data);
      double[][] result = new double[data.numInstances()][];
      Arrays.setAll(result, r -> prior.clone());
      return result;
    }
    float[][] probabilities = run(data, MlpNetwork.PROBABILITIES, threads);
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
   * The network's {@code output} ({@link MlpNetwork#PROBABILITIES}, {@link MlpNetwork#HIDDEN}) for
   * every row of {@code data}, one array per row.
   *
   * @throws IllegalStateException if the model has no network
   * @throws IllegalArgumentException as {@link #distributions}
   */
  public float[][] run(Instances data, String output, int threads) {
    checkNetwork();
    checkHeader(data);
    float[][] rows = new float[data.numInstances()][];
    NetworkRunner network = runner(threads);
    // one array for every chunk's inputs (the last may be shorter)
    float[] inputs = new float[Math.min(rows.length, ROWS_PER_RUN) * encoder.numColumns()];
    for (int from = 0; from < rows.length; from += ROWS_PER_RUN) {
      int to = Math.min(rows.length, from + ROWS_PER_RUN);
      if ((to - from) * encoder.numColumns() != inputs.length) {
        inputs = new float[(to - from) * encoder.numColumns()];
      }
      float[] values =
          network.run(encoder.encode(data, from, to, inputs), to - from, output).get(output);
      int width = values.length / (to - from);
      for (int r = from; r < to; r++) {
        rows[r] = Arrays.copyOfRange(values, (r - from) * width, (r - from + 1) * width);
      }
    }
    return rows;
  }

  /**
   * The number of hidden units of the network.
   *
   * @throws IllegalStateException if the model has no network
   */
  public int hiddenUnits() {
    checkNetwork();
    return (int) parameters.get(MlpNetwork.HIDDEN + "/bias").shape()[0];
  }

  /**
   * The kernel and the bias of the layer {@code name} ({@link MlpNetwork#HIDDEN}, {@link
   * MlpNetwork#OUTPUT_LAYER}).
   *
   * @throws IllegalStateException if the model has no network
   */
  public Parameter[] layer(String name) {
    checkNetwork();
    return new Parameter[] {parameters.get(name + "/kernel"), parameters.get(name + "/bias")};
  }

  /** Throws unless {@code data} have the training data's attributes. */
  public void checkHeader(Instances data) {
    if (!header.equalHeaders(data)) {
      throw new IllegalArgumentException(
          "the data do not match the training data's header: " + header.equalHeadersMsg(data));
    }
  }

  /** The class prior has no layers: asking for them is a mistake the caller is told of. */
  private void checkNetwork() {
    if (parameters == null) {
      throw new IllegalStateException(
          "no network was trained ("
              + fallbackReason
              + "); the model predicts the class prior and has no hidden layer");
    }
  }

  /** The inference session, opened on first use and closed when this model is unreachable. */
  synchronized NetworkRunner runner(int threads) {
    if (runner == null) {
      NetworkRunner created =
          new NetworkRunner(new MlpNetwork(), parameters, encoder.numColumns(), threads);
      runnerCleanup = CLEANER.register(this, created::close);
      runner = created;
    }
    return runner;
  }

  /** Closes the inference session now; the next prediction opens another. */
  public synchronized void release() {
    if (runnerCleanup != null) {
      runnerCleanup.clean();
    }
    runner = null;
    runnerCleanup = null;
  }
}
