package weka.tensorflow;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One trained array of a network (a weight matrix or a bias), kept in plain Java so that a model
 * serializes without TensorFlow and rebuilds its graph when it needs one.
 *
 * @param name unique within its network, e.g. {@code "hidden/kernel"}
 * @param shape the TensorFlow shape; values are stored row-major
 * @param values the values, {@code product(shape)} of them
 */
public record Parameter(String name, long[] shape, float[] values) implements Serializable {

  public Parameter {
    long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    if (size != values.length) {
      throw new IllegalArgumentException(
          name
              + ": shape "
              + Arrays.toString(shape)
              + " needs "
              + size
              + " values, got "
              + values.length);
    }
  }

  /** A copy with other values (the same name and shape). */
  public Parameter withValues(float[] newValues) {
    return new Parameter(name, shape, newValues);
  }
}
