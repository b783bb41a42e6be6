package weka.superposition.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import weka.superposition.analysis.ToyGeometry;
import weka.superposition.analysis.ToyGeometry.Phase;
import weka.superposition.charts.ChartImages;
import weka.superposition.charts.ToySweepCharts;
import weka.superposition.experiments.FeatureDimensionality;
import weka.superposition.experiments.PhaseDiagram;
import weka.superposition.experiments.SparsitySweep;
import weka.superposition.experiments.ToySweep;
import weka.superposition.io.AtomicFiles;
import weka.superposition.io.JsonFiles;

/**
 * The results of a toy-model sweep as files: the parts of a split sweep ({@code part-k-of-N.json}),
 * and, for the whole sweep, {@code <experiment>.json}, {@code <experiment>.csv}, the figure as PNG
 * and a text summary (the phase of every cell, or the features near each fraction).
 */
public final class ToySweepReport {

  /** What {@code <experiment>.json} holds. */
  public record SavedToySweep(ToySweep.Settings settings, List<ToySweep.Run> runs) {}

  private ToySweepReport() {}

  /** The file a shard's part goes to. */
  public static Path partFile(Path folder, ToySweep.Shard shard) {
    return folder.resolve(
        String.format(Locale.ROOT, "part-%d-of-%d.json", shard.index(), shard.count()));
  }

  public static void writePart(ToySweep.Part part, Path file) throws IOException {
    String json = JsonFiles.write(part);
    AtomicFiles.write(file, f -> Files.writeString(f, json, StandardCharsets.UTF_8));
  }

  public static ToySweep.Part readPart(Path file) throws IOException {
    return JsonFiles.read(Files.readString(file, StandardCharsets.UTF_8), ToySweep.Part.class);
  }

  /** One letter per phase, for the text grid. */
  private static char letter(Phase phase) {
    return switch (phase) {
      case FIRST_ONLY -> '1';
      case SUPERPOSITION -> 'S';
      case SECOND_ONLY -> '2';
      case NONE -> '.';
    };
  }

  /**
   * The summary: for a phase diagram the phase of every cell (seed 1), densest row first; for the
   * dimensionality experiment the number of features near each fraction per density; for the
   * sparsity sweep its table.
   */
  public static String summary(ToySweep.Settings s, List<ToySweep.Run> runs) {
    StringBuilder text = new StringBuilder();
    switch (s.experiment()) {
      case PhaseDiagram.EXPERIMENT -> {
        int size = (int) Math.round(Math.sqrt(s.cells().size()));
        text.append(
            "phase per cell (seed 1): 1 = only the first feature, S = both in superposition, "
                + "2 = only the extra feature, . = neither\n");
        text.append(
            "rows: density 1 - S from 1 (top) down; columns: relative importance 0.1 -> 10\n");
        char[][] grid = new char[size][size];
        for (ToySweep.Run run : runs) {
          if (run.seed() == 1) {
            grid[run.cell() / size][run.cell() % size] = letter(ToyGeometry.phase(run.vectors()));
          }
        }
        for (int d = size - 1; d >= 0; d--) {
          double density = 1 - s.cells().get(d * size).sparsity();
          text.append(String.format(Locale.ROOT, "%8.4f  %s%n", density, new String(grid[d])));
        }
      }
      case FeatureDimensionality.EXPERIMENT -> {
        text.append(String.format(Locale.ROOT, "%10s %8s", "1/(1-S)", "m/|W|^2"));
        for (String name : ToyGeometry.FRACTION_NAMES) {
          text.append(String.format(Locale.ROOT, " %5s", name));
        }
        text.append(String.format(Locale.ROOT, " %6s%n", "other"));
        int[] total = new int[ToyGeometry.FRACTIONS.length + 1];
        for (ToySweep.Run run : runs) {
          int[] counts = new int[ToyGeometry.FRACTIONS.length + 1];
          for (double d : ToyGeometry.dimensionality(run.vectors())) {
            int f = ToyGeometry.nearestFraction(d);
            counts[f < 0 ? counts.length - 1 : f]++;
          }
          double frobenius = 0;
          for (double norm : run.norms()) {
            frobenius += norm * norm;
          }
          text.append(
              String.format(
                  Locale.ROOT,
                  "%10.2f %8.3f",
                  1 / (1 - run.sparsity()),
                  s.bottleneck() / frobenius));
          for (int f = 0; f < counts.length; f++) {
            text.append(
                String.format(Locale.ROOT, f < counts.length - 1 ? " %5d" : " %6d", counts[f]));
            total[f] += counts[f];
          }
          text.append('\n');
        }
        text.append(String.format(Locale.ROOT, "%19s", "all"));
        for (int f = 0; f < total.length; f++) {
          text.append(String.format(Locale.ROOT, f < total.length - 1 ? " %5d" : " %6d", total[f]));
        }
        text.append(
            String.format(
                Locale.ROOT, "%n(features within %s of each fraction)%n", ToyGeometry.NEAR));
      }
      default -> text.append(SweepReport.table(SparsitySweep.runs(s, runs)));
    }
    return text.toString();
  }

