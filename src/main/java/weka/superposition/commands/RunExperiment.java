package weka.superposition.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import weka.superposition.pipeline.Console;
import weka.superposition.pipeline.ExperimentPipeline;

/**
 * The main job in one process (examples/run-experiment.sh calls it): MNIST read once, phase 1, the
 * activations and phase 2 for each seed, REPORT.md.
 *
 * <p>Usage: {@code RunExperiment [--seed N | --seeds N] [--out DIR] [--epochs1 N] [--epochs2 N]
 * [--data DIR] [--write-intermediates] [--no-study] [--quiet]}
 */
public final class RunExperiment {

  private RunExperiment() {}

  public static void main(String[] args) throws Exception {
    List<Integer> seeds = List.of(1);
    Path out = Path.of("work", "experiment");
    Path data = Path.of("examples", "data");
    int epochs1 = 10;
    int epochs2 = 20;
    boolean intermediates = false;
    boolean study = true;
    boolean quiet = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--write-intermediates")) {
        intermediates = true;
        continue;
      }
      if (option.equals("--no-study")) {
        study = false;
        continue;
      }
      if (option.equals("--quiet")) {
        quiet = true;
        continue;
      }
      if (i + 1 >= args.length) {
        usage("option " + option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--seed" -> seeds = List.of(Integer.parseInt(value));
        case "--seeds" -> {
          List<Integer> all = new ArrayList<>();
          for (int s = 1; s <= Integer.parseInt(value); s++) {
            all.add(s);
          }
          seeds = all;
        }
        case "--out" -> out = Path.of(value);
        case "--data" -> data = Path.of(value);
        case "--epochs1" -> epochs1 = Integer.parseInt(value);
        case "--epochs2" -> epochs2 = Integer.parseInt(value);
        default -> usage("unknown option " + option);
      }
    }
    new ExperimentPipeline(
            new ExperimentPipeline.Settings(seeds, out, epochs1, epochs2, data, intermediates),
            study ? ExperimentPipeline.seedSteps() : ExperimentPipeline.notebookSteps(),
            Console.standardOutput(quiet))
        .run();
    // TensorFlow's and the background threads are daemons, but Weka may leave others
    System.exit(0);
  }

  private static void usage(String problem) {
    System.err.println(
        "RunExperiment: "
            + problem
            + "\nUsage: RunExperiment [--seed N | --seeds N] [--out DIR] [--epochs1 N] "
            + "[--epochs2 N] [--data DIR] [--write-intermediates] [--no-study] [--quiet]");
    System.exit(2);
  }
}
