package weka.superposition.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import weka.superposition.io.AtomicFiles;
import weka.superposition.report.ExperimentReport;

/**
 * The seed experiment in one process: MNIST is read once, then for each seed the {@link Step}s of
 * {@link #seedSteps()} run in order (phase 1, the hidden activations, phase 2, the hidden units'
 * weights as images, the convergence study, the sparse dictionaries) through the package's Weka
 * classes, passing their results in memory; the plots are drawn in the background; {@code
 * REPORT.md} is written from the seed folders at the end. {@code timings.tsv} has each step's
 * seconds and the process's peak RSS after it.
 */
public final class ExperimentPipeline {

  /**
   * What to run.
   *
   * @param seeds the seeds, one run (and folder seed-N) each
   * @param out the output folder
   * @param data the folder with MNIST (see {@link MnistFiles})
   * @param writeIntermediates also write the hidden activations as ARFF
   */
  public record Settings(
      List<Integer> seeds,
      Path out,
      int epochs1,
      int epochs2,
      Path data,
      boolean writeIntermediates) {}

  private final Settings settings;
  private final List<Step> steps;
  private final Console console;

  public ExperimentPipeline(Settings settings, List<Step> steps, Console console) {
    this.settings = settings;
    this.steps = List.copyOf(steps);
    this.console = console;
  }

  /** The steps of each seed's run, in order. */
  public static List<Step> seedSteps() {
    return List.of(
        SeedSteps.PHASE1,
        SeedSteps.ACTIVATIONS,
        SeedSteps.PHASE2,
        SeedSteps.HIDDEN_WEIGHTS,
        SeedSteps.STUDY,
        SeedSteps.DICTIONARY);
  }

  /** The notebook's own steps alone, without the convergence study (for the PyTorch comparison). */
  public static List<Step> notebookSteps() {
    return List.of(
        SeedSteps.PHASE1, SeedSteps.ACTIVATIONS, SeedSteps.PHASE2, SeedSteps.HIDDEN_WEIGHTS);
  }

  /** Runs every seed and writes REPORT.md; returns its path. */
  public Path run() throws Exception {
    long start = System.nanoTime();
    Files.createDirectories(settings.out());
    List<String> timings = new ArrayList<>();
    timings.add("step\tseconds\tpeak_rss_kib");

    long stepStart = System.nanoTime();
    MnistFiles data = MnistFiles.read(settings.data());
    say(
        "MNIST read once: %d training and %d test rows (%s)",
        data.train().numInstances(), data.test().numInstances(), data.source());
    timings.add(timing("data", stepStart));

    try (Background background = new Background()) {
      for (int seed : settings.seeds()) {
        Path folder = settings.out().resolve("seed-" + seed);
        deleteTree(folder);
        Files.createDirectories(folder);
        SeedRun run = new SeedRun(settings, seed, folder, data, background, console);
        for (Step step : steps) {
          say("seed %d: %s", seed, step.description(run));
          stepStart = System.nanoTime();
          step.run(run);
          timings.add(timing("seed-" + seed + " " + step.name(), stepStart));
        }
      }
      stepStart = System.nanoTime();
      background.finish();
      timings.add(timing("plots (waited for)", stepStart));
    }
    Path report = settings.out().resolve("REPORT.md");
    List<ExperimentReport.SeedResults> runs = ExperimentReport.readRuns(settings.out());
    String text = ExperimentReport.write(runs);
    AtomicFiles.write(report, part -> Files.writeString(part, text, StandardCharsets.UTF_8));
    timings.add(timing("total", start));
    AtomicFiles.write(
        settings.out().resolve("timings.tsv"),
        part -> Files.write(part, timings, StandardCharsets.UTF_8));
    console.result("");
    console.result("The report: " + report);
    for (String line : ExperimentReport.headline(runs)) {
      console.result("  " + line);
    }
    console.result(
        String.format(Locale.ROOT, "Done in %.1f s.", (System.nanoTime() - start) / 1e9));
    return report;
  }

  private void say(String format, Object... args) {
    console.step(String.format(Locale.ROOT, format, args));
  }

  /** A timings.tsv line: the step, its seconds, the process's peak RSS so far. */
  private static String timing(String step, long start) {
    return String.format(
        Locale.ROOT, "%s\t%.2f\t%s", step, (System.nanoTime() - start) / 1e9, peakRssKib());
  }

  /** VmHWM of this process in KiB (Linux), or "n/a". */
  public static String peakRssKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return line.replaceAll("\\D", "");
        }
      }
    } catch (IOException e) {
      // not Linux: no figure
    }
    return "n/a";
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
