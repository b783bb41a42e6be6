package weka.superposition.data;

import java.util.Arrays;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * A nominal class as a classifier learns it: the one-hot targets of the rows, whether their
 * weighted class values leave anything to learn, and the class prior predicted when they do not.
 * The rows must all have a class value.
 */
public final class ClassTargets {

  private ClassTargets() {}

  /** One row of {@code data.numClasses()} values per instance, 1 at its class and 0 elsewhere. */
  public static float[] oneHot(Instances data) {
    int classes = data.numClasses();
    float[] targets = new float[data.numInstances() * classes];
    for (int r = 0; r < data.numInstances(); r++) {
      targets[r * classes + (int) data.instance(r).classValue()] = 1;
    }
    return targets;
  }

  /**
   * Why no network can be trained on {@code train}, or null if one can: a network needs an input
   * and two class values that rows of non-zero weight show.
   */
  public static String nothingToLearn(Instances train) {
    if (train.numAttributes() == 1) {
      return "the data have no attribute but the class";
    }
    if (train.isEmpty()) {
      return "no training instance has a class value";
    }
    double[] weights = new double[train.numClasses()];
    for (Instance row : train) {
      weights[(int) row.classValue()] += row.weight();
    }
    long seen = Arrays.stream(weights).filter(w -> w > 0).count();
    return seen < 2
        ? "the training instances of non-zero weight show "
            + seen
            + " of the class "
            + "values of "
            + train.classAttribute().name()
        : null;
  }

  /** The class distribution of {@code train}, with one pseudo-count per value, as ZeroR has it. */
  public static double[] prior(Instances train) {
    double[] counts = new double[train.numClasses()];
    Arrays.fill(counts, 1);
    for (Instance row : train) {
      counts[(int) row.classValue()] += row.weight();
    }
    Utils.normalize(counts);
    return counts;
  }
}
