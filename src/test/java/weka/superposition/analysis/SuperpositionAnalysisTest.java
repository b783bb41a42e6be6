package weka.superposition.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import weka.superposition.analysis.AutoencoderWeights.Activation;

/**
 * The analysis on a tiny tied model worked out by hand: n = 3 features, m = 2, W_0 = (1, 0),
 * W_1 = (0, 2), W_2 = (1, 1), no code bias, identity code, x' = ReLU(W^T W x + b) with b = (0.1,
 * -0.2, 0.3), on the two rows (1, 0, 0) and (0, 0.5, 0).
 */
class SuperpositionAnalysisTest {

  private static final double EPS = 1e-6;

  static AutoencoderWeights tiedModel() {
    float[] encoder = {1, 0, 0, 2, 1, 1};
    float[] decoder = {1, 0, 1, 0, 2, 1};
    return new AutoencoderWeights(3, 2, encoder, new float[2], Activation.IDENTITY, decoder,
        new float[] {0.1f, -0.2f, 0.3f}, Activation.RELU);
  }

  static final float[] DATA = {1, 0, 0, 0, 0.5f, 0};

  private static Analysis analyse() {
    return SuperpositionAnalysis.analyse(7, List.of("a", "b", "c"), tiedModel(), DATA, 2,
        ReferenceErrors.of(DATA, 2, 3, 2));
  }

  @Test
  void reconstructionErrorAndItsReferences() {
    Analysis.Summary summary = analyse().summary();
    // row errors 1.70 (0.1^2 + 1.3^2) and 3.39 (0.1^2 + 1.3^2 + 1.3^2), over 6 cells
    assertEquals(5.09 / 6, summary.mse(), EPS);
    // column variances 0.25, 0.0625, 0 over 3 features; two points span one dimension
    assertEquals(0.3125 / 3, summary.meanPredictorMse(), EPS);
    assertEquals(0, summary.pcaMse(), EPS);
  }

  @Test
  void importanceIsTheErrorIncreaseWhenAFeatureIsZeroed() {
    Analysis.Importance importance = analyse().importance();
    // zeroing a: row 1 becomes (0.1, 0, 0.3) against (1, 0, 0): 0.90 - 1.70; b: 0.35 - 3.39
    assertArrayEquals(new double[] {-0.80 / 6, -3.04 / 6, 0}, importance.raw(), EPS);
    assertArrayEquals(new double[] {0.80 / 3.84, 3.04 / 3.84, 0}, importance.share(), EPS);
    assertArrayEquals(new double[] {0.80 / 3.04, 1, 0}, importance.scaled(), EPS);
    assertArrayEquals(new int[] {1, 0, 2}, importance.rank());
  }

  @Test
  void directionsAreMeanCodesWithOnlyOneFeatureKept() {
    Analysis.Directions d = analyse().directions();
    assertArrayEquals(new double[] {0.5, 0}, d.mean()[0], EPS);
    assertArrayEquals(new double[] {0, 0.5}, d.mean()[1], EPS);
    assertArrayEquals(new double[] {0, 0}, d.mean()[2], EPS);
    assertArrayEquals(new double[] {0, 0}, d.zeroCode(), EPS);
    assertArrayEquals(new double[] {0.5 * 0.80 / 3.04, 0}, d.flex()[0], EPS);
    assertArrayEquals(new double[] {0.80 / 3.04, 0}, d.fix1()[0], EPS);
    assertArrayEquals(new double[] {0, 1}, d.fix1()[1], EPS);
    assertArrayEquals(new double[] {0, 0}, d.fix1()[2], EPS);
  }

  @Test
  void weightNormsInterferenceAndDimensionality() {
    Analysis.Weights w = analyse().weights();
    assertArrayEquals(new double[] {1, 2, Math.sqrt(2)}, w.norm(), EPS);
    assertArrayEquals(new double[] {0.1, -0.2, 0.3}, w.bias(), EPS);
    assertArrayEquals(new double[] {1, 4, 5}, w.interferenceNotebook(), EPS);
    assertArrayEquals(new double[] {1, 1, 2.5}, w.interferencePaper(), EPS);
    assertArrayEquals(new double[] {0.5, 0.8, 2 / 4.5}, w.dimensionality(), EPS);
  }

