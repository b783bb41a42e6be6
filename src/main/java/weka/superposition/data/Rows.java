package weka.superposition.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SparseInstance;

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

  /**
   * The values of {@code row}, as {@link Instance#toDoubleArray()} gives them, written into {@code
   * into} (as long as the row's attributes): a pass over many rows reuses one array instead of
   * making one per row (for MNIST's 60,000 sparse rows, 376 MB of garbage a pass, which grew the
   * Explorer's heap by as much).
   */
  public static double[] values(Instance row, double[] into) {
    if (row instanceof SparseInstance) {
      // as SparseInstance.toDoubleArray: the stored values, 0 elsewhere
      Arrays.fill(into, 0);
      for (int i = 0; i < row.numValues(); i++) {
        into[row.index(i)] = row.valueSparse(i);
      }
    } else if (row instanceof DenseInstance) {
      for (int a = 0; a < into.length; a++) {
        into[a] = row.value(a);
      }
    } else {
      System.arraycopy(row.toDoubleArray(), 0, into, 0, into.length);
    }
    return into;
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
