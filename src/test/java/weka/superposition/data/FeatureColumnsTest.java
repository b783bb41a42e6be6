package weka.superposition.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureColumnsTest {

  @Test
  void zeroShareCountsExactZerosPerColumn() {
    float[] x = {0, 1, 0, 0, 0, 0, 3, 4, 0, 6, 0, 0};
    assertArrayEquals(new double[] {0.5, 0.5, 1}, FeatureColumns.zeroShare(x, 4, 3), 1e-12);
  }

  @Test
  void independentShufflingKeepsEachColumnsValuesAndBreaksTheirLink() {
    int rows = 2000;
    float[] x = new float[rows * 2];
    for (int r = 0; r < rows; r++) {
      x[r * 2] = r;
      x[r * 2 + 1] = r; // the two columns are identical
    }
    float[] shuffled = FeatureColumns.shuffledIndependently(x, rows, 2, new Random(1));
    for (int c = 0; c < 2; c++) {
      assertArrayEquals(sortedColumn(x, rows, c), sortedColumn(shuffled, rows, c));
    }
    int equal = 0;
    for (int r = 0; r < rows; r++) {
      equal += shuffled[r * 2] == shuffled[r * 2 + 1] ? 1 : 0;
    }
    assertTrue(equal < 10, equal + " rows still pair equal values");
  }

  @Test
  void perFeatureSparsityGivesEachFeatureItsShareOfZeros() {
    double[] sparsity = {0, 0.5, 0.9};
    float[] x = SparseSampling.sample(20_000, sparsity, new Random(3));
    double[] zeros = FeatureColumns.zeroShare(x, 20_000, 3);
    for (int i = 0; i < 3; i++) {
      assertEquals(sparsity[i], zeros[i], 0.015);
    }
  }

  private static float[] sortedColumn(float[] x, int rows, int c) {
    float[] column = new float[rows];
    for (int r = 0; r < rows; r++) {
      column[r] = x[r * 2 + c];
    }
    Arrays.sort(column);
    return column;
  }
}
