package weka.superposition.analysis;

import java.util.Arrays;

/** Summary statistics the reports and benchmarks share. */
public final class Statistics {

  private Statistics() {}

  /** The median of {@code values}; NaN when there are none. */
  public static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