  /** Writes the whole sweep's JSON, CSV, PNG and summary into {@code out}; returns the files. */
  public static List<Path> write(ToySweep.Settings s, List<ToySweep.Run> runs, Path out)
      throws Exception {
    Files.createDirectories(out);
    if (SparsitySweep.EXPERIMENT.equals(s.experiment())) {
      return SweepReport.write(s, SparsitySweep.runs(s, runs), out);
    }
    List<Path> files = new ArrayList<>();
    String name = s.experiment();
    String json = JsonFiles.write(new SavedToySweep(s, runs));
    files.add(out.resolve(name + ".json"));
    AtomicFiles.write(files.get(0), f -> Files.writeString(f, json, StandardCharsets.UTF_8));

    StringBuilder csv =
        new StringBuilder("job,cell,seed,sparsity,density,importance_decay,final_loss,seconds");
    for (int i = 1; i <= s.features(); i++) {
      csv.append(",norm_x").append(i);
    }
    boolean phase = PhaseDiagram.EXPERIMENT.equals(name);
    if (phase) {
      csv.append(",w_x1,w_x2,b_x1,b_x2,phase");
    } else {
      for (int i = 1; i <= s.features(); i++) {
        csv.append(",dimensionality_x").append(i);
      }
    }
    csv.append('\n');
    for (ToySweep.Run run : runs) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%d,%d,%d,%s,%s,%s,%s,%s",
              run.job(),
              run.cell(),
              run.seed(),
              run.sparsity(),
              1 - run.sparsity(),
              run.importanceDecay(),
              run.finalLoss(),
              run.seconds()));
      for (double norm : run.norms()) {
        csv.append(',').append(norm);
      }
      if (phase && run.vectors()[0].length == 1) {
        csv.append(',').append(run.vectors()[0][0]).append(',').append(run.vectors()[1][0]);
        csv.append(',').append(run.bias()[0]).append(',').append(run.bias()[1]);
        csv.append(',').append(ToyGeometry.phase(run.vectors()));
      } else if (!phase) {
        for (double d : ToyGeometry.dimensionality(run.vectors())) {
          csv.append(',').append(d);
        }
      }
      csv.append('\n');
    }
    files.add(out.resolve(name + ".csv"));
    AtomicFiles.write(
        files.get(1), f -> Files.writeString(f, csv.toString(), StandardCharsets.UTF_8));

    files.add(out.resolve(name + ".png"));
    ChartImages.writePng(
        ChartImages.grid(
            List.of(
                phase
                    ? ToySweepCharts.phaseDiagram(s, runs)
                    : ToySweepCharts.dimensionality(s, runs)),
            1,
            phase ? 720 : 860,
            phase ? 640 : 560),
        files.get(2));

    String summary = summary(s, runs);
    files.add(out.resolve(name + "-summary.txt"));
    AtomicFiles.write(files.get(3), f -> Files.writeString(f, summary, StandardCharsets.UTF_8));
    return files;
  }
}
