package weka.superposition.experiments;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import weka.superposition.analysis.AutoencoderWeights;
import weka.superposition.analysis.ToyImportances;
import weka.superposition.autoencoder.FreshBatchTraining;
import weka.superposition.autoencoder.ToyTraining;
import weka.superposition.data.Seeds;
import weka.superposition.data.SparseSampling;

/**
 * Many toy models, each trained as the paper's code trains them (fresh batches, AdamW), over a grid
 * of cells (a sparsity and an importance decay r, I_i = r^i) and seeds: the engine of the sparsity
 * sweep, the phase diagram and the feature-dimensionality experiment.
 *
 * <p>Job j is cell j / seeds with seed j % seeds + 1, and all of its randomness (initial weights,
 * every batch) comes from one generator seeded by (cell, seed) alone. So a run's result does not
 * depend on which thread, process or machine runs it, nor on what ran before: the jobs can be split
 * into shards ({@code -shard k/N}: the jobs j with j % N = k - 1) and the parts merged, bit for bit
 * the unsplit result. Only the measured seconds differ.
 */
public final class ToySweep {

  private ToySweep() {}

  /** One point of the grid: the features' sparsity S and the importance decay r (I_i = r^i). */
  public record Cell(double sparsity, double importanceDecay) implements Serializable {}

  /**
   * A sweep.
   *
   * @param experiment its name, so that parts of different sweeps are never merged
   * @param training how every run is trained; its values stand flat among the others in the JSON
   *     files, so that parts written before it was a record of its own still merge
   */
  public record Settings(
      String experiment,
      int features,
      int bottleneck,
      List<Cell> cells,
      int seeds,
      @JsonUnwrapped ToyTraining training)
      implements Serializable {

    public Settings {
      cells = List.copyOf(cells);
      if (features < 1 || bottleneck < 1 || seeds < 1) {
        throw new IllegalArgumentException(
            "features, bottleneck and seeds must be at least 1, not "
                + features
                + ", "
                + bottleneck
                + ", "
                + seeds);
      }
      for (Cell cell : cells) {
        if (!(cell.sparsity() >= 0 && cell.sparsity() < 1)) {
          throw new IllegalArgumentException("Sparsity must be in [0, 1), not " + cell.sparsity());
        }
      }
    }

    public int jobs() {
      return cells.size() * seeds;
    }
  }

  /**
   * One trained toy model.
   *
   * @param vectors W_i per feature (bottleneck values each)
   * @param norms ||W_i|| per feature
   * @param bias b_i per feature
   * @param finalLoss the mean loss of the last 1 % of the steps, the paper's loss (mean over batch
   *     and features)
   * @param seconds wall time of the run (the only value that differs between repeats)
   */
  public record Run(
      int job,
      int cell,
      int seed,
      double sparsity,
      double importanceDecay,
      double[][] vectors,
      double[] norms,
      double[] bias,
      double finalLoss,
      double seconds)
      implements Serializable {}

  /** A part of the jobs: shard {@code index} of {@code count}, 1-based. */
  public record Shard(int index, int count) implements Serializable {

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
      if (count < 1 || index < 1 || index > count) {
        throw new IllegalArgumentException(
            "A shard is k/N with 1 <= k <= N, not " + index + "/" + count);
      }
    }

    /** Reads "k/N". */
    public static Shard parse(String text) {
      String[] parts = text.trim().split("/");
      try {
        if (parts.length == 2) {
          return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }
      } catch (NumberFormatException e) {
        // the message below says what was expected
      }
      throw new IllegalArgumentException("A shard is k/N, e.g. 2/4, not '" + text + "'");
    }

    public boolean owns(int job) {
      return job % count == index - 1;
    }

