package weka.superposition.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AngularClustersTest {

  private static double[] radians(double... degrees) {
    return Arrays.stream(degrees).map(Math::toRadians).toArray();
  }

  @Test
  void completeLinkageKeepsEveryPairWithinTheAngle() {
    // 0, 10, 25 fit in 30 degrees; 100 and 115 too; 300 is 60 degrees from 0
    int[] labels = AngularClusters.completeLinkage(radians(0, 10, 25, 100, 115, 300), 30);
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2}, labels);
  }

  @Test
  void chainsAreNotMergedAsSingleLinkageWould() {
    // each neighbour is 20 degrees away, but the ends are 40 apart
    int[] labels = AngularClusters.completeLinkage(radians(0, 20, 40), 30);
    assertEquals(2, Arrays.stream(labels).distinct().count());
  }

  @Test
  void anglesWrapAround() {
    assertEquals(20, AngularClusters.degreesBetween(Math.toRadians(350), Math.toRadians(10)), 1e-9);
    assertArrayEquals(new int[] {0, 0}, AngularClusters.completeLinkage(radians(350, 10), 30));
  }
}
