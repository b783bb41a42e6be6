package weka.superposition.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weka.superposition.analysis.Spread;
import weka.superposition.report.ClaimRules.AgainstControls;

/** Each rule of REPORT.md with numbers on both sides of its threshold and on the threshold. */
class ClaimRulesTest {

  /** The rules that judge one number, by the names the table below uses. */
  private static final Map<String, DoublePredicate> RULES =
      Map.of(
          "reachesNotebookAccuracy", ClaimRules::reachesNotebookAccuracy,
          "usefulCode", ClaimRules::usefulCode,
          "twoDirections", ClaimRules::twoDirections,
          "rightAngles", ClaimRules::rightAngles,
          "normRisesWithImportance", ClaimRules::normRisesWithImportance,
          "biasFallsWithImportance", ClaimRules::biasFallsWithImportance,
          "interferenceNearZero", ClaimRules::interferenceNearZero,
          "moreDirectionsThanDimensions(x, 2)", x -> ClaimRules.moreDirectionsThanDimensions(x, 2),
          "enoughSeeds", x -> ClaimRules.enoughSeeds((int) x),
          "faithful", ClaimRules::faithful);

  @ParameterizedTest(name = "{0}({1}) is {2}")
  @CsvSource(
      textBlock =
          """
          # the notebook's accuracy is reached from 0.960
          reachesNotebookAccuracy, 0.9653, true
          reachesNotebookAccuracy, 0.96, true
          reachesNotebookAccuracy, 0.9599, false
          # a useful code closes a tenth of the gap
          usefulCode, 0.46, true
          usefulCode, 0.10, true
          usefulCode, 0.099, false
          usefulCode, -0.7, false
          # two directions hold seventy percent
          twoDirections, 0.9, true
          twoDirections, 0.70, true
          twoDirections, 0.69, false
          # right angles are ninety degrees give or take twenty; fewer than two clusters have no angle
          rightAngles, 90, true
          rightAngles, 70, true
          rightAngles, 110, true
          rightAngles, 69.9, false
          rightAngles, 110.1, false
          rightAngles, NaN, false
          # a faithful dictionary recovers nine tenths of the accuracy
          faithful, 0.97, true
          faithful, 0.90, true
          faithful, 0.899, false
          # rank correlations must pass a half in the claimed direction
          normRisesWithImportance, 0.8, true
          normRisesWithImportance, 0.5, false
          normRisesWithImportance, -0.8, false
          biasFallsWithImportance, -0.8, true
          biasFallsWithImportance, -0.5, false
          biasFallsWithImportance, 0.8, false
          # interference is near zero below a tenth
          interferenceNearZero, 0.01, true
          interferenceNearZero, 0.1, false
          interferenceNearZero, 3, false
          # superposition needs more directions than dimensions
          'moreDirectionsThanDimensions(x, 2)', 2.3, true
          'moreDirectionsThanDimensions(x, 2)', 2, false
          'moreDirectionsThanDimensions(x, 2)', 1, false
          # a verdict over seeds needs three of them
          enoughSeeds, 3, true
          enoughSeeds, 10, true
          enoughSeeds, 2, false
          enoughSeeds, 1, false
          """)
  void eachRuleHoldsOnItsSideOfTheThreshold(String rule, double value, boolean holds) {
    assertEquals(holds, RULES.get(rule).test(value));
  }

