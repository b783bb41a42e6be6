package weka.superposition.data;

import java.util.ArrayList;
import java.util.List;
import weka.core.Instance;
import weka.core.Instances;

/** Per-row values of Instances, as the networks take them. */
public final class Rows {

  private Rows() {}

  /** Each row's instance weight, in row order. */
  public static float[] weights(Instances data) {
    float[] weights = new float[data.numInstances()];
    for (int r = 0; r < weights.length; r++) {
      weights[r] = (float) data.instance(r).weight();
    }
    return weights;
  }

  /** The indices of every attribute but the class: the features an autoencoder reconstructs. */
  public static List<Integer> featureIndices(Instances data) {
    List<Integer> features = new ArrayList<>();
    for (int a = 0; a < data.numAttributes(); a++) {
      if (a != data.classIndex()) {
        features.add(a);
      }
    }
    return features;
  }

  /**
   * The {@code features} of every row as a row-major float matrix.
   *
   * @throws IllegalArgumentException naming the row (from 1) and attribute of a missing, NaN or
   *     infinite value, or one too large for a float
   */
  public static float[] featureMatrix(Instances data, List<Integer> features) {
    int n = features.size();
    float[] matrix = new float[data.numInstances() * n];
    for (int r = 0; r < data.numInstances(); r++) {
      Instance row = data.instance(r);
      for (int i = 0; i < n; i++) {
        double value = row.value(features.get(i));
        if (!Double.isFinite(value) || Float.isInfinite((float) value)) {
          throw new IllegalArgumentException(
              "row "
                  + (r + 1)
                  + " has the "
                  + (Double.isNaN(value) ? "missing or NaN" : "non-finite")
                  + " value "
                  + value
                  + " in attribute "
                  + data.attribute(features.get(i)).name());
        }
        matrix[r * n + i] = (float) value;
      }
    }
    return matrix;
  }
}
