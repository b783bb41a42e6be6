package weka.superposition.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weka.superposition.data.PlantedFeatures.Sample;
import weka.superposition.data.PlantedFeatures.Settings;

class PlantedFeaturesTest {

  private static final Settings SHARKEY = new Settings(20, 40, 3, 1);

  @Test
  void directionsAreFeaturesTimesDimensionsUnitVectors() {
    float[] directions = new PlantedFeatures(SHARKEY).directions();
    assertEquals(40 * 20, directions.length);
    for (int j = 0; j < 40; j++) {
      double norm = 0;
      for (int d = 0; d < 20; d++) {
        norm += directions[j * 20 + d] * (double) directions[j * 20 + d];
      }
      // float entries: the squared length is 1 to about float precision
      assertEquals(1, Math.sqrt(norm), 1e-6, "direction " + j);
    }
  }

  @Test
  void eachRowIsItsCoefficientsTimesTheDirections() {
    PlantedFeatures planted = new PlantedFeatures(SHARKEY);
    Sample sample = planted.sample(100, new Random(2));
    assertEquals(100, sample.rows());
    assertEquals(100 * 20, sample.data().length);
    assertEquals(100 * 40, sample.coefficients().length);
    float[] directions = planted.directions();
    for (int r = 0; r < 100; r++) {
      for (int d = 0; d < 20; d++) {
        double expected = 0;
        for (int j = 0; j < 40; j++) {
          expected += sample.coefficients()[r * 40 + j] * (double) directions[j * 20 + d];
        }
        assertEquals(expected, sample.data()[r * 20 + d], 1e-6, "row " + r + ", x" + (d + 1));
      }
    }
  }

  @Test
  void theSameSeedsGiveTheSameDataBitForBit() {
    Sample a = new PlantedFeatures(SHARKEY).sample(500, new Random(7));
    Sample b = new PlantedFeatures(SHARKEY).sample(500, new Random(7));
    assertArrayEquals(a.data(), b.data());
    assertArrayEquals(a.coefficients(), b.coefficients());
    float[] other = new PlantedFeatures(new Settings(20, 40, 3, 2)).directions();
    assertFalse(Arrays.equals(new PlantedFeatures(SHARKEY).directions(), other));
    assertFalse(
        Arrays.equals(a.data(), new PlantedFeatures(SHARKEY).sample(500, new Random(8)).data()));
  }

  @Test
  void rowsAreDrawnOneAfterAnotherFromTheRandom() {
    // what the data generator relies on: one row at a time gives the same rows as all at once
    PlantedFeatures planted = new PlantedFeatures(SHARKEY);
    Sample all = planted.sample(3, new Random(5));
    Random random = new Random(5);
    for (int r = 0; r < 3; r++) {
      Sample one = planted.sample(1, random);
      assertArrayEquals(Arrays.copyOfRange(all.data(), r * 20, r * 20 + 20), one.data());
    }
  }

  @Test
  void aboutExpectedActiveFeaturesPerRowWithUniformMagnitudes() {
    int rows = 20_000;
    Sample sample = new PlantedFeatures(SHARKEY).sample(rows, new Random(3));
    long active = 0;
    double magnitudes = 0;
    for (int r = 0; r < rows; r++) {
      active += sample.activeCount(r);
    }
    for (float c : sample.coefficients()) {
      assertTrue(c >= 0 && c < 1, "magnitude " + c);
      magnitudes += c;
    }
    // a row's count is Binomial(40, 3/40): sd sqrt(40 * 0.075 * 0.925) = 1.67, so the mean of
    // 20,000 rows has sd 0.0118; 0.05 is about 4 sd
    assertEquals(3, active / (double) rows, 0.05);
    // U[0, 1] has sd 0.289; over about 60,000 active features the mean's sd is 0.0012
    assertEquals(0.5, magnitudes / active, 0.005);
  }

  @Test
  void theStrongestFeatureIsTheLargestMagnitudeOrNone() {
    Sample sample = new Sample(new float[2], new float[] {0.2f, 0.7f, 0.1f, 0, 0, 0}, 2, 1, 3);
    assertEquals(1, sample.strongest(0));
    assertEquals(3, sample.activeCount(0));
    assertEquals(-1, sample.strongest(1));
    assertEquals(0, sample.activeCount(1));
  }

  @ParameterizedTest(name = "Settings({0}, {1}, {2}) names {3}")
  @CsvSource({
    "0, 40, 3, dimensions",
    "20, 0, 3, features",
    "20, 40, 0, active",
    "20, 40, -1, active",
    "20, 40, NaN, active",
    "20, 40, 41, at most the 40 features"
  })
  void badSettingsAreNamed(int dimensions, int features, double active, String named) {
    Exception error =
        assertThrows(
            IllegalArgumentException.class, () -> new Settings(dimensions, features, active, 1));
    assertTrue(error.getMessage().contains(named), error.getMessage());
  }

  @Test
  void allFeaturesActiveIsAllowedAndNegativeRowsAreNot() {
    Sample all = new PlantedFeatures(new Settings(2, 3, 3, 1)).sample(10, new Random(1));
    for (int r = 0; r < 10; r++) {
      assertEquals(3, all.activeCount(r));
    }
    PlantedFeatures planted = new PlantedFeatures(SHARKEY);
    assertThrows(IllegalArgumentException.class, () -> planted.sample(-1, new Random(1)));
  }
}
