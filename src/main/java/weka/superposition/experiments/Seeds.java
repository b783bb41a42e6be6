package weka.superposition.experiments;

/**
 * The seeds an experiment derives from its own, each named for what it draws, so that two draws
 * never share a stream by accident and a study's control is the same in every study that uses it.
 */
public final class Seeds {

  private Seeds() {}

  /** The permutation of every column on its own (the independent-columns control). */
  public static long independentColumns(int seed) {
    return 1_000_003L * seed;
  }

  /** The synthetic features of the toy-model control. */
  public static long toyFeatures(int seed) {
    return 2_000_003L * seed;
  }
}