    @Override
    public String toString() {
      return index + "/" + count;
    }
  }

  /** What one process of a split sweep writes: its settings, its shard and its runs. */
  public record Part(Settings settings, Shard shard, List<Run> runs) implements Serializable {}

  /** Told of every finished run, in the order they finish. */
  @FunctionalInterface
  public interface Progress {
    void runDone(Run run, int done, int total) throws Exception;
  }

  /** Threads for local runs by default: one per core. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Trains the jobs of {@code shard} on {@code threads} threads (one TensorFlow thread each).
   *
   * @return the runs in job order
   * @throws InterruptedException if interrupted; the runs under way stop at their next step
   */
  public static List<Run> run(Settings s, Shard shard, int threads, Progress progress)
      throws Exception {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    List<Integer> jobs = new ArrayList<>();
    for (int j = 0; j < s.jobs(); j++) {
      if (shard.owns(j)) {
        jobs.add(j);
      }
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(threads, Math.max(1, jobs.size())));
    Object lock = new Object();
    int[] done = {0};
    try {
      List<Future<Run>> futures = new ArrayList<>();
      for (int job : jobs) {
        futures.add(
            pool.submit(
                () -> {
                  Run run = train(s, job);
                  synchronized (lock) {
                    progress.runDone(run, ++done[0], jobs.size());
                  }
                  return run;
                }));
      }
      List<Run> runs = new ArrayList<>();
      for (Future<Run> future : futures) {
        try {
          runs.add(future.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Exception cause) {
            throw cause;
          }
          throw e;
        }
      }
      return runs;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The generator of all randomness of (cell, seed): initial weights, then every batch. */
  static Random random(int cell, int seed) {
    return new Random(Seeds.sweepRun(cell, seed));
  }

  /** Trains job {@code job} of {@code s}. */
  public static Run train(Settings s, int job) throws InterruptedException {
    if (job < 0 || job >= s.jobs()) {
      throw new IllegalArgumentException("No job " + job + " in a sweep of " + s.jobs());
    }
    int cellIndex = job / s.seeds();
    int seed = job % s.seeds() + 1;
    Cell cell = s.cells().get(cellIndex);
    Random random = random(cellIndex, seed);
    long start = System.nanoTime();
    FreshBatchTraining.Result result =
        FreshBatchTraining.train(
            s.bottleneck(),
            ToyImportances.of(s.features(), cell.importanceDecay()),
            s.training(),
            random,
            rows -> SparseSampling.sample(rows, s.features(), cell.sparsity(), random));
    double seconds = (System.nanoTime() - start) / 1e9;
    AutoencoderWeights.FeatureGeometry geometry = result.weights().featureGeometry();
    return new Run(
        job,
        cellIndex,
        seed,
        cell.sparsity(),
        cell.importanceDecay(),
        geometry.vectors(),
        geometry.norms(),
        geometry.bias(),
        result.finalLoss(),
        seconds);
  }

  /**
   * The runs of a split sweep, in job order, from its parts.
   *
   * @throws IllegalArgumentException if the parts are of different sweeps or splits, or a job is
   *     missing or twice
   */
  public static List<Run> merge(List<Part> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("No parts to merge");
    }
    Settings settings = parts.get(0).settings();
    int count = parts.get(0).shard().count();
    List<Run> runs = new ArrayList<>();
    for (Part part : parts) {
      if (!part.settings().equals(settings)) {
        throw new IllegalArgumentException(
            "Part " + part.shard() + " is of another sweep: " + part.settings());
      }
      if (part.shard().count() != count) {
        throw new IllegalArgumentException(
            "Part "
                + part.shard()
                + " is of a split into "
                + part.shard().count()
                + ", not "
                + count);
      }
      for (Run run : part.runs()) {
        if (!part.shard().owns(run.job())) {
          throw new IllegalArgumentException(
              "Part " + part.shard() + " holds job " + run.job() + ", which is not its own");
        }
      }
      runs.addAll(part.runs());
    }
    runs.sort(Comparator.comparingInt(Run::job));
    for (int j = 0; j < settings.jobs(); j++) {
      if (j >= runs.size() || runs.get(j).job() != j) {
        throw new IllegalArgumentException(
            "Job "
                + j
                + " (cell "
                + j / settings.seeds()
                + ", seed "
                + (j % settings.seeds() + 1)
                + ") is missing or appears twice: merge all "
                + count
                + " parts, each once");
      }
    }
    if (runs.size() != settings.jobs()) {
      throw new IllegalArgumentException("A job appears twice: merge each part once");
    }
    return runs;
  }
}
