package weka.superposition.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import weka.superposition.analysis.Analysis;
import weka.superposition.analysis.AutoencoderAnalysis;
import weka.superposition.analysis.AutoencoderWeights;
import weka.superposition.analysis.AutoencoderWeights.Activation;
import weka.superposition.analysis.ReferenceErrors;

/** Analyses of small random seed-type autoencoders, for tests of what consumes analyses. */
public final class TestAnalyses {

  private TestAnalyses() {}

  /** An analysis of a random n -> 2 -> n seed-type model on sparse random data. */
  public static Analysis random(int n, long seed) {
    Random random = new Random(seed);
    int rows = 500;
    float[] data =
        TestData.randomFloats(rows * n, random, (r, i) -> r.nextFloat() < 0.4 ? r.nextFloat() : 0);
    float[] encoder = new float[n * 2];
    float[] decoder = new float[2 * n];
    float[] bias = new float[n];
    for (int i = 0; i < encoder.length; i++) {
      encoder[i] = random.nextFloat() - 0.5f;
      decoder[i] = random.nextFloat() - 0.5f;
    }
    for (int i = 0; i < n; i++) {
      bias[i] = random.nextFloat() * 0.2f;
    }
    AutoencoderWeights weights =
        new AutoencoderWeights(
            n,
            2,
            encoder,
            new float[] {0.1f, -0.1f},
            Activation.TANH,
            decoder,
            bias,
            Activation.TANH_RELU);
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      names.add("h" + i);
    }
    return AutoencoderAnalysis.analyse(
        3, names, weights, data, rows, ReferenceErrors.of(data, rows, n, 2));
  }
}
