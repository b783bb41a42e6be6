package weka.superposition.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.datagenerators.classifiers.classification.SparseFeatures;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.superposition.analysis.AutoencoderWeights;
import weka.superposition.experiments.SparsitySweep;
import weka.superposition.experiments.ToySweep;
import weka.superposition.report.SweepReport;
import weka.superposition.testing.TestData;
import weka.tensorflow.NetworkRunner;
import weka.tensorflow.Parameters;
import weka.tensorflow.ToyModelNetwork;

/** Elhage et al.'s toy model and its central result. */
class ToyModelTest {

  @TempDir Path dir;

  private static double angle(double[] a, double[] b) {
    double dot = a[0] * b[0] + a[1] * b[1];
    return Math.toDegrees(Math.acos(dot / (Math.hypot(a[0], a[1]) * Math.hypot(b[0], b[1]))));
  }

  @Test
  void denseFeaturesKeepOnlyTheTwoMostImportantAtRightAngles() throws Exception {
    // the paper's setting: 5 features into 2 dimensions, importance 0.9^i, S = 0, 10,000 steps
    ToySweep.Settings paper = SparsitySweep.paper(new double[] {0}, 3);
    for (SparsitySweep.Run run : SparsitySweep.run(paper, (r, done, total) -> {})) {
      double[] norms = run.norms();
      String context = "seed " + run.seed() + ": " + java.util.Arrays.toString(norms);
      assertTrue(norms[0] > 0.9 && norms[1] > 0.9, context);
      for (int i = 2; i < 5; i++) {
        assertTrue(norms[i] < 0.1, context);
      }
      assertEquals(90, angle(run.vectors()[0], run.vectors()[1]), 5, context);
      assertEquals(1, run.dimensionsPerFeature(), 0.05, context);
    }
  }

  /**
   * At S = 0.95 more features than dimensions are represented. Trained the paper's way (fresh
   * batches), a seed can leave the least important feature part-way (seed 1: ||W_5|| = 0.28 after
   * 10,000 steps), so every seed must represent at least four, and one of three all five.
   */
  @Test
  void sparseFeaturesShareTheDimensions() throws Exception {
    ToySweep.Settings paper = SparsitySweep.paper(new double[] {0.95}, 3);
    int allFive = 0;
    for (SparsitySweep.Run run : SparsitySweep.run(paper, (r, done, total) -> {})) {
      String context = "seed " + run.seed() + ": " + java.util.Arrays.toString(run.norms());
      long represented = java.util.Arrays.stream(run.norms()).filter(n -> n > 0.9).count();
      assertTrue(represented >= 4, context);
      assertTrue(run.dimensionsPerFeature() < 0.5, context + ", " + run.dimensionsPerFeature());
      allFive += represented == 5 && run.dimensionsPerFeature() < 0.45 ? 1 : 0;
    }
    assertTrue(allFive >= 1, "no seed of 3 represents all five features");
  }

