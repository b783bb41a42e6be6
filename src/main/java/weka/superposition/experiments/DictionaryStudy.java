package weka.superposition.experiments;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import weka.superposition.analysis.AccuracyRecovered;
import weka.superposition.analysis.ClassifierHead;
import weka.superposition.analysis.DictionaryAnalysis;
import weka.superposition.analysis.DictionaryWeights;
import weka.superposition.analysis.PcaFrontier;
import weka.superposition.data.FeatureColumns;
import weka.superposition.data.Seeds;
import weka.superposition.dictionary.DictionaryTraining;
import weka.tensorflow.AdamRun;

/**
 * What the hidden units hold, by sparse dictionaries: for one seed's classifier, dictionaries of
 * several sparsities (top-k, one per k) on its hidden activations and on two controls that cannot
 * hold features in superposition the same way:
 *
 * <ol>
 *   <li>{@value #TRAINED}: the trained classifier's hidden activations of the training set;
 *   <li>{@value #INDEPENDENT}: the same with every column permuted on its own (each unit's
 *       distribution kept, their joint structure gone);
 *   <li>{@value #UNTRAINED}: the hidden activations of the same network before its first step.
 * </ol>
 *
 * Each dictionary is put beside PCA with as many components as its mean active features per row
 * (L0): a dense basis of the same size. The trained features' dictionary at the chosen k is
 * analysed in full (classes, logit effects, densities) and checked downstream: the classifier's
 * test accuracy with its hidden activations replaced by the reconstruction, against the mean
 * (ablation) and untouched.
 */
public final class DictionaryStudy {

  public static final String TRAINED = "trained";
  public static final String INDEPENDENT = "independent";
  public static final String UNTRAINED = "untrained";

  /** The data a study learns dictionaries of, in the order it reports them. */
  public static final List<String> VARIANTS = List.of(TRAINED, INDEPENDENT, UNTRAINED);

  private DictionaryStudy() {}

  /**
   * The study's settings.
   *
   * @param ks the sparsities of the frontier, top-k with these k
   * @param chosenK the k analysed in full (one of {@code ks})
   * @param dictionary the training of every dictionary, its k replaced by each of {@code ks}
   * @param parallel dictionaries trained at once (one TensorFlow thread each)
   */
  public record Settings(
      int[] ks, int chosenK, DictionaryTraining.Settings dictionary, int parallel)
      implements Serializable {

    /** The dictionaries trained: one per variant and k. */
    public int runs() {
      return VARIANTS.size() * ks.length;
    }

    /**
     * The settings REPORT.md states: k of 2, 4, 8 and 16 (8 analysed in full), four times as many
     * features as inputs, 6 epochs of mini-batches of 256 at Adam's learning rate 0.003 (three
     * times the filter's default: on MNIST's hidden units it reaches an FVU of 0.116 in 6 epochs,
     * where 0.001 reaches 0.129 in 8), the decoder bias from the geometric median, dead after 250
     * steps and resampled; two dictionaries trained at once.
     */
    public static Settings standard(int inputs, int seed) {
      return new Settings(
          new int[] {2, 4, 8, 16},
          8,
          new DictionaryTraining.Settings(
              4 * inputs,
              DictionaryTraining.Mode.TOPK,
              0,
              8,
              new AdamRun(6, 256, 0.003, seed, 1),
              DictionaryTraining.BiasStart.GEOMETRIC_MEDIAN,
              250,
              true),
          2);
    }
  }

  /**
   * One dictionary's figures.
   *
   * @param pcaFvuAtL0 the FVU of PCA with L0 components (interpolated between whole numbers)
   */
  public record Point(
      String variant,
      int k,
      double l0,
      double fvu,
      double pcaFvuAtL0,
      int live,
      int dead,
      int dense,
      double meanFeaturePurity,
      double meanNeuronPurity,
      double seconds)
      implements Serializable {}

  /**
   * The classifier's test accuracy with its hidden activations untouched, replaced by the
   * dictionary's reconstruction, and replaced by the training mean.
   *
   * @param recovered (reconstructed - ablated) / (clean - ablated)
   */
  public record Downstream(double clean, double reconstructed, double ablated, double recovered)
      implements Serializable {

    public static Downstream of(
        DictionaryWeights weights,
        ClassifierHead head,
        float[] testHidden,
        int testRows,
        int[] testLabels,
        float[] trainMean) {
      int n = weights.inputs();
      float[] reconstructed = new float[testHidden.length];
      float[] f = new float[weights.features()];
      float[] row = new float[n];
      for (int r = 0; r < testRows; r++) {
        weights.encode(testHidden, r * n, f);
        weights.decode(f, row);
        System.arraycopy(row, 0, reconstructed, r * n, n);
      }
      float[] ablated = new float[testHidden.length];
      for (int r = 0; r < testRows; r++) {
        System.arraycopy(trainMean, 0, ablated, r * n, n);
      }
      double clean = head.accuracy(testHidden, testRows, testLabels);
      double withReconstruction = head.accuracy(reconstructed, testRows, testLabels);
      double withMean = head.accuracy(ablated, testRows, testLabels);
      return new Downstream(
          clean,
          withReconstruction,
          withMean,
          AccuracyRecovered.of(clean, withReconstruction, withMean));
    }
  }

