package weka.superposition.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import weka.superposition.autoencoder.ToyTraining;
import weka.superposition.charts.ChartImages;
import weka.superposition.charts.SweepCharts;
import weka.superposition.experiments.SparsitySweep;
import weka.superposition.experiments.SparsitySweep.Run;
import weka.superposition.experiments.ToySweep;
import weka.superposition.io.AtomicFiles;
import weka.superposition.io.JsonFiles;

/**
 * The sparsity sweep's results as a table, {@code sweep.json}, {@code sweep.csv}, one PNG per
 * sparsity (the W_i of seed 1 and their norms) and {@code dimensions-per-feature.png}.
 */
public final class SweepReport {

  /** What sweep.json holds. */
  private record SavedSweep(SavedSettings settings, long steps, List<Run> runs) {}

  /**
   * The sweep's settings as sweep.json has always stated them: its sparsities and their one
   * importance decay in place of the cells, the training flat among them.
   */
  private record SavedSettings(
      int features,
      int bottleneck,
      double[] sparsities,
      int seeds,
      @JsonUnwrapped ToyTraining training,
      double importanceDecay) {

    static SavedSettings of(ToySweep.Settings s) {
      return new SavedSettings(
          s.features(),
          s.bottleneck(),
          SparsitySweep.sparsities(s),
          s.seeds(),
          s.training(),
          SparsitySweep.importanceDecay(s));
    }
  }

  public static final double[] DEFAULT_SPARSITIES = {0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99};

  private SweepReport() {}

  /** Adam steps per run. */
  public static long steps(ToySweep.Settings s) {
    return s.training().steps();
  }

  /** Values with two decimals, as a list. */
  public static String formatted(double[] values) {
    return Arrays.stream(values)
        .mapToObj(v -> String.format(Locale.ROOT, "%.2f", v))
        .toList()
        .toString();
  }

  /** A plain-text table: one line per run. */
  public static String table(List<Run> runs) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%8s %5s %10s %10s  %s%n",
                "S",
                "seed",
                "1/(1-S)",
                "dims/feat",
                "||W_i||"));
    for (Run run : runs) {
      text.append(
          String.format(
              Locale.ROOT,
              "%8s %5d %10.1f %10.3f  %s%n",
              run.sparsity(),
              run.seed(),
              run.inverseDensity(),
              run.dimensionsPerFeature(),
              formatted(run.norms())));
    }
    return text.toString();
  }

  /** Writes the JSON, the CSV and the PNGs; returns the files. */
  public static List<Path> write(ToySweep.Settings s, List<Run> runs, Path out) throws Exception {
    List<Path> files = new ArrayList<>();
    StringBuilder csv =
        new StringBuilder(
            "sparsity,seed,inverse_density,dimensions_per_feature," + "final_loss,seconds");
    for (int i = 1; i <= s.features(); i++) {
      csv.append(",norm_x").append(i);
    }
    csv.append('\n');
    for (Run run : runs) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%s,%s,%s,%s",
              run.sparsity(),
              run.seed(),
              run.inverseDensity(),
              run.dimensionsPerFeature(),
              run.finalLoss(),
              run.seconds()));
      for (double norm : run.norms()) {
        csv.append(',').append(norm);
      }
      csv.append('\n');
    }
    String json = JsonFiles.write(new SavedSweep(SavedSettings.of(s), steps(s), runs));
    files.add(out.resolve("sweep.json"));
    AtomicFiles.write(
        files.get(files.size() - 1), part -> Files.writeString(part, json, StandardCharsets.UTF_8));
    files.add(out.resolve("sweep.csv"));
    AtomicFiles.write(
        files.get(files.size() - 1),
        part -> Files.writeString(part, csv.toString(), StandardCharsets.UTF_8));
    for (Run run : runs) {
      if (run.seed() == 1) {
        files.add(out.resolve(String.format(Locale.ROOT, "sparsity-%s.png", run.sparsity())));
        ChartImages.writePng(
            ChartImages.grid(
                List.of(
                    SweepCharts.vectors(run, SparsitySweep.importanceDecay(s)),
                    SweepCharts.norms(run)),
                2,
                480,
                420),
            files.get(files.size() - 1));
      }
    }
    files.add(out.resolve("dimensions-per-feature.png"));
    ChartImages.writePng(
        ChartImages.grid(List.of(SweepCharts.dimensionsPerFeature(runs)), 1, 640, 460),
        files.get(files.size() - 1));
    return files;
  }
}
