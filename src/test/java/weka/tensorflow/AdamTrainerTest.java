package weka.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import weka.superposition.testing.TestData;

/** The hand-built optimizer against the update formulas of PyTorch's Adam and AdamW. */
class AdamTrainerTest {

  private static final double LEARNING_RATE = 0.001;

  /**
   * One weight w and loss g * w for the single input g: the gradient is g at every step, whatever w
   * is.
   */
  private static final class ConstantGradient implements Network {
    @Override
    public Map<String, Operand<TFloat32>> outputs(
        Ops tf, Operand<TFloat32> x, ParameterSource parameters) {
      return Map.of("loss", rowLoss(tf, x, x, parameters));
    }

    @Override
    public Operand<TFloat32> rowLoss(
        Ops tf, Operand<TFloat32> x, Operand<TFloat32> target, ParameterSource parameters) {
      return tf.reshape(tf.linalg.matMul(x, parameters.get("w")), tf.constant(new int[] {-1}));
    }
  }

  /** The weight after each of three steps with gradient {@code g}, from {@code w0}. */
  private static float[] threeSteps(float g, float w0, float weightDecay) {
    Parameters initial =
        new Parameters(List.of(new Parameter("w", new long[] {1, 1}, new float[] {w0})));
    TrainingData data = new TrainingData(new float[] {g}, 1, null, 0, new float[] {1});
    float[] weights = new float[3];
    try (AdamTrainer trainer =
        new AdamTrainer(
            new ConstantGradient(), initial, data, (float) LEARNING_RATE, weightDecay, 1)) {
      for (int t = 0; t < 3; t++) {
        trainer.step(new int[] {0});
        weights[t] = trainer.parameters().get("w").values()[0];
      }
    }
    return weights;
  }

  /**
   * PyTorch's update, worked out in doubles: m and v as exponential averages, each corrected by 1 -
   * beta^t, and epsilon added to the corrected sqrt(v); AdamW first multiplies w by 1 - lr wd.
   */
  private static double[] pytorch(double g, double w0, double weightDecay) {
    double m = 0;
    double v = 0;
    double w = w0;
    double[] weights = new double[3];
    for (int t = 1; t <= 3; t++) {
      w *= 1 - LEARNING_RATE * weightDecay;
      m = 0.9 * m + 0.1 * g;
      v = 0.999 * v + 0.001 * g * g;
      double mHat = m / (1 - Math.pow(0.9, t));
      double vHat = v / (1 - Math.pow(0.999, t));
      w -= LEARNING_RATE * mHat / (Math.sqrt(vHat) + 1e-8);
      weights[t - 1] = w;
    }
    return weights;
  }

  @Test
  void aTinyGradientTakesPyTorchsStepNotTensorFlowsEpsilonBeforeCorrection() {
    float[] actual = threeSteps(1e-8f, 0, 0);
    double[] expected = pytorch(1e-8, 0, 0);

    // PyTorch: lr * g / (g + eps) = 5e-4 a step; TensorFlow's own epsilon gave 3.07e-5. The
    // tolerance is float32's: 1 - beta2^t in float carries a relative error near 1e-5 at t = 3
    assertEquals(-5.0e-4, expected[0], 1e-12);
    for (int t = 0; t < 3; t++) {
      assertEquals(expected[t], actual[t], 1e-5 * Math.abs(expected[t]), "step " + (t + 1));
    }
  }

  @Test
  void aUnitGradientStepsByTheLearningRate() {
    float[] actual = threeSteps(1, 0.5f, 0);
    double[] expected = pytorch(1, 0.5, 0);

    for (int t = 0; t < 3; t++) {
      assertEquals(expected[t], actual[t], 1e-6, "step " + (t + 1));
    }
  }

  @Test
  void adamWDecaysTheWeightBeforeEachStep() {
    float[] actual = threeSteps(1, 2, 0.01f);
    double[] expected = pytorch(1, 2, 0.01);
    double[] withoutDecay = pytorch(1, 2, 0);

    for (int t = 0; t < 3; t++) {
      assertEquals(expected[t], actual[t], 1e-6, "step " + (t + 1));
    }
    // the decay is visible at this precision: 2 * 0.001 * 0.01 per step
    assertEquals(6e-5, withoutDecay[2] - expected[2], 1e-6);
  }

