package weka.superposition.gui;

import java.util.Locale;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.superposition.autoencoder.ModelType;

/**
 * Whether data look like features for the autoencoder: 784 raw pixels (0-255) train for minutes to
 * an error in the thousands and a plot of 784 overlapping labels, and say nothing of superposition.
 */
public final class FeatureCheck {

  /** More features than a plot can label, and than a hidden layer usually has. */
  static final int MANY_FEATURES = 200;

  private FeatureCheck() {}

  /**
   * A warning that says what is wrong with {@code data} and what to load instead, or null when they
   * look like features for {@code autoencoder}'s model type (the numeric attributes are the
   * features; any other is taken for the class).
   */
  public static String warning(Instances data, SuperpositionAutoencoder autoencoder) {
    if (data == null) {
      return null;
    }
    ModelType type = ModelType.values()[autoencoder.getModelType().getSelectedTag().getID()];
    // the seed's decoder ends in tanh -> ReLU, the toy model's in ReLU
    double reachable = type == ModelType.TOY ? Double.POSITIVE_INFINITY : 1;
    int features = 0;
    for (int a = 0; a < data.numAttributes(); a++) {
      features += data.attribute(a).isNumeric() && a != data.classIndex() ? 1 : 0;
    }
    double[] range = range(data);
    boolean many = features > MANY_FEATURES;
    boolean outside = range[0] < -0.5 || range[1] > reachable * 1.5;
    if (!many && !outside) {
      return null;
    }
    // short lines: a dialog is as wide as its longest line
    return String.format(
        Locale.ROOT,
        "These data do not look like features for the "
            + "autoencoder:%n%d numeric attributes%s, values from %s to %s%s.%n%nLoad the hidden "
            + "activations instead: train a TFMlpClassifier in the Classify tab%nand press "
            + "\"Superposition...\", or apply the filter TFMlpActivations%n(unsupervised, attribute) "
            + "in the Preprocess tab.",
        features,
        many ? " (more than " + MANY_FEATURES + ")" : "",
        number(range[0]),
        number(range[1]),
        outside
            ? ",\nwhile its reconstructions lie in [0, "
                + (Double.isInfinite(reachable) ? "infinity" : number(reachable))
                + "]"
            : "");
  }

  /** The smallest and largest numeric value of any attribute but the class. */
  static double[] range(Instances data) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Instance row : data) {
      for (int a = 0; a < data.numAttributes(); a++) {
        if (a != data.classIndex() && data.attribute(a).isNumeric() && !row.isMissing(a)) {
          min = Math.min(min, row.value(a));
          max = Math.max(max, row.value(a));
        }
      }
    }
    return new double[] {min, max};
  }

  private static String number(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.3g", value);
  }
}