  /**
   * The study of one seed.
   *
   * @param pcaFvu per variant (in the order of {@link #variants()}), PCA's FVU with j components at
   *     index j
   * @param chosen the trained features' dictionary at the chosen k, analysed in full
   */
  public record Study(
      Settings settings,
      List<String> variants,
      List<Point> points,
      List<double[]> pcaFvu,
      DictionaryTraining.Result chosen,
      DictionaryAnalysis analysis,
      Downstream downstream,
      double seconds)
      implements Serializable {

    /** The point of {@code variant} at {@code k}, or null. */
    public Point point(String variant, int k) {
      return points.stream()
          .filter(p -> p.variant().equals(variant) && p.k() == k)
          .findFirst()
          .orElse(null);
    }
  }

  /** The data of the study: the training set's three variants and the test set. */
  public record Data(
      float[] trained,
      float[] untrained,
      int rows,
      List<String> inputs,
      int[] labels,
      int classes,
      ClassifierHead head,
      float[] testHidden,
      int testRows,
      int[] testLabels) {}

  /** Runs the study; {@code log} hears of every dictionary trained. */
  public static Study run(Data data, int seed, Settings settings, Consumer<String> log)
      throws Exception {
    long start = System.nanoTime();
    int n = data.inputs().size();
    float[] independent =
        FeatureColumns.shuffledIndependently(
            data.trained(), data.rows(), n, new Random(Seeds.independentColumns(seed)));
    List<String> variants = VARIANTS;
    List<float[]> matrices = List.of(data.trained(), independent, data.untrained());
    float[] weights = new float[data.rows()];
    Arrays.fill(weights, 1f);

    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.parallel()));
    try {
      List<Future<DictionaryTraining.Result>> runs = new ArrayList<>();
      for (float[] matrix : matrices) {
        for (int k : settings.ks()) {
          DictionaryTraining.Settings s = settings.dictionary().withK(k);
          runs.add(
              pool.submit(
                  () -> DictionaryTraining.train(matrix, weights, data.inputs(), s, e -> {})));
        }
      }
      List<Point> points = new ArrayList<>();
      List<double[]> pcaFvu = new ArrayList<>();
      DictionaryTraining.Result chosen = null;
      DictionaryAnalysis chosenAnalysis = null;
      int at = 0;
      for (int v = 0; v < variants.size(); v++) {
        float[] matrix = matrices.get(v);
        double[] pca = PcaFrontier.fvu(matrix, data.rows(), n);
        pcaFvu.add(pca);
        boolean trained = v == 0;
        for (int k : settings.ks()) {
          DictionaryTraining.Result result = runs.get(at++).get();
          DictionaryAnalysis a =
              DictionaryAnalysis.of(
                  result.weights(),
                  matrix,
                  data.rows(),
                  data.labels(),
                  data.classes(),
                  trained ? data.head().kernel() : null);
          points.add(point(variants.get(v), k, a, pca, result.trainingSeconds()));
          log.accept(
              String.format(
                  java.util.Locale.ROOT,
                  "%s, k = %d: L0 %.2f, FVU %.4f (PCA-L0 %.4f), %d live, %.1f s",
                  variants.get(v),
                  k,
                  a.l0(),
                  a.fvu(),
                  PcaFrontier.at(pca, a.l0()),
                  a.liveFeatures(),
                  result.trainingSeconds()));
          if (trained && k == settings.chosenK()) {
            chosen = result;
            chosenAnalysis = a;
          }
        }
      }
      Downstream downstream =
          chosen == null
              ? null
              : Downstream.of(
                  chosen.weights(),
                  data.head(),
                  data.testHidden(),
                  data.testRows(),
                  data.testLabels(),
                  columnMeans(data.trained(), data.rows(), n));
      return new Study(
          settings,
          variants,
          List.copyOf(points),
          List.copyOf(pcaFvu),
          chosen,
          chosenAnalysis,
          downstream,
          (System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Point point(String variant, int k, DictionaryAnalysis a, double[] pca, double s) {
    return new Point(
        variant,
        k,
        a.l0(),
        a.fvu(),
        PcaFrontier.at(pca, a.l0()),
        a.liveFeatures(),
        a.deadFeatures(),
        a.denseFeatures(),
        a.meanFeaturePurity(),
        a.meanNeuronPurity(),
        s);
  }

  private static float[] columnMeans(float[] data, int rows, int n) {
    float[] mean = new float[n];
    double[] sum = new double[n];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < n; j++) {
        sum[j] += data[r * n + j];
      }
    }
    for (int j = 0; j < n; j++) {
      mean[j] = (float) (sum[j] / rows);
    }
    return mean;
  }
}
