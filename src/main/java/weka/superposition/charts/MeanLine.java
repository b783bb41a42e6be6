package weka.superposition.charts;

import java.util.TreeMap;
import org.jfree.data.xy.XYSeries;

/** Values gathered per x, drawn as their mean at each x: the sweep charts' line over seeds. */
final class MeanLine {

  /** Per x: the sum of the values and their count. */
  private final TreeMap<Double, double[]> sums = new TreeMap<>();

  void add(double x, double value) {
    double[] sum = sums.computeIfAbsent(x, k -> new double[2]);
    sum[0] += value;
    sum[1]++;
  }

  /** The largest x with a value, or {@code none} when there are none. */
  double lastX(double none) {
    return sums.isEmpty() ? none : sums.lastKey();
  }

  XYSeries series(String name) {
    XYSeries mean = new XYSeries(name, false);
    sums.forEach((x, sum) -> mean.add((double) x, sum[0] / sum[1]));
    return mean;
  }
}
