package weka.superposition.analysis;

import java.io.Serializable;

/** TEMPORARY stand-in until the analysis branch lands. */
public record DictionaryWeights(
    int inputs,
    int features,
    int topK,
    float[] encoder,
    float[] encoderBias,
    float[] decoder,
    float[] decoderBias)
    implements Serializable {}
