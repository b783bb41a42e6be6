package weka.superposition.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DictionaryWeightsTest {

  private static final float EPS = 1e-6f;

  /** Two inputs, three features; feature 2's direction is (0.6, 0.8). */
  private static DictionaryWeights dictionary(int topK) {
    return new DictionaryWeights(
        2,
        3,
        topK,
        new float[] {1, -1, 0.5f, 2, 0, -1},
        new float[] {0, 1.5f, 1},
        new float[] {1, 0, 0, 1, 0.6f, 0.8f},
        new float[] {0.5f, 0});
  }

  private static float[] encode(DictionaryWeights w, float... x) {
    float[] f = new float[w.features()];
    w.encode(x, 0, f);
    return f;
  }

  @Test
  void encodesByHand() {
    // x - b_d = (1, 1): (1 + 2, -1 + 0, 0.5 - 1) + b_e = (3, 0.5, 0.5)
    assertArrayEquals(new float[] {3, 0.5f, 0.5f}, encode(dictionary(0), 1.5f, 1), EPS);
    // a zero input still subtracts b_d: x - b_d = (-0.5, 2): (3.5, 0.5, -2.25) + b_e
    assertArrayEquals(new float[] {3.5f, 2, 0}, encode(dictionary(0), 0, 2), EPS);
  }

  @Test
  void decodesByHand() {
    float[] out = new float[2];
    dictionary(0).decode(new float[] {3, 0.5f, 0.5f}, out);
    // (0.5, 0) + 3 (1, 0) + 0.5 (0, 1) + 0.5 (0.6, 0.8)
    assertArrayEquals(new float[] {3.8f, 0.9f}, out, EPS);
  }

  @Test
  void encodeAllIsRowByRow() {
    float[] all = dictionary(0).encodeAll(new float[] {1.5f, 1, 0, 2}, 2);
    assertArrayEquals(new float[] {3, 0.5f, 0.5f, 3.5f, 2, 0}, all, EPS);
  }

  @Test
  void topKKeepsTheLargestAndTiesGoToTheLowerIndex() {
    // pre-activations (3, 0.5, 0.5): the tie between features 1 and 2 goes to 1
    assertArrayEquals(new float[] {3, 0, 0}, encode(dictionary(1), 1.5f, 1), EPS);
    assertArrayEquals(new float[] {3, 0.5f, 0}, encode(dictionary(2), 1.5f, 1), EPS);
    assertArrayEquals(new float[] {3, 0.5f, 0.5f}, encode(dictionary(3), 1.5f, 1), EPS);
  }

  private static float[] topK(int k, float... bias) {
    int n = bias.length;
    DictionaryWeights w =
        new DictionaryWeights(1, n, k, new float[n], bias, new float[n], new float[1]);
    return encode(w, 0);
  }

  @Test
  void topKSelectsBeforeTheReLU() {
    assertArrayEquals(new float[] {0, 3, 0, 3}, topK(2, 1, 3, 2, 3), 0);
    assertArrayEquals(new float[] {0, 2, 2, 0}, topK(2, 1, 2, 2, 2), 0);
    assertArrayEquals(new float[] {0, 0, 4, 0, 5}, topK(2, 1, 3, 4, 2, 5), 0);
    // the two largest are kept, then ReLU zeroes them; -5 is never promoted
    assertArrayEquals(new float[] {0, 0, 0}, topK(2, -1, -2, -5), 0);
    assertArrayEquals(new float[] {0.5f, 0, 0}, topK(2, 0.5f, -2, -5), 0);
  }

  /** The model's own formula, in double, with top-k by a full sort. */
  private static double[] reference(DictionaryWeights w, float[] x) {
    int n = w.inputs();
    int features = w.features();
    double[] pre = new double[features];
    for (int k = 0; k < features; k++) {
      pre[k] = w.encoderBias()[k];
      for (int j = 0; j < n; j++) {
        pre[k] += ((double) x[j] - w.decoderBias()[j]) * w.encoder()[j * features + k];
      }
    }
    int[] ascending = Statistics.ascendingOrder(pre);
    double[] f = new double[features];
    int keep = w.topK() == 0 ? features : w.topK();
    for (int i = 0; i < keep; i++) {
      int k = ascending[features - 1 - i];
      f[k] = Math.max(0, pre[k]);
    }
    return f;
  }

  @Test
  void foldedBiasAndSelectionMatchTheModelsFormula() {
    Random random = new Random(3);
    int n = 7;
    int features = 20;
    float[] encoder = new float[n * features];
    float[] encoderBias = new float[features];
    float[] decoderBias = new float[n];
    for (int i = 0; i < encoder.length; i++) {
      encoder[i] = (float) random.nextGaussian();
    }
    for (int k = 0; k < features; k++) {
      encoderBias[k] = (float) random.nextGaussian();
    }
    for (int j = 0; j < n; j++) {
      decoderBias[j] = random.nextFloat();
    }
    for (int topK : new int[] {0, 1, 5, 20}) {
      DictionaryWeights w =
          new DictionaryWeights(
              n, features, topK, encoder, encoderBias, new float[features * n], decoderBias);
      DictionaryWeights.Encoder rows = w.newEncoder();
      float[] x = new float[n];
      float[] f = new float[features];
      for (int row = 0; row < 50; row++) {
        for (int j = 0; j < n; j++) {
          x[j] = random.nextFloat() < 0.5f ? 0 : random.nextFloat();
        }
        rows.encode(x, 0, f);
        double[] expected = reference(w, x);
        for (int k = 0; k < features; k++) {
          assertEquals(expected[k], f[k], 1e-5, "topK " + topK + ", feature " + k);
        }
      }
    }
  }

  @Test
  void directionIsACopyOfTheDecoderRow() {
    DictionaryWeights w = dictionary(0);
    float[] d = w.direction(2);
    assertArrayEquals(new float[] {0.6f, 0.8f}, d, 0);
    d[0] = 9;
    assertArrayEquals(new float[] {0.6f, 0.8f}, w.direction(2), 0);
  }

  private static void assertNames(String what, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(e.getMessage().contains(what), e.getMessage());
  }

  @Test
  void badShapesAreNamed() {
    float[] enc = new float[6];
    float[] three = new float[3];
    float[] two = new float[2];
    assertNames("encoder:", () -> new DictionaryWeights(2, 3, 0, new float[5], three, enc, two));
    assertNames("encoder bias", () -> new DictionaryWeights(2, 3, 0, enc, two, enc, two));
    assertNames("decoder:", () -> new DictionaryWeights(2, 3, 0, enc, three, null, two));
    assertNames("decoder bias", () -> new DictionaryWeights(2, 3, 0, enc, three, enc, three));
    assertNames("topK", () -> new DictionaryWeights(2, 3, 4, enc, three, enc, two));
    DictionaryWeights w = dictionary(0);
    assertNames("features", () -> w.encode(two, 0, two));
    assertNames("offset 1", () -> w.encode(two, 1, three));
    assertNames("output", () -> w.decode(three, three));
    assertNames("data", () -> w.encodeAll(three, 2));
  }
}
