package weka.superposition.experiments;

import java.util.ArrayList;
import java.util.List;
import weka.superposition.autoencoder.ToyTraining;

/**
 * The paper's feature-dimensionality experiment: many features of equal importance (the paper's
 * code: 200 features into 20 dimensions) at feature densities 1 - S = 20^-t for t evenly spaced
 * over [0, 1] (the paper's code: 20 levels), each feature's dimensionality D_i read against 1 / (1
 * - S).
 */
public final class FeatureDimensionality {

  public static final String EXPERIMENT = "feature-dimensionality";

  private FeatureDimensionality() {}

  /** The sweep: {@code levels} densities from 1 to 1/20, importance 1 for every feature. */
  public static ToySweep.Settings settings(
      int features, int bottleneck, int levels, int seeds, ToyTraining training) {
    List<ToySweep.Cell> cells = new ArrayList<>();
    for (int k = 0; k < levels; k++) {
      double density = levels == 1 ? 1 : Math.pow(20, -k / (double) (levels - 1));
      cells.add(new ToySweep.Cell(1 - density, 1));
    }
    return new ToySweep.Settings(EXPERIMENT, features, bottleneck, cells, seeds, training);
  }
}
