package weka.superposition.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpreadTest {

  @Test
  void spreadIsTheMeanSampleStandardDeviationAndMinimumWithoutNaN() {
    Spread s = Spread.of(1, 2, 3, Double.NaN);
    assertEquals(2, s.mean(), 1e-12);
    assertEquals(1, s.sd(), 1e-12);
    assertEquals(1, s.min());
    assertEquals(0, Spread.of(4).sd());
    assertTrue(Double.isNaN(Spread.of(Double.NaN).mean()));
  }
}
