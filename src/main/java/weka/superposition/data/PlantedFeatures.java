package weka.superposition.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Data with known sparse directions, after Sharkey, Braun and Millidge 2022 ("Taking features out
 * of superposition with sparse autoencoders"): {@code m} unit directions in {@code n} dimensions
 * (usually {@code m > n}, so that they cannot all be at right angles), and each row a sparse
 * non-negative combination of them. Feature j is active in a row independently with probability
 * {@code expectedActive / m}, with a magnitude uniform on [0, 1] (the draw of {@link
 * SparseSampling}), and the row is the sum of the active features' magnitudes times their
 * directions. A sparse dictionary learned on the rows can then be compared with the true
 * directions. (Simpler than the report's data: here every feature is equally likely and independent
 * of the others.)
 *
 * <p>The directions depend on the settings' seed only; the rows on the {@link Random} given to
 * {@link #sample}. Same settings and same seeds give the same values, bit for bit.
 */
public final class PlantedFeatures {

  /**
   * What to plant.
   *
   * @param dimensions n, the length of each direction and row
   * @param features m, the number of directions
   * @param expectedActive the mean number of active features per row, in (0, m]
   * @param seed the seed of the directions
   */
  public record Settings(int dimensions, int features, double expectedActive, int seed) {

    public Settings {
      if (dimensions < 1) {
        throw new IllegalArgumentException(
            "The number of dimensions must be at least 1, not " + dimensions);
      }
      if (features < 1) {
        throw new IllegalArgumentException(
            "The number of features must be at least 1, not " + features);
      }
      if (!(expectedActive > 0 && expectedActive <= features)) {
        throw new IllegalArgumentException(
            "The expected number of active features per row must be above 0 and at most the "
                + features
                + " features, not "
                + expectedActive);
      }
    }

    /** The probability that a feature is active in a row: {@code expectedActive / features}. */
    public double activeProbability() {
      return expectedActive / features;
    }
  }

  /**
   * Rows drawn from the planted features.
   *
   * @param data {@code rows x dimensions} values, row-major: {@code coefficients x directions}
   * @param coefficients {@code rows x features} magnitudes, row-major: 0 where a feature is
   *     inactive, else in [0, 1); a feature counts as active where its magnitude is above 0 (an
   *     active feature draws exactly 0 once in 2^24 draws)
   */
  public record Sample(float[] data, float[] coefficients, int rows, int dimensions, int features) {

    /** How many features are active in {@code row}. */
    public int activeCount(int row) {
      int count = 0;
      for (int j = 0; j < features; j++) {
        count += coefficients[row * features + j] > 0 ? 1 : 0;
      }
      return count;
    }

    /** The index (from 0) of the feature with the largest magnitude in {@code row}, -1 if none. */
    public int strongest(int row) {
      int best = -1;
      float largest = 0;
      for (int j = 0; j < features; j++) {
        float c = coefficients[row * features + j];
        if (c > largest) {
          largest = c;
          best = j;
        }
      }
      return best;
    }
  }

  /**
   * Mixed into the settings' seed for the directions, so that rows drawn with {@code new
   * Random(seed)} (as the data generator does) do not reuse the numbers the directions were made
   * of.
   */
  private final Settings settings;

  private final float[] directions;

  public PlantedFeatures(Settings settings) {
    this.settings = settings;
    this.directions =
        unitDirections(
            settings.features(),
            settings.dimensions(),
            new Random(Seeds.plantedDirections(settings.seed())));
  }

  public Settings settings() {
    return settings;
  }

  /** The {@code features x dimensions} true directions, row-major, each of length 1 (a copy). */
  public float[] directions() {
    return directions.clone();
  }

  /** {@code rows} rows; feature activity and magnitudes are drawn from {@code random} in order. */
  public Sample sample(int rows, Random random) {
    if (rows < 0) {
      throw new IllegalArgumentException("The number of rows must be at least 0, not " + rows);
    }
    int n = settings.dimensions();
    int m = settings.features();
    float[] coefficients = SparseSampling.sample(rows, m, 1 - settings.activeProbability(), random);
    float[] data = new float[rows * n];
    double[] row = new double[n];
    for (int r = 0; r < rows; r++) {
      Arrays.fill(row, 0);
      for (int j = 0; j < m; j++) {
        float c = coefficients[r * m + j];
        if (c != 0) {
          for (int d = 0; d < n; d++) {
            row[d] += c * (double) directions[j * n + d];
          }
        }
      }
      for (int d = 0; d < n; d++) {
        data[r * n + d] = (float) row[d];
      }
    }
    return new Sample(data, coefficients, rows, n, m);
  }

  /**
   * {@code m x n} unit vectors, row-major, each an isotropic Gaussian draw divided by its length
   * (which makes its direction uniform on the sphere).
   */
  static float[] unitDirections(int m, int n, Random random) {
    float[] result = new float[m * n];
    double[] v = new double[n];
    for (int j = 0; j < m; j++) {
      double norm;
      do {
        norm = 0;
        for (int d = 0; d < n; d++) {
          v[d] = random.nextGaussian();
          norm += v[d] * v[d];
        }
        norm = Math.sqrt(norm);
      } while (norm == 0);
      for (int d = 0; d < n; d++) {
        result[j * n + d] = (float) (v[d] / norm);
      }
    }
    return result;
  }
}
