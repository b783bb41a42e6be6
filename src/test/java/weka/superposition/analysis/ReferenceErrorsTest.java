package weka.superposition.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.superposition.testing.TestData;

class ReferenceErrorsTest {

  private static final double EPS = 1e-12;

  @Test
  void pointsOnADiagonalLine() {
    // (0, 0) and (2, 2): mean (1, 1), covariance [[1, 1], [1, 1]] with eigenvalues 2 and 0
    ReferenceErrors rank0 = ReferenceErrors.of(new float[] {0, 0, 2, 2}, 2, 2, 0);
    ReferenceErrors rank1 = ReferenceErrors.of(new float[] {0, 0, 2, 2}, 2, 2, 1);
    assertEquals(1, rank0.meanPredictorMse(), EPS);
    assertEquals(1, rank0.pcaMse(), EPS);
    assertEquals(0, rank1.pcaMse(), EPS);
    assertEquals(0.5, rank1.gapClosed(0.5), EPS);
  }

  /** Pinned before the covariance moved to {@link Covariance}: the refactoring changed no bit. */
  @Test
  void sameBitsAsBeforeTheSharedCovariance() {
    int rows = 300;
    int n = 7;
    float[] data = TestData.sparseFloats(rows * n, new Random(42), 0.4);
    double mean = 0x1.cdbe91bbc8205p-4;
    int[] ranks = {0, 1, 3, 7, 9};
    double[] pca = {mean, 0x1.802ef47ece909p-4, 0x1.e08fae94109c1p-5, 0, 0};
    for (int i = 0; i < ranks.length; i++) {
      ReferenceErrors errors = ReferenceErrors.of(data, rows, n, ranks[i]);
      assertEquals(mean, errors.meanPredictorMse(), 0);
      assertEquals(pca[i], errors.pcaMse(), 0, "rank " + ranks[i]);
    }
  }
}
