package weka.tensorflow;

import java.util.Random;
import java.util.function.Supplier;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * Times what no change to the training loop can remove: a dense layer's share of one training step
 * (the forward product {@code x . W}, the weight gradient {@code x^T . delta} and Adam's update of
 * {@code W}), alone in a session (the products fetched, so that they are computed), with the
 * kernels and threads the trainer uses. For the seed's 784 -> 49 layer at mini-batch 64 these
 * dominate a step, so their time per epoch is a floor under the classifier's seconds per epoch.
 */
public final class TrainingFloor {

  /**
   * Seconds per step in each of five rounds (after one to warm up): the two products in one session
   * run, the products and the Adam update in one, and an empty session run.
   */
  public record Timing(double[] products, double[] productsAndUpdate, double[] emptyRuns) {}

  private TrainingFloor() {}

  /** Times {@code steps} steps of a {@code batch x inputs} by {@code inputs x outputs} layer. */
  public static Timing time(int batch, int inputs, int outputs, int threads, int steps) {
    Random random = new Random(1);
    try (Graph graph = new Graph();
        TFloat32 x = TFRuntime.tensor(values(batch * inputs, random), batch, inputs);
        TFloat32 w = TFRuntime.tensor(values(inputs * outputs, random), inputs, outputs);
        TFloat32 delta = TFRuntime.tensor(values(batch * outputs, random), batch, outputs)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> xIn = tf.placeholder(TFloat32.class);
      Placeholder<TFloat32> wIn = tf.placeholder(TFloat32.class);
      Placeholder<TFloat32> deltaIn = tf.placeholder(TFloat32.class);
      Operand<TFloat32> forward = tf.linalg.matMul(xIn, wIn);
      Operand<TFloat32> gradient = tf.linalg.matMul(xIn, deltaIn, MatMul.transposeA(true));
      Shape weights = Shape.of(inputs, outputs);
      Variable<TFloat32> kernel = tf.variable(tf.zeros(tf.constant(weights), TFloat32.class));
      Variable<TFloat32> m = tf.variable(tf.zeros(tf.constant(weights), TFloat32.class));
      Variable<TFloat32> v = tf.variable(tf.zeros(tf.constant(weights), TFloat32.class));
      Op update =
          tf.train.applyAdam(
              kernel,
              m,
              v,
              tf.constant(0.5f),
              tf.constant(0.5f),
              tf.constant(1e-3f),
              tf.constant(AdamTrainer.BETA1),
              tf.constant(AdamTrainer.BETA2),
              tf.constant(AdamTrainer.EPSILON),
              gradient);
      Op nothing = tf.noOp();
      try (Session session = TFRuntime.openSession(graph, threads)) {
        Supplier<Session.Runner> fed =
            () -> session.runner().feed(xIn, x).feed(wIn, w).feed(deltaIn, delta).fetch(forward);
        Runnable products = () -> fed.get().fetch(gradient).run().close();
        Runnable productsAndUpdate = () -> fed.get().addTarget(update).run().close();
        Runnable empty = () -> session.runner().addTarget(nothing).run().close();
        return new Timing(
            secondsPerRun(products, steps),
            secondsPerRun(productsAndUpdate, steps),
            secondsPerRun(empty, steps));
      }
    }
  }

  private static double[] secondsPerRun(Runnable run, int steps) {
    double[] rounds = new double[5];
    for (int round = -1; round < rounds.length; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        run.run();
      }
      if (round >= 0) {
        rounds[round] = (System.nanoTime() - start) / 1e9 / steps;
      }
    }
    return rounds;
  }

  private static float[] values(int n, Random random) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextFloat() - 0.5f;
    }
    return values;
  }
}
