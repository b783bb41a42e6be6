package weka.superposition.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import weka.core.converters.ConverterUtils.DataSource;
import weka.superposition.describe.AnalysisReport;
import weka.superposition.describe.ClassifierReport;
import weka.tensorflow.EpochRecord;

/**
 * Prints the benchmark of a finished {@code examples/run-experiment.sh} run, one figure a line:
 * ARFF load time, phase-1 seconds per epoch, phase-2 seconds per epoch without and with the
 * analysis, the experiment's total time, the peak RSS after each step, and the main job's peak RSS
 * against its target.
 *
 * <p>Usage: {@code ExperimentBenchmark <experiment folder> <train.arff>}
 */
public final class ExperimentBenchmark {

  private ExperimentBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    long start = System.nanoTime();
    int rows = DataSource.read(args[1]).numInstances();
    System.out.printf(
        Locale.ROOT,
        "ARFF load seconds (%d rows, Weka's ArffLoader): %.2f%n",
        rows,
        (System.nanoTime() - start) / 1e9);

    Path seed = out.resolve("seed-1");
    List<EpochRecord> phase1 =
        ClassifierReport.read(seed.resolve("phase1.json")).epochs().stream()
            .map(e -> new EpochRecord(e.epoch(), e.loss(), e.seconds()))
            .toList();
    System.out.printf(
        Locale.ROOT,
        "phase-1 seconds per epoch (median of 2..n): %.3f%n",
        ClassifierBenchmark.medianEpochSeconds(phase1));
    AnalysisReport.Saved phase2 =
        AnalysisReport.fromJson(Files.readString(seed.resolve("report.json")));
    double perEpoch = ClassifierBenchmark.medianEpochSeconds(phase2.history());
    double analysisSeconds = phase2.timing().analysisSeconds();
    int analyses = Math.max(1, phase2.epochAnalyses().size());
    System.out.printf(
        Locale.ROOT, "phase-2 seconds per epoch without analysis (median): %.3f%n", perEpoch);
    System.out.printf(
        Locale.ROOT,
        "phase-2 seconds per epoch with analysis: %.3f%n",
        perEpoch + analysisSeconds / analyses);
    String peakKib = "n/a";
    for (String line : Files.readAllLines(out.resolve("timings.tsv"))) {
      String[] f = line.split("\t");
      if (f[0].equals("total")) {
        System.out.printf(Locale.ROOT, "experiment total seconds (data prepared): %s%n", f[1]);
        peakKib = f[2];
      } else if (!f[0].equals("step")) {
        System.out.printf(
            Locale.ROOT,
            "%s: %s s, peak RSS %s MiB%n",
            f[0],
            f[1],
            f[2].equals("n/a") ? "n/a" : Long.toString(Long.parseLong(f[2]) / 1024));
      }
    }
    System.out.println(peakLine(peakKib));
  }

  /** The main job's target peak RSS (README "Memory"), in GB of 10^9 bytes. */
  static final double PEAK_RSS_TARGET_GB = 0.75;

  /** The main job's peak RSS (the process's, in KiB, or "n/a") against the target, one line. */
  static String peakLine(String peakKib) {
    if (peakKib.equals("n/a")) {
      return "main job peak RSS: n/a (no /proc on this system)";
    }
    double gb = Long.parseLong(peakKib) * 1024 / 1e9;
    return String.format(
        Locale.ROOT,
        "main job peak RSS: %.2f GB (%s KiB), target %.2f GB: %s",
        gb,
        peakKib,
        PEAK_RSS_TARGET_GB,
        gb <= PEAK_RSS_TARGET_GB ? "met" : "over");
  }
}