  @Test
  void decoderTimesEncoderInImportanceOrderAndItsTopPercent() {
    Analysis.Weights w = analyse().weights();
    // the Gram matrix [[1,0,1],[0,4,2],[1,2,2]] with rows and columns in the order b, a, c
    double[][] expected = {{4, 0, 2}, {0, 1, 1}, {2, 1, 2}};
    for (int r = 0; r < 3; r++) {
      assertArrayEquals(expected[r], w.decoderTimesEncoder()[r], EPS);
    }
    // numpy.percentile of [0,0,1,1,1,2,2,2,4] at 99: 2 + 0.92 * (4 - 2)
    assertEquals(3.84, w.top1Threshold(), EPS);
    assertArrayEquals(new double[] {4, 0, 0}, w.top1Percent()[0], EPS);
    assertArrayEquals(new double[] {0, 0, 0}, w.top1Percent()[2], EPS);
  }

  @Test
  void summaryCountsImportantFeaturesAndTheirClusters() {
    Analysis.Summary summary = analyse().summary();
    assertEquals(1, summary.importantFeatures());
    assertEquals(1, summary.clusters());
    assertArrayEquals(new int[] {-1, 0, -1}, summary.cluster());
    assertEquals(3.04 / 3.84, summary.topTwoShare(), EPS);
    assertTrue(Double.isNaN(summary.topTwoAngle()));
  }

  @Test
  void theSeedsQuirksAreReplicatedWhereTheyAreDefinitions() {
    // min-max scaling pins the weakest feature at 0; equal importances scale to 0, not NaN
    Analysis.Importance flat = SuperpositionAnalysis.importance(new double[] {2, 2, 2});
    assertArrayEquals(new double[] {0, 0, 0}, flat.scaled(), 0);
    // numpy's argsort(...)[::-1] puts the later of two equal values first
    assertArrayEquals(new int[] {2, 1, 0}, SuperpositionAnalysis.descendingOrder(
        new double[] {1, 1, 1}));
  }

  @Test
  void theOffsetOfTheZeroInputIsSeparated() {
    // with a code bias, every direction carries tanh(c); fromZero removes it
    AutoencoderWeights w = new AutoencoderWeights(1, 2, new float[] {1, 0},
        new float[] {0.5f, -0.5f}, Activation.TANH, new float[] {1, 1}, new float[] {0},
        Activation.TANH_RELU);
    Analysis a = SuperpositionAnalysis.analyse(1, List.of("x"), w, new float[] {2}, 1,
        ReferenceErrors.of(new float[] {2}, 1, 1, 1));
    assertArrayEquals(new double[] {Math.tanh(0.5), Math.tanh(-0.5)}, a.directions().zeroCode(),
        1e-6);
    assertArrayEquals(new double[] {Math.tanh(2.5) - Math.tanh(0.5), 0},
        a.directions().fromZero()[0], 1e-6);
  }

  @Test
  void fastTanhMatchesMathTanh() {
    double worst = 0;
    for (float x = -12f; x <= 12f; x += 0.001f) {
      worst = Math.max(worst, Math.abs(FastTanh.tanh(x) - Math.tanh(x)));
    }
    // a few float ulps: the same error as TensorFlow's own kernels
    assertTrue(worst < 5e-7, "largest error " + worst);
  }

  @Test
  void resultDoesNotDependOnTheNumberOfThreads() throws Exception {
    java.util.Random random = new java.util.Random(4);
    int rows = 10_000;
    int n = 6;
    float[] data = new float[rows * n];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextFloat() < 0.5 ? 0 : random.nextFloat();
    }
    float[] k = new float[n * 2];
    float[] d = new float[2 * n];
    for (int i = 0; i < k.length; i++) {
      k[i] = random.nextFloat() - 0.5f;
      d[i] = random.nextFloat() - 0.5f;
    }
    AutoencoderWeights w = new AutoencoderWeights(n, 2, k, new float[] {0.1f, 0.2f},
        Activation.TANH, d, new float[n], Activation.TANH_RELU);
    List<String> names = List.of("a", "b", "c", "d", "e", "f");
    ReferenceErrors refs = ReferenceErrors.of(data, rows, n, 2);
    Analysis parallel = SuperpositionAnalysis.analyse(1, names, w, data, rows, refs);
    Analysis single = new java.util.concurrent.ForkJoinPool(1).submit(
        () -> SuperpositionAnalysis.analyse(1, names, w, data, rows, refs)).get();
    assertArrayEquals(parallel.importance().raw(), single.importance().raw(), 0);
    assertEquals(parallel.summary().mse(), single.summary().mse(), 0);
  }
}
