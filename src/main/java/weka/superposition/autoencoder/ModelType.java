package weka.superposition.autoencoder;

import java.util.Random;
import weka.superposition.analysis.AutoencoderWeights;
import weka.superposition.analysis.AutoencoderWeights.Activation;
import weka.superposition.analysis.ToyImportances;
import weka.tensorflow.AutoencoderNetwork;
import weka.tensorflow.Network;
import weka.tensorflow.Parameters;
import weka.tensorflow.ToyModelNetwork;

/**
 * The autoencoders the package trains, each tying its TensorFlow network to the plain-Java weights
 * that the analysis reads.
 */
public enum ModelType {

  /**
   * The replicated notebook's untied 49 -> 2 -> 49 autoencoder: tanh code, tanh then ReLU output,
   * MSE.
   */
  NOTEBOOK(0.0001, 64, 0) {
    @Override
    public Network network(float[] importance, boolean paperLoss) {
      return new AutoencoderNetwork();
    }

    @Override
    public Parameters initialParameters(int features, int bottleneck, Random random) {
      return AutoencoderNetwork.initialParameters(features, bottleneck, random);
    }

    @Override
    public AutoencoderWeights weights(Parameters p, int features, int bottleneck) {
      return new AutoencoderWeights(
          features,
          bottleneck,
          p.get(AutoencoderNetwork.ENCODER + "/kernel").values(),
          p.get(AutoencoderNetwork.ENCODER + "/bias").values(),
          Activation.TANH,
          p.get(AutoencoderNetwork.DECODER + "/kernel").values(),
          p.get(AutoencoderNetwork.DECODER + "/bias").values(),
          Activation.TANH_RELU);
    }
  },

  /**
   * Elhage et al.'s toy model: h = W x, x' = ReLU(W^T W x + b), tied weights, importance-weighted
   * squared error, Xavier-normal initialisation.
   */
  TOY(0.001, 1024, 0.01) {
    @Override
    public Network network(float[] importance, boolean paperLoss) {
      return new ToyModelNetwork(importance, paperLoss);
    }

    @Override
    public Parameters initialParameters(int features, int bottleneck, Random random) {
      return ToyModelNetwork.initialParameters(features, bottleneck, random);
    }

    @Override
    public AutoencoderWeights weights(Parameters p, int features, int bottleneck) {
      float[] w = p.get(ToyModelNetwork.WEIGHTS).values();
      float[] transposed = new float[w.length];
      for (int i = 0; i < features; i++) {
        for (int k = 0; k < bottleneck; k++) {
          transposed[k * features + i] = w[i * bottleneck + k];
        }
      }
      return new AutoencoderWeights(
          features,
          bottleneck,
          w,
          new float[bottleneck],
          Activation.IDENTITY,
          transposed,
          p.get(ToyModelNetwork.BIAS).values(),
          Activation.RELU);
    }
  };

  private final double defaultLearningRate;
  private final int defaultMiniBatchSize;
  private final double defaultWeightDecay;

  ModelType(double defaultLearningRate, int defaultMiniBatchSize, double defaultWeightDecay) {
    this.defaultLearningRate = defaultLearningRate;
    this.defaultMiniBatchSize = defaultMiniBatchSize;
    this.defaultWeightDecay = defaultWeightDecay;
  }

  /**
   * The weight decay of the model's source: the seed's Adam has none; the paper's code uses
   * PyTorch's AdamW with its default, 0.01.
   */
  public double defaultWeightDecay() {
    return defaultWeightDecay;
  }

  /** The learning rate of the model's source: the seed's 0.0001, the paper's 0.001. */
  public double defaultLearningRate() {
    return defaultLearningRate;
  }

  /** The mini-batch size of the model's source: the seed's 64, the paper's 1024. */
  public int defaultMiniBatchSize() {
    return defaultMiniBatchSize;
  }

  /**
   * The TensorFlow network of this type for {@code features} inputs; {@code importanceDecay} is r
   * of the toy model's importances r^i (unused by the seed's model).
   */
  public Network network(int features, double importanceDecay) {
    return network(ToyImportances.of(features, importanceDecay), false);
  }

  /**
   * The TensorFlow network of this type with the toy model's importances {@code importance} (unused
   * by the seed's model); {@code paperLoss}: the toy model's loss is the mean over the features, as
   * the paper's code reduces it, not the sum.
   */
  public abstract Network network(float[] importance, boolean paperLoss);

  public abstract Parameters initialParameters(int features, int bottleneck, Random random);

  /** The trained parameters as the analysis reads them. */
  public abstract AutoencoderWeights weights(Parameters parameters, int features, int bottleneck);
}
