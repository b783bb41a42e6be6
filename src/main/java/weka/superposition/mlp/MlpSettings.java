package weka.superposition.mlp;

import java.io.Serializable;

/** The options that shape a trained model, as they were when its training began. */
public record MlpSettings(
    int hiddenUnits, double learningRate, int miniBatchSize, int seed, int threads)
    implements Serializable {}
