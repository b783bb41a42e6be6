package weka.superposition.commands;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import weka.core.Utils;
import weka.superposition.analysis.Statistics;
import weka.superposition.experiments.SparsitySweep;
import weka.superposition.experiments.SparsitySweep.Run;
import weka.superposition.report.SweepReport;

/**
 * The sparsity sweep from the command line: trains Elhage et al.'s toy model for each sparsity and
 * seed, prints a table and the timings, and writes the files of {@link SweepReport}.
 *
 * <p>Options: {@code -out <folder>} (default sweep), {@code -sparsities 0,0.5,...}, {@code -seeds
 * 3}, {@code -features 5}, {@code -bottleneck 2}, {@code -rows 102400}, {@code -epochs 100}, {@code
 * -mini-batch-size 1024}, {@code -learning-rate 0.001}, {@code -importance-decay 0.9}.
 */
public final class SparsitySweepCommand {

  private SparsitySweepCommand() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(option(args, "out", "sweep"));
    String list = Utils.getOption("sparsities", args);
    double[] sparsities =
        list.isEmpty()
            ? SweepReport.DEFAULT_SPARSITIES
            : Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    SparsitySweep.Settings s =
        new SparsitySweep.Settings(
            Integer.parseInt(option(args, "features", "5")),
            Integer.parseInt(option(args, "bottleneck", "2")),
            sparsities,
            Integer.parseInt(option(args, "seeds", "3")),
            Integer.parseInt(option(args, "rows", "102400")),
            Integer.parseInt(option(args, "epochs", "100")),
            Integer.parseInt(option(args, "mini-batch-size", "1024")),
            Double.parseDouble(option(args, "learning-rate", "0.001")),
            Double.parseDouble(option(args, "importance-decay", "0.9")));
    Utils.checkForRemainingOptions(args);

    long start = System.nanoTime();
    List<Run> runs =
        SparsitySweep.run(
            s,
            (run, done, total) ->
                System.err.printf(
                    Locale.ROOT,
                    "[sweep] %d/%d: S = %s, seed %d: ||W_i|| %s, %.2f s%n",
                    done,
                    total,
                    run.sparsity(),
                    run.seed(),
                    SweepReport.formatted(run.norms()),
                    run.seconds()));
    double sweepSeconds = (System.nanoTime() - start) / 1e9;
    List<Path> files = SweepReport.write(s, runs, out);

    System.out.println(SweepReport.table(runs));
    System.out.printf(
        Locale.ROOT,
        "seconds for one toy-model run (%d -> %d, batch %d, %d " + "steps): %.2f (median)%n",
        s.features(),
        s.bottleneck(),
        s.miniBatchSize(),
        SweepReport.steps(s),
        Statistics.median(runs.stream().mapToDouble(Run::seconds).toArray()));
    System.out.printf(
        Locale.ROOT, "seconds for the whole sweep (%d runs): %.1f%n", runs.size(), sweepSeconds);
    System.out.println("written: " + files);
  }

  private static String option(String[] args, String name, String fallback) throws Exception {
    String value = Utils.getOption(name, args);
    return value.isEmpty() ? fallback : value;
  }
}
