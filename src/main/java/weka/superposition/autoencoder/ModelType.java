package weka.superposition.autoencoder;

import java.util.Random;

import weka.superposition.analysis.AutoencoderWeights;
import weka.superposition.analysis.AutoencoderWeights.Activation;
import weka.tensorflow.AutoencoderNetwork;
import weka.tensorflow.Network;
import weka.tensorflow.Parameters;

/**
 * The autoencoders the package trains, each tying its TensorFlow network to the plain-Java weights
 * that the analysis reads. Elhage et al.'s tied toy model is to join the seed's here.
 */
public enum ModelType {

  /** The seed's untied 49 -> 2 -> 49 autoencoder: tanh code, tanh then ReLU output, MSE. */
  SEED {
    @Override
    public Network network() {
      return new AutoencoderNetwork();
    }

    @Override
    public Parameters initialParameters(int features, int bottleneck, Random random) {
      return AutoencoderNetwork.initialParameters(features, bottleneck, random);
    }

    @Override
    public AutoencoderWeights weights(Parameters p, int features, int bottleneck) {
      return new AutoencoderWeights(features, bottleneck,
          p.get(AutoencoderNetwork.ENCODER + "/kernel").values(),
          p.get(AutoencoderNetwork.ENCODER + "/bias").values(), Activation.TANH,
          p.get(AutoencoderNetwork.DECODER + "/kernel").values(),
          p.get(AutoencoderNetwork.DECODER + "/bias").values(), Activation.TANH_RELU);
    }
  };

  public abstract Network network();

  public abstract Parameters initialParameters(int features, int bottleneck, Random random);

  /** The trained parameters as the analysis reads them. */
  public abstract AutoencoderWeights weights(Parameters parameters, int features, int bottleneck);
}