  @Test
  void moreNeedsOneUnitAndMoreThanBothSpreads() {
    assertTrue(ClaimRules.more(new Spread(4, 0), new Spread(3, 0)), "exactly one more, no spread");
    assertFalse(ClaimRules.more(new Spread(3.9, 0), new Spread(3, 0)), "less than one more");
    assertFalse(
        ClaimRules.more(new Spread(5, 1), new Spread(3, 1)), "the difference equals the spreads");
    assertTrue(ClaimRules.more(new Spread(5.1, 1), new Spread(3, 1)));
    assertFalse(ClaimRules.more(new Spread(3, 0), new Spread(5, 0)), "fewer is not more");
    assertEquals(
        ClaimRules.Comparison.MORE, ClaimRules.compare(new Spread(5, 0), new Spread(3, 0)));
    assertEquals(
        ClaimRules.Comparison.FEWER, ClaimRules.compare(new Spread(3, 0), new Spread(5, 0)));
    assertEquals(
        ClaimRules.Comparison.ABOUT_AS_MANY,
        ClaimRules.compare(new Spread(3, 1), new Spread(3.5, 1)));
  }

  @ParameterizedTest(name = "{0} seed(s), {1} directions against 1: {2}")
  @CsvSource(
      textBlock =
          """
          # from three seeds the rules decide
          3, 4, true, 'the converged autoencoder learned a code in every seed'
          3, 1, false, 'the converged autoencoder learned a code in every seed'
          # from fewer nothing is decided; the first reason says what the seeds indicate
          2, 4, , 'only 2 seeds: they indicate more superposition than the controls, run at least 3 seeds to decide (`examples/run-experiment.sh --seeds 3`)'
          2, 1, , 'only 2 seeds: they indicate not more superposition than the controls, run at least 3 seeds to decide (`examples/run-experiment.sh --seeds 3`)'
          1, 4, , 'only 1 seed: it indicates more superposition than the controls, run at least 3 seeds to decide (`examples/run-experiment.sh --seeds 3`)'
          """)
  void theVerdictNeedsThreeSeeds(int seeds, double directions, Boolean holds, String reason) {
    Spread controls = new Spread(1, 0);
    ClaimRules.Verdict verdict =
        ClaimRules.superposition(
            new Spread(0.4, 0),
            new AgainstControls(new Spread(directions, 0), controls, controls),
            2,
            seeds);
    assertEquals(holds, verdict.holds());
    assertTrue(verdict.reasons().get(0).startsWith(reason), verdict.reasons().get(0));
    assertTrue(
        verdict.reasons().stream().anyMatch(r -> r.startsWith("the trained features take")),
        "the figures' reasons are kept: " + verdict.reasons());
  }

  @Test
  void tooFewSeedsWithoutACodeIndicateNoVerdict() {
    Spread controls = new Spread(1, 0);
    ClaimRules.Verdict verdict =
        ClaimRules.superposition(
            new Spread(0.05, 0), new AgainstControls(new Spread(4, 0), controls, controls), 2, 1);
    assertNull(verdict.holds());
    assertTrue(
        verdict.reasons().get(0).startsWith("only 1 seed: it indicates no verdict"),
        verdict.toString());
    assertTrue(verdict.reasons().get(1).contains("learned no code"), verdict.toString());
  }

  @Test
  void theVerdictHoldsOnlyWhenEveryRuleDoes() {
    Spread learned = new Spread(0.4, 0.02);
    Spread controls = new Spread(1, 0);
    assertTrue(
        ClaimRules.superposition(
                learned, new AgainstControls(new Spread(4, 0.5), controls, controls), 2, 3)
            .holds());
    // a swapped comparison: the controls have more directions
    assertFalse(
        ClaimRules.superposition(
                learned, new AgainstControls(controls, new Spread(4, 0), new Spread(4, 0)), 2, 3)
            .holds());
    // more than the controls, but not more than the two dimensions
    assertFalse(
        ClaimRules.superposition(
                learned, new AgainstControls(new Spread(2, 0), controls, controls), 2, 3)
            .holds());
    // more than one control only
    assertFalse(
        ClaimRules.superposition(
                learned, new AgainstControls(new Spread(4, 0), controls, new Spread(3.5, 0)), 2, 3)
            .holds());
    // no code learned: nothing is decided
    ClaimRules.Verdict undecided =
        ClaimRules.superposition(
            new Spread(0.05, 0), new AgainstControls(new Spread(4, 0), controls, controls), 2, 3);
    assertNull(undecided.holds());
    assertTrue(undecided.reasons().get(0).contains("learned no code"), undecided.toString());
    // a code on the mean over seeds, but not in the weakest seed: nothing is decided
    Spread oneSeedFails = Spread.of(0.46, -0.28, 0.50);
    assertNull(
        ClaimRules.superposition(
                oneSeedFails, new AgainstControls(new Spread(4, 0), controls, controls), 2, 3)
            .holds());
    // the weakest seed exactly on the rule's threshold counts as a code
    assertTrue(
        ClaimRules.superposition(
                Spread.of(ClaimRules.USEFUL_CODE, 0.3, 0.4),
                new AgainstControls(new Spread(4, 0), controls, controls),
                2,
                3)
            .holds());
  }

