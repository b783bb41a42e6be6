package weka.superposition.analysis;

import java.util.Arrays;

/**
 * A figure over seeds: its mean, (sample) standard deviation and smallest value, NaN values left
 * out.
 */
public record Spread(double mean, double sd, double min) {

  /** One value, or a mean and spread whose smallest value is not known (taken as the mean). */
  public Spread(double mean, double sd) {
    this(mean, sd, mean);
  }

  public static Spread of(double... values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
    if (v.length == 0) {
      return new Spread(Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = Arrays.stream(v).average().orElseThrow();
    double sd =
        v.length < 2
            ? 0
            : Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
    return new Spread(mean, sd, Arrays.stream(v).min().orElseThrow());
  }
}
