package weka.tensorflow;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The named parameters of a network, in a fixed order. */
public final class Parameters implements Serializable {

  private static final long serialVersionUID = -2421508743532102911L;

  private final List<Parameter> list;

  public Parameters(List<Parameter> list) {
    this.list = Collections.unmodifiableList(new ArrayList<>(list));
  }

  public List<Parameter> list() {
    return list;
  }

  public Parameter get(String name) {
    for (Parameter p : list) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("No parameter " + name + " in " + names());
  }

  /**
   * Throws if any parameter has a dimension of size 0. TensorFlow's native matrix kernels abort the
   * whole JVM on such shapes instead of raising an error, so no graph may be built from them.
   */
  public void requireNoEmptyDimension() {
    for (Parameter p : list) {
      for (long size : p.shape()) {
        if (size == 0) {
          throw new IllegalArgumentException(
              p.name()
                  + " has an empty dimension (shape "
                  + java.util.Arrays.toString(p.shape())
                  + "): a network needs at least one input, "
                  + "one unit per layer and one output");
        }
      }
    }
  }

  public List<String> names() {
    return list.stream().map(Parameter::name).toList();
  }

  /**
   * The kernel {@code [inputs, outputs]} and bias {@code [outputs]} of a dense layer, initialised
   * as PyTorch's {@code nn.Linear} does: both uniform in (-1/sqrt(inputs), 1/sqrt(inputs)).
   */
  public static List<Parameter> pytorchDense(String layer, int inputs, int outputs, Random random) {
    double bound = 1.0 / Math.sqrt(inputs);
    return List.of(
        new Parameter(
            layer + "/kernel",
            new long[] {inputs, outputs},
            uniform(inputs * outputs, bound, random)),
        new Parameter(layer + "/bias", new long[] {outputs}, uniform(outputs, bound, random)));
  }

  private static float[] uniform(int count, double bound, Random random) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
    return values;
  }
}
