package weka.superposition.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SparseInstance;
import weka.superposition.data.InputEncoder.Normalization;

/** The encoder's byte codes stand for exactly the floats of its float encoding. */
class InputEncoderTest {

  /** Pixels 0-255, a binary and a three-valued nominal attribute, a nominal class (last). */
  private static Instances mixed(int rows, boolean sparse, long seed) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int j = 1; j <= 5; j++) {
      attributes.add(new Attribute("pixel" + j));
    }
    attributes.add(new Attribute("binary", List.of("no", "yes")));
    attributes.add(new Attribute("colour", List.of("red", "green", "blue")));
    attributes.add(new Attribute("class", List.of("a", "b")));
    Instances data = new Instances("mixed", attributes, rows);
    data.setClassIndex(data.numAttributes() - 1);
    Random random = new Random(seed);
    for (int r = 0; r < rows; r++) {
      double[] values = new double[attributes.size()];
      for (int j = 0; j < 5; j++) {
        values[j] = random.nextBoolean() ? 0 : random.nextInt(256);
      }
      values[5] = random.nextInt(2);
      values[6] = random.nextInt(3);
      values[7] = random.nextInt(2);
      data.add(sparse ? new SparseInstance(1, values) : new DenseInstance(1, values));
    }
    return data;
  }

  /** The floats the codes stand for, through the table, row-major. */
  private static float[] decoded(byte[] codes, float[] table, int columns) {
    float[] values = new float[codes.length];
    for (int i = 0; i < codes.length; i++) {
      values[i] = table[(codes[i] & 0xff) * columns + i % columns];
    }
    return values;
  }

  private static void assertBitIdentical(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          Float.floatToRawIntBits(expected[i]),
          Float.floatToRawIntBits(actual[i]),
          "value " + i + ": " + expected[i] + " against " + actual[i]);
    }
  }

  @Test
  void codesStandForTheFloatsOfEveryNormalization() {
    for (boolean sparse : new boolean[] {false, true}) {
      Instances data = mixed(300, sparse, 1);
      // a missing pixel whose mean is no integer makes codes impossible; missing nominal values
      // are replaced by the mode, which is one
      data.instance(3).setMissing(5);
      data.instance(4).setMissing(6);
      for (Normalization normalization : Normalization.values()) {
        InputEncoder encoder = new InputEncoder(data, normalization);
        byte[] codes = encoder.encodeCodes(data, 0, data.numInstances());
        assertNotNull(codes, normalization + ", sparse " + sparse);
        assertBitIdentical(
            encoder.encode(data), decoded(codes, encoder.codeValues(), encoder.numColumns()));
        // into a reused array that held something else
        float[] reused = new float[12 * encoder.numColumns()];
        java.util.Arrays.fill(reused, 9);
        encoder.encode(data, 10, 20, reused);
        assertBitIdentical(
            encoder.encode(data, 10, 20),
            java.util.Arrays.copyOf(reused, 10 * encoder.numColumns()));
        // a slice of the rows as well
        assertBitIdentical(
            encoder.encode(data, 10, 20),
            decoded(encoder.encodeCodes(data, 10, 20), encoder.codeValues(), 9));
      }
    }
  }

  @Test
  void valuesThatAreNoBytesHaveNoCodes() {
    for (double value : new double[] {0.5, -1, 256, -0.0, 1e9}) {
      Instances data = mixed(50, false, 2);
      data.instance(7).setValue(2, value);
      InputEncoder encoder = new InputEncoder(data, Normalization.GLOBAL_MAX_ABS);
      assertNull(encoder.encodeCodes(data, 0, data.numInstances()), "value " + value);
    }
    // a missing pixel is replaced by its mean, here 1/49: no byte
    Instances missing = mixed(50, false, 3);
    for (int r = 0; r < missing.numInstances(); r++) {
      missing.instance(r).setValue(1, r == 1 ? 1 : 0);
    }
    missing.instance(0).setMissing(1);
    InputEncoder encoder = new InputEncoder(missing, Normalization.NONE);
    assertNull(encoder.encodeCodes(missing, 0, missing.numInstances()));
  }
}
