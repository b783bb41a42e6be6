package weka.datagenerators.classifiers.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.Utils;

class SparseFeaturesTest {

  @Test
  void featuresAreZeroWithProbabilitySElseUniform() {
    float[] values = weka.superposition.data.SparseSampling.sample(20_000, 5, 0.7, new Random(1));
    long zeros = 0;
    double sum = 0;
    for (float v : values) {
      assertTrue(v >= 0 && v < 1);
      if (v == 0) {
        zeros++;
      } else {
        sum += v;
      }
    }
    assertEquals(0.7, zeros / (double) values.length, 0.01);
    assertEquals(0.5, sum / (values.length - zeros), 0.01);
  }

  @Test
  void generatesTheRequestedDataAsAWekaGenerator() throws Exception {
    SparseFeatures generator = new SparseFeatures();
    generator.setOptions(Utils.splitOptions("-n 50 -features 7 -sparsity 0.5 -S 3"));
    generator.setOutput(new java.io.PrintWriter(java.io.Writer.nullWriter()));
    generator.defineDataFormat();

    Instances data = generator.generateExamples();

    assertEquals(50, data.numInstances());
    assertEquals(7, data.numAttributes());
    assertEquals("x7", data.attribute(6).name());
    assertEquals(-1, data.classIndex());
    SparseFeatures copy = new SparseFeatures();
    copy.setOptions(generator.getOptions());
    assertArrayEquals(generator.getOptions(), copy.getOptions());
  }

  @Test
  void badSettingsAreNamed() {
    SparseFeatures generator = new SparseFeatures();
    Exception error =
        assertThrows(IllegalArgumentException.class, () -> generator.setSparsity(1.5));
    assertTrue(error.getMessage().contains("sparsity"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> generator.setNumFeatures(0));
  }
}