  @Test
  void aFedBatchTakesAdamWsStepToo() {
    Parameters initial =
        new Parameters(List.of(new Parameter("w", new long[] {1, 1}, new float[] {2})));
    double[] expected = pytorch(1, 2, 0.01);
    try (FedBatchTrainer trainer =
        new FedBatchTrainer(new ConstantGradient(), initial, 1, (float) LEARNING_RATE, 0.01f, 1)) {
      for (int t = 0; t < 3; t++) {
        // two rows of gradient 1: their mean is 1, as one row
        trainer.stepOn(new float[] {1, 1});
        assertEquals(expected[t], trainer.parameters().get("w").values()[0], 1e-6, "step " + t);
      }
      assertThrows(IllegalArgumentException.class, () -> trainer.stepOn(new float[0]));
    }
  }

  /**
   * Feeding the values of the rows gives, bit for bit, what gathering the same rows from loaded
   * data gives: the fed path differs only in where the batch comes from.
   */
  @Test
  void feedingTheRowsEqualsGatheringThemFromLoadedData() {
    int n = 4;
    int rows = 8;
    float[] x = TestData.sparseFloats(rows * n, new Random(5), 0.5);
    float[] ones = TestData.ones(rows);
    int[] all = {0, 1, 2, 3, 4, 5, 6, 7};
    Network toy = new ToyModelNetwork(new float[] {1, 0.9f, 0.81f, 0.729f});
    Parameters initial = ToyModelNetwork.initialParameters(n, 2, new Random(1));
    try (AdamTrainer loaded =
            new AdamTrainer(toy, initial, new TrainingData(x, n, null, 0, ones), 0.01f, 0.01f, 1);
        FedBatchTrainer fed = new FedBatchTrainer(toy, initial, n, 0.01f, 0.01f, 1)) {
      for (int t = 0; t < 20; t++) {
        assertEquals(loaded.step(all), fed.stepOn(x), 0, "loss at step " + t);
      }
      for (String name : List.of(ToyModelNetwork.WEIGHTS, ToyModelNetwork.BIAS)) {
        assertArrayEquals(
            loaded.parameters().get(name).values(), fed.parameters().get(name).values(), name);
      }
    }
  }

  /**
   * Inputs given as byte codes with their table reach the network as the very floats of the table:
   * an epoch on coded inputs leaves the weights an epoch on the decoded floats leaves, bit for bit
   * (the classifier's MNIST pixels take this path).
   */
  @Test
  void codedInputsTrainAsTheirFloatsDo() throws InterruptedException {
    int n = 6;
    int rows = 200;
    int classes = 3;
    Random random = new Random(7);
    byte[] codes = new byte[rows * n];
    random.nextBytes(codes);
    float[] table = new float[n * TrainingData.CODES];
    for (int i = 0; i < table.length; i++) {
      table[i] = (i / n) / 255f + (i % n) * 0.01f;
    }
    float[] x = new float[rows * n];
    for (int i = 0; i < x.length; i++) {
      x[i] = table[(codes[i] & 0xff) * n + i % n];
    }
    float[] targets = new float[rows * classes];
    for (int r = 0; r < rows; r++) {
      targets[r * classes + random.nextInt(classes)] = 1;
    }
    float[] ones = TestData.ones(rows);
    Parameters initial = MlpNetwork.initialParameters(n, 5, classes, new Random(1));
    TrainingData floats = new TrainingData(x, n, targets, classes, ones);
    TrainingData coded =
        TrainingData.coded(new TrainingData.CodedInputs(codes, table), n, targets, classes, ones);
    try (AdamTrainer a = new AdamTrainer(new MlpNetwork(), initial, floats, 0.01f, 0, 1);
        AdamTrainer b = new AdamTrainer(new MlpNetwork(), initial, coded, 0.01f, 0, 1)) {
      assertEquals(a.epoch(16, new Random(3)), b.epoch(16, new Random(3)), 0);
      for (Parameter p : a.parameters().list()) {
        assertArrayEquals(p.values(), b.parameters().get(p.name()).values(), p.name());
      }
    }
  }

  @Test
  void codedInputsNeedATableOf256ValuesPerColumn() {
    float[] ones = {1, 1};
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TrainingData.coded(
                new TrainingData.CodedInputs(new byte[4], new float[255 * 2]), 2, null, 0, ones));
    assertThrows(
        IllegalArgumentException.class, () -> new TrainingData(null, null, 2, null, 0, ones));
  }
}
