package weka.superposition.data;

/**
 * Every seed the package derives from a user's seed, each named for what it draws, so that two
 * draws never share a stream by accident and a study's control is the same in every study that uses
 * it. The formulas are those the package has always used: changing one changes results.
 */
public final class Seeds {

  /** The golden-ratio multiplier (2^64 / phi) that spreads small numbers over the seeds. */
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** The permutation of every column on its own (the independent-columns control). */
  public static long independentColumns(int seed) {
    return 1_000_003L * seed;
  }

  /** The synthetic features of the toy-model control. */
  public static long toyFeatures(int seed) {
    return 2_000_003L * seed;
  }

  /**
   * The split into training and held-out rows of a converged training, apart from its initial
   * weights and shuffling, which are those of a fixed-epoch run of the same seed.
   */
  public static long heldOutSplit(int seed) {
    return -1L - seed;
  }

  /** All randomness of one run of a sweep: its grid cell and seed alone. */
  public static long sweepRun(int cell, int seed) {
    return GOLDEN * (cell + 1) + seed;
  }

  /** The planted directions of a planted-features data set, apart from its rows. */
  public static long plantedDirections(int seed) {
    return seed ^ GOLDEN;
  }

  /** The shuffling of a classifier's training resumed after {@code epochsDone} epochs. */
  public static long resumedTraining(int seed, int epochsDone) {
    return (long) seed + epochsDone;
  }
}
