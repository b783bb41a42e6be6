package weka.tensorflow;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/** Sessions with a chosen number of threads, and float arrays in and out of tensors. */
public final class TFRuntime {

  private TFRuntime() {}

  /**
   * A session on {@code graph} whose operations each use {@code threads} threads and run one after
   * the other in the calling thread; 0 lets TensorFlow choose both (one thread per core).
   *
   * <p>For the package's small networks a session run is dominated by per-operation overhead, not
   * arithmetic: one thread, with no hand-off to an inter-op thread pool, was measured fastest (0.33
   * to 0.36 s per MNIST epoch against 0.40 to 0.42 s with a one-thread pool, and 0.50 s with two).
   */
  public static Session openSession(Graph graph, int threads) {
    ConfigProto config =
        ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(threads)
            // negative: run operations in the caller's thread
            .setInterOpParallelismThreads(threads == 0 ? 0 : -1)
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
