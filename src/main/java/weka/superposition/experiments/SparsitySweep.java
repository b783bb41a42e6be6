package weka.superposition.experiments;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import weka.superposition.autoencoder.ToyTraining;

/**
 * Elhage et al.'s sparsity sweep: the toy model trained as the paper's code trains it (fresh
 * batches, AdamW) for a list of sparsities S, several seeds each. Per run it keeps each feature's
 * vector W_i and ||W_i||, and the paper's dimensions per feature m / ||W||_F^2, to be read against
 * 1 / (1 - S). The runs are those of a {@link ToySweep}, which parallelises and shards them.
 */
public final class SparsitySweep {

  public static final String EXPERIMENT = "sparsity-sweep";

  private SparsitySweep() {}

  /**
   * The paper's introductory setting: 5 features, 2 dimensions, importance 0.9^i, trained as the
   * paper's code trains them.
   */
  public static ToySweep.Settings paper(double[] sparsities, int seeds) {
    return settings(5, 2, sparsities, seeds, ToyTraining.PAPER, 0.9);
  }

  /** The sweep: one cell per sparsity, each of importance decay {@code importanceDecay}. */
  public static ToySweep.Settings settings(
      int features,
      int bottleneck,
      double[] sparsities,
      int seeds,
      ToyTraining training,
      double importanceDecay) {
    List<ToySweep.Cell> cells = new ArrayList<>();
    for (double s : sparsities) {
      cells.add(new ToySweep.Cell(s, importanceDecay));
    }
    return new ToySweep.Settings(EXPERIMENT, features, bottleneck, cells, seeds, training);
  }

  /** The sparsities of a sweep made by {@link #settings}, in its order. */
  public static double[] sparsities(ToySweep.Settings s) {
    return s.cells().stream().mapToDouble(ToySweep.Cell::sparsity).toArray();
  }

  /** The importance decay of a sweep made by {@link #settings} (the paper's 0.9 without cells). */
  public static double importanceDecay(ToySweep.Settings s) {
    return s.cells().isEmpty() ? 0.9 : s.cells().get(0).importanceDecay();
  }

  /**
   * One trained toy model.
   *
   * @param vectors W_i per feature (m values each)
   * @param norms ||W_i|| per feature
   * @param dimensionsPerFeature m / ||W||_F^2, the paper's measure
   */
  public record Run(
      double sparsity,
      int seed,
      double[][] vectors,
      double[] norms,
      double dimensionsPerFeature,
      double finalLoss,
      double seconds)
      implements Serializable {

    /** 1 / (1 - S), the x axis of the paper's dimensions-per-feature plot. */
    public double inverseDensity() {
      return 1 / (1 - sparsity);
    }

    /** The sweep's view of a toy-model run of {@code bottleneck} dimensions. */
    public static Run of(ToySweep.Run run, int bottleneck) {
      double frobenius = 0;
      for (double norm : run.norms()) {
        frobenius += norm * norm;
      }
      return new Run(
          run.sparsity(),
          run.seed(),
          run.vectors(),
          run.norms(),
          frobenius > 0 ? bottleneck / frobenius : Double.NaN,
          run.finalLoss(),
          run.seconds());
    }
  }

  /** Told of every finished run. */
  @FunctionalInterface
  public interface Progress {
    void runDone(Run run, int done, int total) throws Exception;
  }

  /** Trains every (sparsity, seed) pair on all local cores; the runs in (sparsity, seed) order. */
  public static List<Run> run(ToySweep.Settings s, Progress progress) throws Exception {
    return runs(
        s,
        ToySweep.run(
            s,
            ToySweep.Shard.ALL,
            ToySweep.defaultThreads(),
            (run, done, total) -> progress.runDone(Run.of(run, s.bottleneck()), done, total)));
  }

  /** The sweep's view of the runs of its {@link ToySweep}. */
  public static List<Run> runs(ToySweep.Settings s, List<ToySweep.Run> runs) {
    return runs.stream().map(run -> Run.of(run, s.bottleneck())).toList();
  }
}
