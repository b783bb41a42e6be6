package weka.superposition.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.superposition.testing.TestData;

class PcaFrontierTest {

  @Test
  void dataOnALineNeedsOneComponent() {
    // (1, 1, 1) + t (1, 2, 3) for t = 0, 1, 2, 5
    float[] data = new float[12];
    int[] t = {0, 1, 2, 5};
    for (int r = 0; r < 4; r++) {
      for (int j = 0; j < 3; j++) {
        data[r * 3 + j] = 1 + t[r] * (j + 1);
      }
    }
    double[] fvu = PcaFrontier.fvu(data, 4, 3);
    assertEquals(4, fvu.length);
    assertEquals(1, fvu[0], 0);
    assertEquals(0, fvu[1], 1e-12);
    assertEquals(0, fvu[3], 1e-12);
  }

  @Test
  void agreesWithReferenceErrors() {
    int rows = 200;
    int n = 6;
    float[] data =
        TestData.randomFloats(rows * n, new Random(7), (r, i) -> r.nextFloat() * (1 + i % n));
    double[] fvu = PcaFrontier.fvu(data, rows, n);
    for (int j = 0; j <= n; j++) {
      ReferenceErrors errors = ReferenceErrors.of(data, rows, n, j);
      assertEquals(errors.pcaMse() / errors.meanPredictorMse(), fvu[j], 1e-12, "rank " + j);
      assertTrue(j == 0 || fvu[j] <= fvu[j - 1]);
    }
  }

  @Test
  void dataThatDoNotVaryHaveNoFraction() {
    assertTrue(Double.isNaN(PcaFrontier.fvu(new float[] {2, 3, 2, 3}, 2, 2)[0]));
  }

  @Test
  void interpolatesBetweenWholeRanksAndClamps() {
    double[] fvu = {1, 0.5, 0.2, 0};
    assertEquals(0.35, PcaFrontier.at(fvu, 1.5), 1e-12);
    assertEquals(0.2, PcaFrontier.at(fvu, 2), 0);
    assertEquals(0.05, PcaFrontier.at(fvu, 2.75), 1e-12);
    assertEquals(1, PcaFrontier.at(fvu, -1), 0);
    assertEquals(0, PcaFrontier.at(fvu, 10), 0);
    assertTrue(Double.isNaN(PcaFrontier.at(fvu, Double.NaN)));
  }

  @Test
  void badShapeIsNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PcaFrontier.fvu(new float[5], 2, 3));
    assertTrue(e.getMessage().contains("data"), e.getMessage());
  }
}
