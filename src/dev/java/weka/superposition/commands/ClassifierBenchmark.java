package weka.superposition.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.Instances;
import weka.superposition.analysis.Statistics;
import weka.superposition.describe.ClassifierReport;
import weka.superposition.pipeline.MnistFiles;
import weka.tensorflow.EpochRecord;
import weka.tensorflow.TrainingFloor;

/**
 * Trains {@link TFMlpClassifier} with its defaults on a training ARFF, predicts a test ARFF, and
 * prints one figure a line: seconds per epoch (median of epochs 2..n), prediction seconds, test
 * accuracy, peak RSS.
 *
 * <p>Usage: {@code ClassifierBenchmark <train.arff> <test.arff> [classifier options]}
 */
public final class ClassifierBenchmark {

  private ClassifierBenchmark() {}

  public static void main(String[] args) throws Exception {
    Usage.exitUnless(args.length >= 2, "ClassifierBenchmark <train.arff> <test.arff> [options]");
    Instances train = MnistFiles.readSet(Path.of(args[0]));
    Instances test = MnistFiles.readSet(Path.of(args[1]));
    TFMlpClassifier classifier = new TFMlpClassifier();
    classifier.setOptions(Arrays.copyOfRange(args, 2, args.length));

    long start = System.nanoTime();
    classifier.buildClassifier(train);
    double trainSeconds = (System.nanoTime() - start) / 1e9;

    start = System.nanoTime();
    double[][] distributions = classifier.distributionsForInstances(test);
    double predictSeconds = (System.nanoTime() - start) / 1e9;

    Evaluation evaluation = new Evaluation(train);
    evaluation.evaluateModel(classifier, test);

    List<EpochRecord> history = classifier.getHistory();
    System.out.printf("rows: %d train, %d test%n", train.numInstances(), distributions.length);
    System.out.printf(
        "seconds per epoch (median of epochs 2..%d): %.3f%n",
        history.size(), medianEpochSeconds(history));
    System.out.printf(
        "seconds per epoch (all): %s%n",
        history.stream().map(r -> String.format("%.3f", r.seconds())).toList());
    System.out.printf("training seconds (with data loading into TensorFlow): %.2f%n", trainSeconds);
    System.out.printf(
        "prediction seconds for %d rows: %.3f%n", test.numInstances(), predictSeconds);
    System.out.printf(
        "final mean training loss: %.4f%n",
        history.isEmpty() ? Double.NaN : history.get(history.size() - 1).loss());
    System.out.printf("test accuracy: %.4f%n", evaluation.pctCorrect() / 100);
    printFloor(train.numInstances(), classifier.report());
    System.out.printf("peak RSS MiB: %s%n", peakRssMiB());
  }

  /** The median seconds of epochs 2..n: the first epoch also warms TensorFlow up. */
  public static double medianEpochSeconds(List<EpochRecord> history) {
    return Statistics.median(
        history.stream()
            .skip(history.size() > 1 ? 1 : 0)
            .mapToDouble(EpochRecord::seconds)
            .toArray());
  }

  /**
   * The seconds per epoch that the trained network's first layer takes alone (see {@link
   * TrainingFloor}), beside an empty session run's share.
   */
  private static void printFloor(int rows, ClassifierReport network) {
    int batch = network.miniBatchSize();
    int steps = (rows + batch - 1) / batch;
    TrainingFloor.Timing timing =
        TrainingFloor.time(
            batch, network.inputs(), network.hiddenUnits(), network.threads(), steps);
    System.out.printf(
        "floor: the first layer alone, per epoch of %d steps: its two matrix products %.3f s, "
            + "with its Adam update %.3f s (an empty session run: %.3f s)%n",
        steps,
        steps * Statistics.median(timing.products()),
        steps * Statistics.median(timing.productsAndUpdate()),
        steps * Statistics.median(timing.emptyRuns()));
  }

  /** VmHWM of this process (Linux), or "n/a". */
  public static String peakRssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kib = Long.parseLong(line.replaceAll("\\D", ""));
          return Long.toString(kib / 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: no figure
    }
    return "n/a";
  }
}