  @Test
  void tiedWeightsMakeWtwTheGramMatrix() {
    var p = weka.tensorflow.ToyModelNetwork.initialParameters(4, 2, new Random(1));
    AutoencoderWeights w = ModelType.TOY.weights(p, 4, 2);
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        double[] wa = w.featureVector(a);
        double[] wb = w.featureVector(b);
        assertEquals(wa[0] * wb[0] + wa[1] * wb[1], w.decoderTimesEncoder(a, b), 1e-6);
      }
    }
  }

  /**
   * The TensorFlow graph and the plain-Java pass that the analysis runs give the same code and
   * reconstruction for random weights, a bias that the ReLU clips on some outputs, and sparse rows.
   * Both compute in float; they may add the products in another order (and fuse multiply-adds), so
   * each value may differ by the rounding of its sum: about k float epsilons (2^-24) of the sum of
   * the absolute terms for k terms. The bound below allows that and no more; measured, the two
   * differ by at most 2.4e-7 (2 ulps of the outputs), 15% of the bound.
   */
  @Test
  void plainJavaForwardPassMatchesTheTensorFlowGraph() {
    int n = 20;
    int m = 5;
    int rows = 200;
    Random random = new Random(3);
    Parameters initial = ToyModelNetwork.initialParameters(n, m, random);
    float[] bias = TestData.randomFloats(n, random, (r, i) -> r.nextFloat() - 0.5f);
    Parameters p =
        new Parameters(
            List.of(
                initial.get(ToyModelNetwork.WEIGHTS),
                initial.get(ToyModelNetwork.BIAS).withValues(bias)));
    float[] x = TestData.sparseFloats(rows * n, random, 0.7);
    AutoencoderWeights w = ModelType.TOY.weights(p, n, m);
    float[] kernel = w.encoderKernel();
    Map<String, float[]> graph;
    try (NetworkRunner runner = new NetworkRunner(ModelType.TOY.network(n, 0.9), p, n, 1)) {
      graph = runner.run(x, rows, ToyModelNetwork.CODE, ToyModelNetwork.RECONSTRUCTION);
    }

    double u = 0x1p-24;
    float[] code = new float[m];
    double[] codeBound = new double[m];
    float[] reconstruction = new float[n];
    int clipped = 0;
    for (int r = 0; r < rows; r++) {
      w.encode(x, r * n, code);
      w.decode(code, reconstruction);
      for (int k = 0; k < m; k++) {
        double terms = 0;
        for (int i = 0; i < n; i++) {
          terms += Math.abs(x[r * n + i] * kernel[i * m + k]);
        }
        codeBound[k] = n * u * terms;
        assertEquals(
            code[k],
            graph.get(ToyModelNetwork.CODE)[r * m + k],
            codeBound[k],
            "code " + k + " of row " + r);
      }
      for (int j = 0; j < n; j++) {
        // m products and the bias, plus what the codes' own rounding carries through W_j
        double terms = Math.abs(bias[j]);
        double carried = 0;
        for (int k = 0; k < m; k++) {
          terms += Math.abs(code[k] * kernel[j * m + k]);
          carried += codeBound[k] * Math.abs(kernel[j * m + k]);
        }
        assertEquals(
            reconstruction[j],
            graph.get(ToyModelNetwork.RECONSTRUCTION)[r * n + j],
            (m + 1) * u * terms + carried,
            "output " + j + " of row " + r);
        clipped += reconstruction[j] == 0 ? 1 : 0;
      }
    }
    assertTrue(
        clipped > rows && clipped < rows * (n - 1), clipped + " outputs clipped by the ReLU");
  }

  @Test
  void theFilterTrainsTheToyModelOnGeneratedData() throws Exception {
    SparseFeatures generator = new SparseFeatures();
    generator.setNumExamples(2048);
    generator.setOutput(new java.io.PrintWriter(java.io.Writer.nullWriter()));
    generator.defineDataFormat();
    Instances data = generator.generateExamples();
    SuperpositionAutoencoder filter = new SuperpositionAutoencoder();
    filter.setModelType(
        new SelectedTag(ModelType.TOY.ordinal(), SuperpositionAutoencoder.TAGS_MODEL_TYPE));
    filter.setEpochs(3);
    filter.setInputFormat(data);

    Instances codes = Filter.useFilter(data, filter);

    assertEquals(2, codes.numAttributes());
    assertEquals(ModelType.TOY, filter.getResult().settings().type());
    assertEquals(1024, filter.getResult().settings().adam().miniBatchSize(), "the paper's batch");
    assertEquals(0.001, filter.getResult().settings().adam().learningRate(), 0, "the paper's rate");
    // h = W x: the code of a row is its features times the feature vectors
    double[] row = data.instance(0).toDoubleArray();
    double expected = 0;
    for (int i = 0; i < 5; i++) {
      expected += row[i] * filter.getResult().weights().featureVector(i)[0];
    }
    assertEquals(expected, codes.instance(0).value(0), 1e-5);
  }

  @Test
  void sweepReportWritesTableAndPlots() throws Exception {
    ToySweep.Settings quick =
        SparsitySweep.settings(
            5, 2, new double[] {0, 0.9}, 2, ToyTraining.PAPER.withSteps(20), 0.9);
    List<SparsitySweep.Run> runs = SparsitySweep.run(quick, (run, done, total) -> {});

    List<Path> files = SweepReport.write(quick, runs, dir);

    assertEquals(4, runs.size());
    assertEquals(10, runs.get(3).inverseDensity(), 1e-9);
    List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
    assertEquals(5, csv.size());
    assertTrue(csv.get(0).endsWith("norm_x5"));
    for (String name :
        List.of(
            "sparsity-0.0.png", "sparsity-0.9.png", "dimensions-per-feature.png", "sweep.json")) {
      assertTrue(files.contains(dir.resolve(name)), name);
      assertTrue(Files.size(dir.resolve(name)) > 1000, name);
    }
  }
}
