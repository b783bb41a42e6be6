package weka.superposition.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import weka.superposition.analysis.AutoencoderWeights.Activation;

/**
 * The analysis on a tiny tied model worked out by hand: n = 3 features, m = 2, W_0 = (1, 0), W_1 =
 * (0, 2), W_2 = (1, 1), no code bias, identity code, x' = ReLU(W^T W x + b) with b = (0.1, -0.2,
 * 0.3), on the two rows (1, 0, 0) and (0, 0.5, 0).
 */
class AutoencoderAnalysisTest {

  private static final double EPS = 1e-6;

  static AutoencoderWeights tiedModel() {
    float[] encoder = {1, 0, 0, 2, 1, 1};
    float[] decoder = {1, 0, 1, 0, 2, 1};
    return new AutoencoderWeights(
        3,
        2,
        encoder,
        new float[2],
        Activation.IDENTITY,
        decoder,
        new float[] {0.1f, -0.2f, 0.3f},
        Activation.RELU);
  }

  static final float[] DATA = {1, 0, 0, 0, 0.5f, 0};

  private static Analysis analyse() {
    return AutoencoderAnalysis.analyse(
        7, List.of("a", "b", "c"), tiedModel(), DATA, 2, ReferenceErrors.of(DATA, 2, 3, 2));
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
    Analysis.Importance flat = AutoencoderAnalysis.importance(new double[] {2, 2, 2});
    assertArrayEquals(new double[] {0, 0, 0}, flat.scaled(), 0);
    // numpy's argsort(...)[::-1] puts the later of two equal values first
    assertArrayEquals(
        new int[] {2, 1, 0}, AutoencoderAnalysis.descendingOrder(new double[] {1, 1, 1}));
  }

  @Test
  void theOffsetOfTheZeroInputIsSeparated() {
    // with a code bias, every direction carries tanh(c); fromZero removes it
    AutoencoderWeights w =
        new AutoencoderWeights(
            1,
            2,
            new float[] {1, 0},
            new float[] {0.5f, -0.5f},
            Activation.TANH,
            new float[] {1, 1},
            new float[] {0},
            Activation.TANH_RELU);
    Analysis a =
        AutoencoderAnalysis.analyse(
            1, List.of("x"), w, new float[] {2}, 1, ReferenceErrors.of(new float[] {2}, 1, 1, 1));
    assertArrayEquals(
        new double[] {Math.tanh(0.5), Math.tanh(-0.5)}, a.directions().zeroCode(), 1e-6);
    assertArrayEquals(
        new double[] {Math.tanh(2.5) - Math.tanh(0.5), 0}, a.directions().fromZero()[0], 1e-6);
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

  /**
   * A parallel stream splits its range by the common pool's parallelism (fixed when the JVM
   * starts), not by the pool it runs in, so the numbers of threads are set where they take effect:
   * in JVMs of their own, with 1 and 4 threads in the common pool. 20 chunks of rows are enough for
   * the two to split them differently (leaves of 5 chunks against leaves of 1).
   */
  @Test
  void resultDoesNotDependOnTheNumberOfThreads() throws Exception {
    double[] here = ManyRows.analysedBits();
    // the same JVM in a pool of one thread: what a race between threads would show
    double[] oneThread = new ForkJoinPool(1).submit(ManyRows::analysedBits).get();

    assertArrayEquals(here, oneThread, 0);
    assertArrayEquals(here, ManyRows.inAJvmWithThreads(1), 0);
    assertArrayEquals(here, ManyRows.inAJvmWithThreads(4), 0);
  }

  /** 40,000 random rows of 6 features (20 chunks), half of them 0, and a model of tanh code. */
  static final class ManyRows {

    static final String COMMON_POOL_THREADS =
        "java.util.concurrent.ForkJoinPool.common.parallelism";

    static double[] analysedBits() {
      Random random = new Random(4);
      int rows = 40_000;
      int n = 6;
      float[] data = new float[rows * n];
      for (int i = 0; i < data.length; i++) {
        // from 1e-5 to 1e5: sums of float errors that a double holds only rounded, so that the
        // order of the additions shows in the last bits (values below 1 add up exactly)
        data[i] = random.nextFloat() < 0.5 ? 0 : (float) Math.pow(10, 10 * random.nextDouble() - 5);
      }
      float[] k = new float[n * 2];
      float[] d = new float[2 * n];
      for (int i = 0; i < k.length; i++) {
        k[i] = random.nextFloat() - 0.5f;
        d[i] = random.nextFloat() - 0.5f;
      }
      AutoencoderWeights w =
          new AutoencoderWeights(
              n,
              2,
              k,
              new float[] {0.1f, 0.2f},
              Activation.TANH,
              d,
              new float[n],
              Activation.TANH_RELU);
      Analysis a =
          AutoencoderAnalysis.analyse(
              1,
              List.of("a", "b", "c", "d", "e", "f"),
              w,
              data,
              rows,
              ReferenceErrors.of(data, rows, n, 2));
      // the error, the ablation sums and the kept-only codes: each sum over the chunks
      DoubleStream.Builder bits = DoubleStream.builder();
      bits.add(a.summary().mse());
      Arrays.stream(a.importance().raw()).forEach(bits);
      Arrays.stream(a.directions().mean()).flatMapToDouble(Arrays::stream).forEach(bits);
      return bits.build().toArray();
    }

    /** Runs {@link #main} in a new JVM whose common pool has {@code threads} threads. */
    static double[] inAJvmWithThreads(int threads) throws Exception {
      Path out = Files.createTempFile("analysis-bits", ".bin");
      try {
        String classPath =
            String.join(
                File.pathSeparator,
                codeSource(AutoencoderAnalysis.class),
                codeSource(ManyRows.class),
                codeSource(weka.core.matrix.EigenvalueDecomposition.class));
        Process process =
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-D" + COMMON_POOL_THREADS + "=" + threads,
                    "-cp",
                    classPath,
                    ManyRows.class.getName(),
                    out.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(
            0, process.waitFor(), "the analysis in a JVM of " + threads + " threads: " + output);
        try (DataInputStream in = new DataInputStream(Files.newInputStream(out))) {
          double[] values = new double[in.readInt()];
          for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
          }
          return values;
        }
      } finally {
        Files.delete(out);
      }
    }

    private static String codeSource(Class<?> c) throws Exception {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Writes {@link #analysedBits()} to the file {@code args[0]}, after checking the pool. */
    public static void main(String[] args) throws Exception {
      int threads = Integer.getInteger(COMMON_POOL_THREADS);
      if (ForkJoinPool.getCommonPoolParallelism() != threads) {
        throw new IllegalStateException(
            "common pool of " + ForkJoinPool.getCommonPoolParallelism() + " threads");
      }
      double[] values = analysedBits();
      try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[0])))) {
        out.writeInt(values.length);
        for (double v : values) {
          out.writeDouble(v);
        }
      }
    }
  }
}
