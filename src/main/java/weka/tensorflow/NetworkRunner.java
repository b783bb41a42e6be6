package weka.tensorflow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A trained network in an inference graph whose parameters are constants: one session run per batch
 * of rows. Owns its graph and session; close it to release them.
 */
public final class NetworkRunner implements AutoCloseable {

  private final Graph graph;
  private final Session session;
  private final Placeholder<TFloat32> input;
  private final Map<String, Operand<TFloat32>> outputs;
  private final int numInputs;

  public NetworkRunner(Network network, Parameters parameters, int numInputs, int threads) {
    if (numInputs < 1) {
      throw new IllegalArgumentException("A network needs at least one input, got " + numInputs);
    }
    parameters.requireNoEmptyDimension();
    this.numInputs = numInputs;
    this.graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      Map<String, Operand<TFloat32>> constants = new LinkedHashMap<>();
      for (Parameter p : parameters.list()) {
        constants.put(
            p.name(), tf.constant(Shape.of(p.shape()), DataBuffers.of(p.values(), true, false)));
      }
      input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, numInputs)));
      outputs = network.outputs(tf, input, constants::get);
      session = TFRuntime.openSession(graph, threads);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * Runs the network on {@code rows} rows of {@code x} (row-major) and returns the named outputs,
   * each row-major.
   */
  public Map<String, float[]> run(float[] x, int rows, String... names) {
    Map<String, float[]> values = new LinkedHashMap<>();
    if (rows == 0) {
      // an empty batch must not reach the native kernels (see Parameters.requireNoEmptyDimension)
      for (String name : names) {
        values.put(name, new float[0]);
      }
      return values;
    }
    try (TFloat32 batch = TFRuntime.tensor(x, rows, numInputs)) {
      Session.Runner runner = session.runner().feed(input, batch);
      for (String name : names) {
        Operand<TFloat32> output = outputs.get(name);
        if (output == null) {
          throw new IllegalArgumentException("No output " + name + " in " + outputs.keySet());
        }
        runner.fetch(output);
      }
      try (Result result = runner.run()) {
        for (int i = 0; i < names.length; i++) {
          values.put(names[i], TFRuntime.values((TFloat32) result.get(i)));
        }
      }
    }
    return values;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
