package weka.superposition.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MmcsTest {

  private static final double EPS = 1e-9;

  private static final float[] AXES = {1, 0, 0, 0, 1, 0};

  @Test
  void theSameDirectionsPermutedAndScaledScoreOne() {
    float[] learned = {0, 3, 0, 2, 0, 0, 0, 0, 1};
    assertEquals(1, Mmcs.of(AXES, 2, learned, 3, 3), EPS);
  }

  @Test
  void aDirectionBetweenTwoScoresTheirCosine() {
    assertEquals(Math.sqrt(0.5), Mmcs.of(AXES, 2, new float[] {1, 1, 0}, 1, 3), EPS);
  }

  @Test
  void theDictionaryCosineIsSigned() {
    // -x is no match for x: the best for x is 0 (from y), for y it is 1
    assertEquals(0.5, Mmcs.of(AXES, 2, new float[] {-1, 0, 0, 0, 1, 0}, 2, 3), EPS);
  }

  @Test
  void aZeroVectorHasCosineZero() {
    assertEquals(0, Mmcs.of(AXES, 2, new float[3], 1, 3), 0);
    assertEquals(0.5, Mmcs.of(new float[] {0, 0, 0, 1, 0, 0}, 2, AXES, 2, 3), EPS);
  }

  @Test
  void pcaAxesCountInAbsoluteValue() {
    // centred (-1, -1), (2, 2), (0, -1), (-1, 0): covariance 1/4 [[6, 5], [5, 6]], whose axes are
    // (1, 1) and (1, -1) over sqrt 2, each of either sign
    float[] data = {0, 0, 3, 3, 1, 0, 0, 1};
    assertEquals(1, Mmcs.pca(new float[] {-1, -1}, 1, data, 4, 2), EPS);
    assertEquals(1, Mmcs.pca(new float[] {1, -1, 2, 2}, 2, data, 4, 2), EPS);
    assertEquals(Math.sqrt(0.5), Mmcs.pca(new float[] {1, 0}, 1, data, 4, 2), EPS);
  }

  @Test
  void badShapesAreNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Mmcs.of(AXES, 3, AXES, 2, 3));
    assertTrue(e.getMessage().contains("true directions"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Mmcs.of(AXES, 2, AXES, 1, 3));
    assertTrue(e.getMessage().contains("learned directions"), e.getMessage());
  }
}
