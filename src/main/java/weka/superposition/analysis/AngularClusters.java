package weka.superposition.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups 2-D directions by angle: agglomerative clustering with complete linkage, so that within a
 * cluster no two directions are more than a given angle apart.
 */
public final class AngularClusters {

  private AngularClusters() {}

  /** The angle in degrees, in [0, 180], between two directions given as angles in radians. */
  public static double degreesBetween(double a, double b) {
    double d = Math.abs(Math.toDegrees(a - b)) % 360;
    return d > 180 ? 360 - d : d;
  }

  /**
   * Cluster labels (0, 1, ... in order of first appearance) for the given angles (radians): pairs
   * of clusters are merged, closest first, while the largest angle between their members is at most
   * {@code maxDegrees}.
   */
  public static int[] completeLinkage(double[] angles, double maxDegrees) {
    List<List<Integer>> clusters = new ArrayList<>();
    for (int i = 0; i < angles.length; i++) {
      clusters.add(new ArrayList<>(List.of(i)));
    }
    while (true) {
      int bestA = -1;
      int bestB = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int a = 0; a < clusters.size(); a++) {
        for (int b = a + 1; b < clusters.size(); b++) {
          double d = linkage(clusters.get(a), clusters.get(b), angles);
          if (d < best) {
            best = d;
            bestA = a;
            bestB = b;
          }
        }
      }
      if (bestA < 0 || best > maxDegrees) {
        break;
      }
      clusters.get(bestA).addAll(clusters.remove(bestB));
    }
    int[] labels = new int[angles.length];
    clusters.sort(
        (x, y) ->
            Integer.compare(
                x.stream().min(Integer::compare).orElseThrow(),
                y.stream().min(Integer::compare).orElseThrow()));
    for (int c = 0; c < clusters.size(); c++) {
      for (int member : clusters.get(c)) {
        labels[member] = c;
      }
    }
    return labels;
  }

  private static double linkage(List<Integer> a, List<Integer> b, double[] angles) {
    double max = 0;
    for (int i : a) {
      for (int j : b) {
        max = Math.max(max, degreesBetween(angles[i], angles[j]));
      }
    }
    return max;
  }
}
