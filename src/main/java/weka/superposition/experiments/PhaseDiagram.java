package weka.superposition.experiments;

import java.util.ArrayList;
import java.util.List;
import weka.superposition.autoencoder.ToyTraining;

/**
 * The paper's phase diagram: n = 2 features into m = 1 dimension, the first feature's importance 1,
 * the second's (the "extra" feature's) r, over a grid of r (0.1 to 10, logarithmic) against the
 * feature density 1 - S (0.01 to 1, logarithmic), both ranges the paper's figure's axes. Each cell
 * is one toy-model run per seed; its phase is read off the trained weights ({@code
 * ToyGeometry.phase}).
 */
public final class PhaseDiagram {

  public static final String EXPERIMENT = "phase-diagram";

  /** The axes of the paper's figure. */
  public static final double MIN_IMPORTANCE = 0.1;

  public static final double MAX_IMPORTANCE = 10;
  public static final double MIN_DENSITY = 0.01;
  public static final double MAX_DENSITY = 1;

  private PhaseDiagram() {}

  /**
   * The sweep of a {@code size x size} grid: cell (d, r) is density step d (from the sparsest) and
   * importance step r, in that order.
   */
  public static ToySweep.Settings settings(int size, int seeds, ToyTraining training) {
    if (size < 2) {
      throw new IllegalArgumentException("The grid needs at least 2 steps a side, not " + size);
    }
    List<ToySweep.Cell> cells = new ArrayList<>();
    for (double density : logSteps(MIN_DENSITY, MAX_DENSITY, size)) {
      for (double importance : logSteps(MIN_IMPORTANCE, MAX_IMPORTANCE, size)) {
        cells.add(new ToySweep.Cell(1 - density, importance));
      }
    }
    return new ToySweep.Settings(EXPERIMENT, 2, 1, cells, seeds, training);
  }

  /** {@code count} values from {@code from} to {@code to}, evenly spaced on a log scale. */
  public static double[] logSteps(double from, double to, int count) {
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = from * Math.pow(to / from, i / (double) (count - 1));
    }
    values[count - 1] = to;
    return values;
  }

  /** The feature density 1 - S of a cell. */
  public static double density(ToySweep.Cell cell) {
    return 1 - cell.sparsity();
  }
}
