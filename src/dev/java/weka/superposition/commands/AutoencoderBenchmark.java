package weka.superposition.commands;

import java.util.List;
import java.util.Locale;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;
import weka.superposition.analysis.Analysis;
import weka.superposition.autoencoder.AutoencoderTraining;
import weka.superposition.data.Rows;
import weka.tensorflow.EpochRecord;

/**
 * Times phase 2 on a features ARFF (class last, e.g. the hidden activations of MNIST's training
 * set): the seed's autoencoder (20 epochs) without and with the analysis after every epoch, and
 * prints one figure a line.
 *
 * <p>Usage: {@code AutoencoderBenchmark <features.arff> [seed]}
 */
public final class AutoencoderBenchmark {

  private AutoencoderBenchmark() {}

  public static void main(String[] args) throws Exception {
    Usage.exitUnless(args.length >= 1, "AutoencoderBenchmark <features.arff> [seed]");
    Instances data = DataSource.read(args[0]);
    int seed = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    data.setClassIndex(data.numAttributes() - 1);
    int rows = data.numInstances();
    List<Integer> features = Rows.featureIndices(data);
    int n = features.size();
    float[] x = Rows.featureMatrix(data, features);
    List<String> names = features.stream().map(i -> data.attribute(i).name()).toList();
    AutoencoderTraining.Result plain = run(x, rows, names, seed, false);
    long start = System.nanoTime();
    AutoencoderTraining.Result analysed = run(x, rows, names, seed, true);
    double wholeSeconds = (System.nanoTime() - start) / 1e9;

    System.out.printf(Locale.ROOT, "rows: %d, features: %d, seed %d%n", rows, n, seed);
    System.out.printf(
        Locale.ROOT,
        "seconds per epoch without analysis (median of 2..20): %.3f%n",
        ClassifierBenchmark.medianEpochSeconds(plain.history()));
    System.out.printf(
        Locale.ROOT,
        "seconds per epoch with analysis (median of 2..20): %.3f%n",
        ClassifierBenchmark.medianEpochSeconds(plain.history())
            + analysed.analysisSeconds() / analysed.epochAnalyses().size());
    System.out.printf(
        Locale.ROOT,
        "seconds per analysis (mean of %d): %.3f%n",
        analysed.epochAnalyses().size(),
        analysed.analysisSeconds() / analysed.epochAnalyses().size());
    System.out.printf(
        Locale.ROOT,
        "whole phase 2 seconds (20 epochs, analysis every epoch, "
            + "with reference errors and data loading into TensorFlow): %.2f%n",
        wholeSeconds);
    Analysis.Summary s = analysed.analysis().summary();
    System.out.printf(Locale.ROOT, "final training MSE: %.5f%n", s.mse());
    System.out.printf(Locale.ROOT, "mean-predictor MSE: %.5f%n", s.meanPredictorMse());
    System.out.printf(Locale.ROOT, "PCA (rank 2) MSE: %.5f%n", s.pcaMse());
    System.out.printf(
        Locale.ROOT, "important features (scaled > 0.5): %d%n", s.importantFeatures());
    System.out.printf(
        Locale.ROOT,
        "angular clusters: %d; two largest: %.1f %% of the importance, " + "%.1f degrees apart%n",
        s.clusters(),
        100 * s.topTwoShare(),
        s.topTwoAngle());
    System.out.printf(
        Locale.ROOT,
        "loss per epoch: %s%n",
        analysed.history().stream()
            .map(EpochRecord::loss)
            .map(l -> String.format(Locale.ROOT, "%.4f", l))
            .toList());
    System.out.printf(Locale.ROOT, "peak RSS MiB: %s%n", ClassifierBenchmark.peakRssMiB());
  }

  private static AutoencoderTraining.Result run(
      float[] x, int rows, List<String> names, int seed, boolean analyseEveryEpoch)
      throws Exception {
    AutoencoderTraining.Settings settings =
        AutoencoderTraining.Settings.notebook(seed, 20, analyseEveryEpoch);
    return AutoencoderTraining.train(x, rows, names, settings, (record, analysis) -> {});
  }
}
