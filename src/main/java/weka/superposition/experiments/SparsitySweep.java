package weka.superposition.experiments;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import weka.superposition.autoencoder.AutoencoderTraining;
import weka.superposition.autoencoder.ModelType;
import weka.superposition.data.SparseSampling;

/**
 * Elhage et al.'s sparsity sweep: the toy model trained on sparse synthetic features for a list of
 * sparsities S, several seeds each. Per run it keeps each feature's vector W_i and ||W_i||, and the
 * paper's dimensions per feature m / ||W||_F^2, to be read against 1 / (1 - S).
 */
public final class SparsitySweep {

  private SparsitySweep() {}

  /**
   * What to sweep.
   *
   * @param rows rows of synthetic data per run; with {@code epochs} and the mini-batch they give
   *     the number of Adam steps (the paper: 10,000 steps of 1024)
   */
  public record Settings(
      int features,
      int bottleneck,
      double[] sparsities,
      int seeds,
      int rows,
      int epochs,
      int miniBatchSize,
      double learningRate,
      double importanceDecay)
      implements Serializable {

    /** The paper's introductory setting: 5 features, 2 dimensions, importance 0.9^i. */
    public static Settings paper(double[] sparsities, int seeds) {
      return new Settings(5, 2, sparsities, seeds, 102_400, 100, 1024, 0.001, 0.9);
    }
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
  }

  /** Told of every finished run. */
  @FunctionalInterface
  public interface Progress {
    void runDone(Run run, int done, int total) throws Exception;
  }

  /** Trains every (sparsity, seed) pair in order, seeds 1..{@code seeds}. */
  public static List<Run> run(Settings s, Progress progress) throws Exception {
    List<Run> runs = new ArrayList<>();
    int total = s.sparsities().length * s.seeds();
    for (int i = 0; i < s.sparsities().length; i++) {
      for (int seed = 1; seed <= s.seeds(); seed++) {
        runs.add(train(s, s.sparsities()[i], seed, new Random(1000L * seed + i)));
        progress.runDone(runs.get(runs.size() - 1), runs.size(), total);
      }
    }
    return runs;
  }

  /**
   * One run: fresh data of sparsity {@code sparsity} from {@code data}, the model seeded by seed.
   */
  public static Run train(Settings s, double sparsity, int seed, Random data) throws Exception {
    if (!(sparsity >= 0 && sparsity < 1)) {
      throw new IllegalArgumentException("Sparsity must be in [0, 1), not " + sparsity);
    }
    int n = s.features();
    float[] x = SparseSampling.sample(s.rows(), n, sparsity, data);
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      names.add("x" + i);
    }
    long start = System.nanoTime();
    AutoencoderTraining.Result result =
        AutoencoderTraining.train(
            x,
            s.rows(),
            names,
            new AutoencoderTraining.Settings(
                ModelType.TOY,
                s.bottleneck(),
                s.epochs(),
                s.miniBatchSize(),
                s.learningRate(),
                seed,
                1,
                false,
                s.importanceDecay()),
            (record, analysis) -> {});
    double seconds = (System.nanoTime() - start) / 1e9;
    double[][] vectors = new double[n][];
    double frobenius = 0;
    for (int i = 0; i < n; i++) {
      vectors[i] = result.weights().featureVector(i);
      for (double v : vectors[i]) {
        frobenius += v * v;
      }
    }
    return new Run(
        sparsity,
        seed,
        vectors,
        result.analysis().weights().norm(),
        frobenius > 0 ? s.bottleneck() / frobenius : Double.NaN,
        result.history().isEmpty()
            ? Double.NaN
            : result.history().get(result.history().size() - 1).loss(),
        seconds);
  }
}
