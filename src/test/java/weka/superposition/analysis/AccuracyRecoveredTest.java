package weka.superposition.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccuracyRecoveredTest {

  @Test
  void shareOfTheAblationLossWonBack() {
    assertEquals(0.75, AccuracyRecovered.of(0.9, 0.8, 0.5), 1e-12);
    assertEquals(1, AccuracyRecovered.of(0.9, 0.9, 0.5), 1e-12);
    assertEquals(0, AccuracyRecovered.of(0.9, 0.5, 0.5), 1e-12);
    assertEquals(-0.25, AccuracyRecovered.of(0.9, 0.4, 0.5), 1e-12);
  }

  @Test
  void nothingToRecoverWhenAblationCostsNothing() {
    assertTrue(Double.isNaN(AccuracyRecovered.of(0.5, 0.7, 0.5)));
  }
}
