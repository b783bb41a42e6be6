package weka.superposition.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import weka.superposition.report.ClaimRules.Spread;

/** Each rule of REPORT.md with numbers on both sides of its threshold and on the threshold. */
class ClaimRulesTest {

  @Test
  void notebookAccuracyIsReachedFrom0960() {
    assertTrue(ClaimRules.reachesNotebookAccuracy(0.9653));
    assertTrue(ClaimRules.reachesNotebookAccuracy(0.96));
    assertFalse(ClaimRules.reachesNotebookAccuracy(0.9599));
  }

  @Test
  void aUsefulCodeClosesATenthOfTheGap() {
    assertTrue(ClaimRules.usefulCode(0.46));
    assertTrue(ClaimRules.usefulCode(0.10));
    assertFalse(ClaimRules.usefulCode(0.099));
    assertFalse(ClaimRules.usefulCode(-0.7));
  }

  @Test
  void twoDirectionsHoldSeventyPercent() {
    assertTrue(ClaimRules.twoDirections(0.9));
    assertTrue(ClaimRules.twoDirections(0.70));
    assertFalse(ClaimRules.twoDirections(0.69));
  }

  @Test
  void rightAnglesAreNinetyDegreesGiveOrTakeTwenty() {
    assertTrue(ClaimRules.rightAngles(90));
    assertTrue(ClaimRules.rightAngles(70));
    assertTrue(ClaimRules.rightAngles(110));
    assertFalse(ClaimRules.rightAngles(69.9));
    assertFalse(ClaimRules.rightAngles(110.1));
    assertFalse(ClaimRules.rightAngles(Double.NaN), "fewer than two clusters have no angle");
  }

  @Test
  void rankCorrelationsMustPassHalfInTheClaimedDirection() {
    assertTrue(ClaimRules.normRisesWithImportance(0.8));
    assertFalse(ClaimRules.normRisesWithImportance(0.5));
    assertFalse(ClaimRules.normRisesWithImportance(-0.8));
    assertTrue(ClaimRules.biasFallsWithImportance(-0.8));
    assertFalse(ClaimRules.biasFallsWithImportance(-0.5));
    assertFalse(ClaimRules.biasFallsWithImportance(0.8));
  }

  @Test
  void interferenceIsNearZeroBelowATenth() {
    assertTrue(ClaimRules.interferenceNearZero(0.01));
    assertFalse(ClaimRules.interferenceNearZero(0.1));
    assertFalse(ClaimRules.interferenceNearZero(3));
  }

  @Test
  void superpositionNeedsMoreDirectionsThanDimensions() {
    assertTrue(ClaimRules.moreDirectionsThanDimensions(2.3, 2));
    assertFalse(ClaimRules.moreDirectionsThanDimensions(2, 2));
    assertFalse(ClaimRules.moreDirectionsThanDimensions(1, 2));
  }

  @Test
  void spreadIsTheMeanAndSampleStandardDeviationWithoutNaN() {
    Spread s = Spread.of(1, 2, 3, Double.NaN);
    assertEquals(2, s.mean(), 1e-12);
    assertEquals(1, s.sd(), 1e-12);
    assertEquals(0, Spread.of(4).sd());
    assertTrue(Double.isNaN(Spread.of(Double.NaN).mean()));
  }

  @Test
  void moreNeedsOneUnitAndMoreThanBothSpreads() {
    assertTrue(ClaimRules.more(new Spread(4, 0), new Spread(3, 0)), "exactly one more, no spread");
    assertFalse(ClaimRules.more(new Spread(3.9, 0), new Spread(3, 0)), "less than one more");
    assertFalse(
        ClaimRules.more(new Spread(5, 1), new Spread(3, 1)), "the difference equals the spreads");
    assertTrue(ClaimRules.more(new Spread(5.1, 1), new Spread(3, 1)));
    assertFalse(ClaimRules.more(new Spread(3, 0), new Spread(5, 0)), "fewer is not more");
    assertEquals("more", ClaimRules.compare(new Spread(5, 0), new Spread(3, 0)));
    assertEquals("fewer", ClaimRules.compare(new Spread(3, 0), new Spread(5, 0)));
    assertEquals("about as many", ClaimRules.compare(new Spread(3, 1), new Spread(3.5, 1)));
  }

  @Test
  void theVerdictHoldsOnlyWhenEveryRuleDoes() {
    Spread learned = new Spread(0.4, 0.02);
    Spread controls = new Spread(1, 0);
    assertTrue(
        ClaimRules.superposition(learned, new Spread(4, 0.5), controls, controls, 2).holds());
    // a swapped comparison: the controls have more directions
    assertFalse(
        ClaimRules.superposition(learned, controls, new Spread(4, 0), new Spread(4, 0), 2).holds());
    // more than the controls, but not more than the two dimensions
    assertFalse(ClaimRules.superposition(learned, new Spread(2, 0), controls, controls, 2).holds());
    // more than one control only
    assertFalse(
        ClaimRules.superposition(learned, new Spread(4, 0), controls, new Spread(3.5, 0), 2)
            .holds());
    // no code learned: nothing is decided
    ClaimRules.Verdict undecided =
        ClaimRules.superposition(new Spread(0.05, 0), new Spread(4, 0), controls, controls, 2);
    assertNull(undecided.holds());
    assertTrue(undecided.reasons().get(0).contains("learned no code"), undecided.toString());
    // a code on the mean over seeds, but not in the weakest seed: nothing is decided
    Spread oneSeedFails = Spread.of(0.46, -0.28, 0.50);
    assertNull(
        ClaimRules.superposition(oneSeedFails, new Spread(4, 0), controls, controls, 2).holds());
    // the weakest seed exactly on the rule's threshold counts as a code
    assertTrue(
        ClaimRules.superposition(
                Spread.of(ClaimRules.USEFUL_CODE, 0.3), new Spread(4, 0), controls, controls, 2)
            .holds());
  }
}