  /** A faithful dictionary of 196 live features whose purity gain is 0.3 against 0.1. */
  private static ClaimRules.Verdict dictionary(
      int seeds, double recovered, double live, double trainedGain) {
    return ClaimRules.dictionary(
        seeds,
        new Spread(0.97, 0.01, recovered),
        new Spread(live, 0),
        49,
        new AgainstControls(
            new Spread(trainedGain, 0.01), new Spread(0.0, 0.01), new Spread(0.10, 0.01)));
  }

  @ParameterizedTest(name = "{0} seeds, recovered {1}, {2} live, purity gain {3}: {4}")
  @CsvSource(
      textBlock =
          """
          # every rule holds
          3, 0.95, 196, 0.30, true
          # the purity gain must beat each control's by five hundredths and the spreads
          3, 0.95, 196, 0.151, true
          3, 0.95, 196, 0.149, false
          # more live features than the 49 dimensions
          3, 0.95, 50, 0.30, true
          3, 0.95, 49, 0.30, false
          # an unfaithful dictionary decides nothing
          3, 0.89, 196, 0.30,
          # fewer than three seeds decide nothing
          2, 0.95, 196, 0.30,
          """)
  void theDictionaryVerdictNeedsFaithfulnessMoreFeaturesAPurityGainAndThreeSeeds(
      int seeds, double recovered, double live, double gain, Boolean holds) {
    ClaimRules.Verdict verdict = dictionary(seeds, recovered, live, gain);
    assertEquals(holds, verdict.holds(), String.join("; ", verdict.reasons()));
  }

  @Test
  void tooFewSeedsSayWhatTheDictionaryIndicatesAndHowToRunMore() {
    ClaimRules.Verdict verdict = dictionary(1, 0.95, 196, 0.30);
    assertNull(verdict.holds());
    assertTrue(
        verdict.reasons().get(0).startsWith("only 1 seed: it indicates features in superposition"),
        verdict.reasons().get(0));
    assertTrue(verdict.reasons().get(0).contains("--seeds 3"), verdict.reasons().get(0));
  }

  @Test
  void eachRuleWordsItsComparisonWithTheControlsItsOwnWay() {
    Spread controls = new Spread(1, 0);
    assertEquals(
        List.of(
            "more than the independent-features control (4.0 ± 0.5 against 1.0 ± 0.0)",
            "not more than the untrained-network control (4.0 ± 0.5 against 3.5 ± 0.0)"),
        ClaimRules.superposition(
                new Spread(0.4, 0),
                new AgainstControls(new Spread(4, 0.5), controls, new Spread(3.5, 0)),
                2,
                3)
            .reasons()
            .subList(2, 4));
    assertEquals(
        List.of(
            "its purity gain is higher than the independent-columns control's"
                + " (0.300 ± 0.010 against 0.000 ± 0.010)",
            "its purity gain is higher than the untrained-network control's"
                + " (0.300 ± 0.010 against 0.100 ± 0.010)"),
        dictionary(3, 0.95, 196, 0.30).reasons().subList(2, 4));
  }
}
