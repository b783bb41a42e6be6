package weka.superposition.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import weka.superposition.report.SweepReport;

/** Elhage et al.'s toy model and its central result. */
class ToyModelTest {

  @TempDir
  Path dir;

  private static double angle(double[] a, double[] b) {
    double dot = a[0] * b[0] + a[1] * b[1];
    return Math.toDegrees(Math.acos(dot / (Math.hypot(a[0], a[1]) * Math.hypot(b[0], b[1]))));
  }

  @Test
  void denseFeaturesKeepOnlyTheTwoMostImportantAtRightAngles() throws Exception {
    // the paper's setting: 5 features into 2 dimensions, importance 0.9^i, S = 0, 10,000 steps
    SparsitySweep.Settings paper = SparsitySweep.Settings.paper(new double[] {0}, 1);
    for (int seed = 1; seed <= 3; seed++) {
      SparsitySweep.Run run = SparsitySweep.train(paper, 0, seed, new Random(seed));
      double[] norms = run.norms();
      String context = "seed " + seed + ": " + java.util.Arrays.toString(norms);
      assertTrue(norms[0] > 0.9 && norms[1] > 0.9, context);
      for (int i = 2; i < 5; i++) {
        assertTrue(norms[i] < 0.1, context);
      }
      assertEquals(90, angle(run.vectors()[0], run.vectors()[1]), 5, context);
      assertEquals(1, run.dimensionsPerFeature(), 0.05, context);
    }
  }

  @Test
  void sparseFeaturesShareTheDimensions() throws Exception {
    SparsitySweep.Settings paper = SparsitySweep.Settings.paper(new double[] {0.95}, 1);
    SparsitySweep.Run run = SparsitySweep.train(paper, 0.95, 1, new Random(1));
    for (double norm : run.norms()) {
      assertTrue(norm > 0.9, java.util.Arrays.toString(run.norms()));
    }
    assertTrue(run.dimensionsPerFeature() < 0.45, "5 features in 2 dimensions: "
        + run.dimensionsPerFeature());
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

  @Test
  void theFilterTrainsTheToyModelOnGeneratedData() throws Exception {
    SparseFeatures generator = new SparseFeatures();
    generator.setNumExamples(2048);
    generator.setOutput(new java.io.PrintWriter(java.io.Writer.nullWriter()));
    generator.defineDataFormat();
    Instances data = generator.generateExamples();
    SuperpositionAutoencoder filter = new SuperpositionAutoencoder();
    filter.setModelType(new SelectedTag(ModelType.TOY.ordinal(),
        SuperpositionAutoencoder.TAGS_MODEL_TYPE));
    filter.setEpochs(3);
    filter.setInputFormat(data);

    Instances codes = Filter.useFilter(data, filter);

    assertEquals(2, codes.numAttributes());
    assertEquals(ModelType.TOY, filter.getResult().settings().type());
    assertEquals(1024, filter.getResult().settings().miniBatchSize(), "the paper's batch");
    assertEquals(0.001, filter.getResult().settings().learningRate(), 0, "the paper's rate");
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
    SparsitySweep.Settings quick = new SparsitySweep.Settings(5, 2, new double[] {0, 0.9}, 2,
        2048, 2, 1024, 0.001, 0.9);
    List<SparsitySweep.Run> runs = SparsitySweep.run(quick, (run, done, total) -> { });

    List<Path> files = SweepReport.write(quick, runs, dir);

    assertEquals(4, runs.size());
    assertEquals(10, runs.get(3).inverseDensity(), 1e-9);
    List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
    assertEquals(5, csv.size());
    assertTrue(csv.get(0).endsWith("norm_x5"));
    for (String name : List.of("sparsity-0.0.png", "sparsity-0.9.png",
        "dimensions-per-feature.png", "sweep.json")) {
      assertTrue(files.contains(dir.resolve(name)), name);
      assertTrue(Files.size(dir.resolve(name)) > 1000, name);
    }
  }
}
