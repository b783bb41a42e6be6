package weka.superposition.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DictionaryAnalysisTest {

  private static final double EPS = 1e-9;

  /**
   * Features 0 and 1 copy the two inputs (ReLU changes nothing on non-negative data); feature 2,
   * direction (0.6, 0.8), is never active.
   */
  private static final DictionaryWeights IDENTITY =
      new DictionaryWeights(
          2,
          3,
          0,
          new float[] {1, 0, 0, 0, 1, 0},
          new float[] {0, 0, -1},
          new float[] {1, 0, 0, 1, 0.6f, 0.8f},
          new float[] {0, 0});

  /**
   * Rows 0 and 1 of class 0, rows 2 and 3 of class 1: input 0 (mass 3) only in class 0, input 1
   * (mass 2) once in each.
   */
  private static final float[] DATA = {1, 1, 2, 0, 0, 1, 0, 0};

  private static final int[] LABELS = {0, 0, 1, 1};

  private static final float[] OUTPUT_KERNEL = {1, 2, 3, 4};

  private static DictionaryAnalysis analyse() {
    return DictionaryAnalysis.of(IDENTITY, DATA, 4, LABELS, 2, OUTPUT_KERNEL);
  }

  @Test
  void aPerfectDictionaryLeavesNoVariance() {
    DictionaryAnalysis a = analyse();
    assertEquals(0, a.fvu(), EPS);
    assertEquals(0, a.mse(), EPS);
  }

  @Test
  void reconstructingTheMeanLeavesAllVariance() {
    // no feature ever fires, so x' = b_d = the column means (0.75, 0.5)
    DictionaryWeights mean =
        new DictionaryWeights(
            2, 1, 0, new float[2], new float[] {-1}, new float[2], new float[] {0.75f, 0.5f});
    DictionaryAnalysis a = DictionaryAnalysis.of(mean, DATA, 4, null, 0, null);
    assertEquals(1, a.fvu(), EPS);
    // column variances (1/16 + 25/16 + 9/16 + 9/16) / 4 = 11/16 and 1/4, over 2 inputs
    assertEquals((11.0 / 16 + 0.25) / 2, a.mse(), EPS);
    assertEquals(0, a.l0(), 0);
    assertEquals(1, a.deadFeatures());
  }

  @Test
  void sparsityAndDensity() {
    DictionaryAnalysis a = analyse();
    // active features per row: 2, 1, 1, 0
    assertEquals(1, a.l0(), EPS);
    assertArrayEquals(new double[] {0.5, 0.5, 0}, a.density(), EPS);
    assertEquals(1, a.deadFeatures());
    assertEquals(2, a.liveFeatures());
    assertEquals(2, a.denseFeatures());
    assertEquals(25, a.densityBinEdges().length);
    assertEquals(-6, a.densityBinEdges()[0], EPS);
    assertEquals(0, a.densityBinEdges()[24], EPS);
    // log10(0.5) = -0.30, in [-0.5, -0.25): bin 22; the dead feature is in no bin
    int[] expected = new int[24];
    expected[22] = 2;
    assertArrayEquals(expected, a.densityHistogram());
  }

  @Test
  void densityOneFallsInTheLastBin() {
    DictionaryWeights always =
        new DictionaryWeights(
            1, 1, 0, new float[] {0}, new float[] {1}, new float[1], new float[1]);
    DictionaryAnalysis a = DictionaryAnalysis.of(always, new float[3], 3, null, 0, null);
    assertEquals(1, Arrays.stream(a.densityHistogram()).sum());
    assertEquals(1, a.densityHistogram()[23]);
    assertEquals(1, a.denseFeatures());
  }

  @Test
  void classFiguresOfOneClassAndOfTwoAlike() {
    DictionaryAnalysis a = analyse();
    assertArrayEquals(new double[] {1, 0}, a.featureClassShares()[0], EPS);
    assertArrayEquals(new double[] {0.5, 0.5}, a.featureClassShares()[1], EPS);
    assertArrayEquals(new double[] {1, 0.5, Double.NaN}, a.featurePurity(), EPS);
    assertArrayEquals(new double[] {0, 1, Double.NaN}, a.featureEntropy(), EPS);
    assertArrayEquals(new double[] {1, 2, Double.NaN}, a.featureEffectiveClasses(), EPS);
    assertTrue(Double.isNaN(a.featureClassShares()[2][0]));
    // the features copy the neurons, so these agree
    assertArrayEquals(new double[] {1, 0.5}, a.neuronPurity(), EPS);
    assertArrayEquals(new double[] {0, 1}, a.neuronEntropy(), EPS);
    assertArrayEquals(new double[] {1, 2}, a.neuronEffectiveClasses(), EPS);
    // plain means over the live features; weighted by mass 3 and 2: (3 + 1) / 5
    assertEquals(0.75, a.meanFeaturePurity(), EPS);
    assertEquals(1.5, a.meanFeatureEffectiveClasses(), EPS);
    assertEquals(0.8, a.activationWeightedFeaturePurity(), EPS);
    assertEquals(0.75, a.meanNeuronPurity(), EPS);
    assertEquals(1.5, a.meanNeuronEffectiveClasses(), EPS);
    assertEquals(0.8, a.activationWeightedNeuronPurity(), EPS);
  }

  @Test
  void rowsWithoutAClassCountForAllButTheClassFigures() {
    // row 2 (class 1) unlabelled: feature 1's mass is then all in class 0
    DictionaryAnalysis a =
        DictionaryAnalysis.of(IDENTITY, DATA, 4, new int[] {0, 0, -1, 1}, 2, null);
    assertEquals(1, a.featurePurity()[1], EPS);
    assertEquals(0.5, a.density()[1], EPS);
  }

  @Test
  void withoutLabelsOrKernelThoseFiguresAreAbsent() {
    DictionaryAnalysis a = DictionaryAnalysis.of(IDENTITY, DATA, 4, null, 0, null);
    assertNull(a.featureClassShares());
    assertNull(a.neuronPurity());
    assertNull(a.logitEffects());
    assertTrue(Double.isNaN(a.meanFeaturePurity()));
    assertTrue(Double.isNaN(a.activationWeightedNeuronPurity()));
  }

  @Test
  void logitEffectIsDecoderTimesOutputKernel() {
    double[][] effects = analyse().logitEffects();
    // rows (1, 0), (0, 1), (0.6, 0.8) times [[1, 2], [3, 4]]
    assertArrayEquals(new double[] {1, 2}, effects[0], EPS);
    assertArrayEquals(new double[] {3, 4}, effects[1], EPS);
    assertArrayEquals(new double[] {0.6 + 2.4, 1.2 + 3.2}, effects[2], 1e-6);
  }

  @Test
  void topRowsHighestFirstTiesByRow() {
    int[][] top = analyse().topRows();
    // feature 0: 2 in row 1, 1 in row 0; feature 1: 1 in rows 0 and 2
    assertArrayEquals(new int[] {1, 0}, top[0]);
    assertArrayEquals(new int[] {0, 2}, top[1]);
    assertArrayEquals(new int[] {}, top[2]);
  }

  @Test
  void topRowsKeepsTheSixteenHighestOfMany() {
    DictionaryWeights copy =
        new DictionaryWeights(
            1, 1, 0, new float[] {1}, new float[1], new float[] {1}, new float[1]);
    // 40 rows with activation r mod 5: 4 in rows 4, 9, .., 39, then 3 in rows 3, 8, .., 38
    float[] data = new float[40];
    for (int r = 0; r < 40; r++) {
      data[r] = r % 5;
    }
    int[] expected = new int[16];
    for (int i = 0; i < 8; i++) {
      expected[i] = 4 + 5 * i;
      expected[8 + i] = 3 + 5 * i;
    }
    assertArrayEquals(expected, DictionaryAnalysis.of(copy, data, 40, null, 0, null).topRows()[0]);
    // distinct activations in a scrambled order: the sixteen largest, sorted
    for (int r = 0; r < 40; r++) {
      data[r] = (r * 7) % 40;
    }
    int[] top = DictionaryAnalysis.of(copy, data, 40, null, 0, null).topRows()[0];
    double[] values = Arrays.stream(top).mapToDouble(r -> data[r]).toArray();
    double[] sixteenLargest = new double[16];
    for (int i = 0; i < 16; i++) {
      sixteenLargest[i] = 39 - i;
    }
    assertArrayEquals(sixteenLargest, values, 0);
  }

  private static void assertNames(String what, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(e.getMessage().contains(what), e.getMessage());
  }

  @Test
  void badInputsAreNamed() {
    assertNames("data", () -> DictionaryAnalysis.of(IDENTITY, DATA, 3, null, 0, null));
    assertNames("no rows", () -> DictionaryAnalysis.of(IDENTITY, new float[0], 0, null, 0, null));
    assertNames("labels", () -> DictionaryAnalysis.of(IDENTITY, DATA, 4, new int[3], 2, null));
    assertNames(
        "row 3 has class 2",
        () -> DictionaryAnalysis.of(IDENTITY, DATA, 4, new int[] {0, 1, 0, 2}, 2, null));
    assertNames(
        "output kernel", () -> DictionaryAnalysis.of(IDENTITY, DATA, 4, null, 2, new float[3]));
    assertNames("numClasses", () -> DictionaryAnalysis.of(IDENTITY, DATA, 4, LABELS, 0, null));
  }
}
