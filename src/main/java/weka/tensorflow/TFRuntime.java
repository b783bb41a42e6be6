package weka.tensorflow;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/** Sessions with a chosen number of threads, and float arrays in and out of tensors. */
public final class TFRuntime {

  private TFRuntime() {
  }

  /**
   * A session on {@code graph} that uses {@code threads} threads within and across operations; 0
   * lets TensorFlow choose (one per core). One thread is fastest for the package's small networks.
   */
  public static Session openSession(Graph graph, int threads) {
    ConfigProto config = ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads)
        .setInterOpParallelismThreads(threads)
        .build();
    return new Session(graph, config);
  }

  /** A tensor of {@code shape} holding {@code values} (row-major), copied. */
  public static TFloat32 tensor(float[] values, long... shape) {
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  /** The values of a float tensor, row-major. */
  public static float[] values(TFloat32 tensor) {
    float[] values = new float[(int) tensor.size()];
    tensor.copyTo(DataBuffers.of(values, false, false));
    return values;
  }
}
