package weka.superposition.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import weka.core.Utils;
import weka.superposition.autoencoder.SparsitySweep;
import weka.superposition.autoencoder.SparsitySweep.Run;
import weka.superposition.charts.ChartImages;
import weka.superposition.charts.SweepCharts;
import weka.superposition.io.AtomicFiles;

/**
 * The sparsity sweep from the command line: trains Elhage et al.'s toy model for each sparsity
 * and seed, prints a table and the timings, and writes {@code sweep.json}, {@code sweep.csv}, one
 * PNG per sparsity (the W_i of seed 1 and their norms) and {@code dimensions-per-feature.png}.
 *
 * <p>Options: {@code -out <folder>} (default sweep), {@code -sparsities 0,0.5,...}, {@code -seeds
 * 3}, {@code -features 5}, {@code -bottleneck 2}, {@code -rows 102400}, {@code -epochs 100},
 * {@code -mini-batch-size 1024}, {@code -learning-rate 0.001}, {@code -importance-decay 0.9}.
 */
public final class SweepReport {

  /** What sweep.json holds. */
  public record SavedSweep(SparsitySweep.Settings settings, long steps, List<Run> runs) {
  }

  static final double[] DEFAULT_SPARSITIES = {0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99};

  private SweepReport() {
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(option(args, "out", "sweep"));
    String list = Utils.getOption("sparsities", args);
    double[] sparsities = list.isEmpty() ? DEFAULT_SPARSITIES
        : Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    SparsitySweep.Settings s = new SparsitySweep.Settings(
        Integer.parseInt(option(args, "features", "5")),
        Integer.parseInt(option(args, "bottleneck", "2")), sparsities,
        Integer.parseInt(option(args, "seeds", "3")),
        Integer.parseInt(option(args, "rows", "102400")),
        Integer.parseInt(option(args, "epochs", "100")),
        Integer.parseInt(option(args, "mini-batch-size", "1024")),
        Double.parseDouble(option(args, "learning-rate", "0.001")),
        Double.parseDouble(option(args, "importance-decay", "0.9")));
    Utils.checkForRemainingOptions(args);

    long start = System.nanoTime();
    List<Run> runs = SparsitySweep.run(s, (run, done, total) -> System.err.printf(Locale.ROOT,
        "[sweep] %d/%d: S = %s, seed %d: ||W_i|| %s, %.2f s%n", done, total, run.sparsity(),
        run.seed(), formatted(run.norms()), run.seconds()));
    double sweepSeconds = (System.nanoTime() - start) / 1e9;
    List<Path> files = write(s, runs, out);

    System.out.println(table(runs));
    System.out.printf(Locale.ROOT, "seconds for one toy-model run (%d -> %d, batch %d, %d "
        + "steps): %.2f (median)%n", s.features(), s.bottleneck(), s.miniBatchSize(),
        steps(s), median(runs.stream().mapToDouble(Run::seconds).toArray()));
    System.out.printf(Locale.ROOT, "seconds for the whole sweep (%d runs): %.1f%n", runs.size(),
        sweepSeconds);
    System.out.println("written: " + files);
  }

  private static String option(String[] args, String name, String fallback) throws Exception {
    String value = Utils.getOption(name, args);
    return value.isEmpty() ? fallback : value;
  }

  static long steps(SparsitySweep.Settings s) {
    return (long) s.epochs() * ((s.rows() + s.miniBatchSize() - 1) / s.miniBatchSize());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static String formatted(double[] values) {
    return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v)).toList()
        .toString();
  }

  /** A plain-text table: one line per run. */
  static String table(List<Run> runs) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%8s %5s %10s %10s  %s%n",
        "S", "seed", "1/(1-S)", "dims/feat", "||W_i||"));
    for (Run run : runs) {
      text.append(String.format(Locale.ROOT, "%8s %5d %10.1f %10.3f  %s%n", run.sparsity(),
          run.seed(), run.inverseDensity(), run.dimensionsPerFeature(), formatted(run.norms())));
    }
    return text.toString();
  }

  /** Writes the JSON, the CSV and the PNGs; returns the files. */
  public static List<Path> write(SparsitySweep.Settings s, List<Run> runs, Path out)
      throws Exception {
    List<Path> files = new ArrayList<>();
    StringBuilder csv = new StringBuilder("sparsity,seed,inverse_density,dimensions_per_feature,"
        + "final_loss,seconds");
    for (int i = 1; i <= s.features(); i++) {
      csv.append(",norm_x").append(i);
    }
    csv.append('\n');
    for (Run run : runs) {
      csv.append(String.format(Locale.ROOT, "%s,%d,%s,%s,%s,%s", run.sparsity(), run.seed(),
          run.inverseDensity(), run.dimensionsPerFeature(), run.finalLoss(), run.seconds()));
      for (double norm : run.norms()) {
        csv.append(',').append(norm);
      }
      csv.append('\n');
    }
    String json = JsonFiles.write(new SavedSweep(s, steps(s), runs));
    files.add(out.resolve("sweep.json"));
    AtomicFiles.write(files.get(files.size() - 1),
        part -> Files.writeString(part, json, StandardCharsets.UTF_8));
    files.add(out.resolve("sweep.csv"));
    AtomicFiles.write(files.get(files.size() - 1),
        part -> Files.writeString(part, csv.toString(), StandardCharsets.UTF_8));
    for (Run run : runs) {
      if (run.seed() == 1) {
        files.add(out.resolve(String.format(Locale.ROOT, "sparsity-%s.png", run.sparsity())));
        ChartImages.writePng(ChartImages.grid(List.of(SweepCharts.vectors(run,
            s.importanceDecay()), SweepCharts.norms(run)), 2, 480, 420),
            files.get(files.size() - 1));
      }
    }
    files.add(out.resolve("dimensions-per-feature.png"));
    ChartImages.writePng(ChartImages.grid(List.of(SweepCharts.dimensionsPerFeature(runs)), 1, 640,
        460), files.get(files.size() - 1));
    return files;
  }
}
