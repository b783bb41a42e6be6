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

  /**
   * numpy's {@code argsort(values, kind="stable")}: the indices of {@code values} in ascending
   * order, equal values in their original order.
   */
  public static int[] ascendingOrder(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }
}
