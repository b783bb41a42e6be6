package weka.superposition.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import weka.core.Utils;
import weka.superposition.analysis.Statistics;
import weka.superposition.autoencoder.ToyTraining;
import weka.superposition.experiments.FeatureDimensionality;
import weka.superposition.experiments.PhaseDiagram;
import weka.superposition.experiments.SparsitySweep;
import weka.superposition.experiments.ToySweep;
import weka.superposition.report.SweepReport;
import weka.superposition.report.ToySweepReport;

/**
 * The toy-model sweeps from the command line, trained as the paper's code trains them: the phase
 * diagram, the feature-dimensionality experiment and the sparsity sweep. A sweep runs on all local
 * cores ({@code -threads}); with {@code -shard k/N} it runs only its k-th part and writes {@code
 * part-k-of-N.json}, and {@code -merge DIR} builds the table and figures from the parts in DIR.
 *
 * <p>Options: {@code -experiment phase-diagram|feature-dimensionality|sparsity-sweep}, {@code -out
 * DIR}, {@code -shard k/N}, {@code -merge DIR}, {@code -threads N}, {@code -seeds N}, {@code -steps
 * 10000}, {@code -mini-batch-size 1024}, {@code -learning-rate 0.001}, {@code -weight-decay 0.01};
 * phase diagram: {@code -grid 20}; dimensionality: {@code -features 200 -bottleneck 20 -levels 20};
 * sparsity sweep: {@code -sparsities 0,0.5,...}, {@code -features 5 -bottleneck 2 -importance-decay
 * 0.9}.
 */
public final class ToySweepCommand {

  private ToySweepCommand() {}

  public static void main(String[] args) throws Exception {
    String mergeFrom = Utils.getOption("merge", args);
    String experiment = option(args, "experiment", PhaseDiagram.EXPERIMENT);
    Path out = Path.of(option(args, "out", mergeFrom.isEmpty() ? experiment : mergeFrom));
    ToySweep.Shard shard = ToySweep.Shard.parse(option(args, "shard", "1/1"));
    int threads = Integer.parseInt(option(args, "threads", "" + ToySweep.defaultThreads()));
    if (!mergeFrom.isEmpty()) {
      Utils.checkForRemainingOptions(args);
      merge(Path.of(mergeFrom), out);
      return;
    }
    ToySweep.Settings s = settings(experiment, args);
    Utils.checkForRemainingOptions(args);

    long start = System.nanoTime();
    List<ToySweep.Run> runs =
        ToySweep.run(
            s,
            shard,
            threads,
            (run, done, total) ->
                System.err.printf(
                    Locale.ROOT,
                    "[%s] %d/%d: job %d (S = %s, r = %s, seed %d): %.2f s%n",
                    s.experiment(),
                    done,
                    total,
                    run.job(),
                    run.sparsity(),
                    run.importanceDecay(),
                    run.seed(),
                    run.seconds()));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: %d runs (%d -> %d, %d steps of %d, shard %s, %d threads) in %.1f s; one run: %.2f s"
            + " (median)%n",
        s.experiment(),
        runs.size(),
        s.features(),
        s.bottleneck(),
        s.training().steps(),
        s.training().batchSize(),
        shard,
        threads,
        seconds,
        Statistics.median(runs.stream().mapToDouble(ToySweep.Run::seconds).toArray()));
    Files.createDirectories(out);
    if (shard.count() > 1) {
      Path file = ToySweepReport.partFile(out, shard);
      ToySweepReport.writePart(new ToySweep.Part(s, shard, runs), file);
      System.out.println("written: " + file);
    } else {
      report(s, runs, out);
    }
  }

  private static void merge(Path folder, Path out) throws Exception {
    List<ToySweep.Part> parts = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file :
          files
              .filter(f -> f.getFileName().toString().matches("part-\\d+-of-\\d+\\.json"))
              .sorted()
              .toList()) {
        parts.add(ToySweepReport.readPart(file));
      }
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("No part-k-of-N.json files in " + folder);
    }
    List<ToySweep.Run> runs = ToySweep.merge(parts);
    report(parts.get(0).settings(), runs, out);
  }

  private static void report(ToySweep.Settings s, List<ToySweep.Run> runs, Path out)
      throws Exception {
    List<Path> files = ToySweepReport.write(s, runs, out);
    System.out.print(ToySweepReport.summary(s, runs));
    System.out.println("written: " + files);
  }

  static ToySweep.Settings settings(String experiment, String[] args) throws Exception {
    int seeds = Integer.parseInt(option(args, "seeds", "1"));
    ToyTraining training = training(args);
    return switch (experiment) {
      case PhaseDiagram.EXPERIMENT ->
          PhaseDiagram.settings(Integer.parseInt(option(args, "grid", "20")), seeds, training);
      case FeatureDimensionality.EXPERIMENT ->
          FeatureDimensionality.settings(
              Integer.parseInt(option(args, "features", "200")),
              Integer.parseInt(option(args, "bottleneck", "20")),
              Integer.parseInt(option(args, "levels", "20")),
              seeds,
              training);
      case SparsitySweep.EXPERIMENT -> {
        String list = Utils.getOption("sparsities", args);
        double[] sparsities =
            list.isEmpty()
                ? SweepReport.DEFAULT_SPARSITIES
                : Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
        yield SparsitySweep.settings(
            Integer.parseInt(option(args, "features", "5")),
            Integer.parseInt(option(args, "bottleneck", "2")),
            sparsities,
            seeds,
            training,
            Double.parseDouble(option(args, "importance-decay", "0.9")));
      }
      default ->
          throw new IllegalArgumentException(
              "Unknown experiment '"
                  + experiment
                  + "': phase-diagram, feature-dimensionality or sparsity-sweep");
    };
  }

  /** The training options, the paper's training where they are not given. */
  static ToyTraining training(String[] args) throws Exception {
    ToyTraining paper = ToyTraining.PAPER;
    return new ToyTraining(
        Integer.parseInt(option(args, "steps", "" + paper.steps())),
        Integer.parseInt(option(args, "mini-batch-size", "" + paper.batchSize())),
        Double.parseDouble(option(args, "learning-rate", "" + paper.learningRate())),
        Double.parseDouble(option(args, "weight-decay", "" + paper.weightDecay())));
  }

  static String option(String[] args, String name, String fallback) throws Exception {
    String value = Utils.getOption(name, args);
    return value.isEmpty() ? fallback : value;
  }
}
