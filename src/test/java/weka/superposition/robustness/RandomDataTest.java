package weka.superposition.robustness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.filters.unsupervised.attribute.TFMlpActivations;

/**
 * Small random data sets of every awkward kind through the three learners, in one JVM: each must
 * end in a model or in an error that names the problem, never a native crash, a NaN advice that
 * blames the learning rate, or a refusal of weighted data.
 */
class RandomDataTest {

  private static final int CASES = 150;

  @Test
  void awkwardDataGetAModelOrAClearError() throws Exception {
    Map<String, Integer> outcomes = new TreeMap<>();
    Random random = new Random(20261127);
    int chained = 0;
    for (int c = 0; c < CASES; c++) {
      Instances data = randomData(random);
      int miniBatch = 1 + random.nextInt(16);
      int hidden = 1 + random.nextInt(5);
      TFMlpClassifier classifier = classifier(miniBatch, hidden);
      String outcome = outcome("classifier", () -> classifier.buildClassifier(data));
      count(outcomes, outcome);
      if (!outcome.equals("classifier: model")) {
        continue;
      }
      TFMlpActivations activations = new TFMlpActivations();
      activations.setClassifier(classifier(miniBatch, hidden));
      Instances[] hiddenData = new Instances[1];
      outcome =
          outcome(
              "activations",
              () -> {
                activations.setInputFormat(data);
                hiddenData[0] = Filter.useFilter(data, activations);
              });
      count(outcomes, outcome);
      if (!outcome.equals("activations: model")) {
        continue;
      }
      SuperpositionAutoencoder autoencoder = new SuperpositionAutoencoder();
      autoencoder.setEpochs(2);
      autoencoder.setMiniBatchSize(miniBatch);
      count(
          outcomes,
          outcome(
              "autoencoder",
              () -> {
                autoencoder.setInputFormat(hiddenData[0]);
                Filter.useFilter(hiddenData[0], autoencoder);
              }));
      chained++;
    }
    System.out.println("Random data, " + CASES + " cases: " + outcomes);

    for (String outcome : outcomes.keySet()) {
      assertFalse(outcome.contains("learning rate"), outcome);
      assertFalse(outcome.contains("weights are not equal"), outcome);
      assertFalse(outcome.contains("unexpected"), outcome);
    }
    // the generator must exercise the whole chain, not only its errors
    assertTrue(chained > CASES / 4, outcomes.toString());
  }

  private static TFMlpClassifier classifier(int miniBatch, int hidden) {
    TFMlpClassifier classifier = new TFMlpClassifier();
    classifier.setEpochs(2);
    classifier.setMiniBatchSize(miniBatch);
    classifier.setHiddenUnits(hidden);
    return classifier;
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  /** "learner: model", or the learner and the first words of its error, the numbers masked. */
  private static String outcome(String learner, Step step) {
    try {
      step.run();
      return learner + ": model";
    } catch (weka.core.WekaException e) {
      return learner + ": " + words(e.getMessage());
    } catch (Exception e) {
      // Weka's own capability errors are plain Exceptions with a clear message
      String message = e.getMessage() == null ? "" : e.getMessage();
      return learner + ": " + (message.isEmpty() ? "unexpected " + e : words(message));
    }
  }

  private static String words(String message) {
    String masked = message.replaceAll("[-+]?\\d[\\d.E+-]*", "#").replaceAll("Infinity", "#");
    return masked.length() > 90 ? masked.substring(0, 90) : masked;
  }

  private static void count(Map<String, Integer> outcomes, String outcome) {
    outcomes.merge(outcome, 1, Integer::sum);
  }

  /**
   * 0-5 numeric and 0-2 nominal attributes, 1-4 classes, 0-59 rows, 10 % missing values, a few
   * cells of +-1e300 or +Infinity, a fifth of the rows of weight 0.
   */
  private static Instances randomData(Random random) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    int numeric = random.nextInt(6);
    int nominal = random.nextInt(3);
    for (int a = 0; a < numeric; a++) {
      attributes.add(new Attribute("n" + a));
    }
    for (int a = 0; a < nominal; a++) {
      attributes.add(
          new Attribute("c" + a, List.of("x", "y", "z").subList(0, 1 + random.nextInt(3))));
    }
    List<String> classes = new ArrayList<>();
    for (int k = 0, n = 1 + random.nextInt(4); k < n; k++) {
      classes.add("k" + k);
    }
    attributes.add(new Attribute("class", classes));
    int rows = random.nextInt(60);
    Instances data = new Instances("random", attributes, rows);
    data.setClassIndex(attributes.size() - 1);
    for (int r = 0; r < rows; r++) {
      double[] values = new double[attributes.size()];
      for (int a = 0; a < values.length; a++) {
        Attribute attribute = attributes.get(a);
        values[a] =
            attribute.isNominal()
                ? random.nextInt(attribute.numValues())
                : random.nextGaussian() * 3;
        if (random.nextDouble() < 0.1) {
          values[a] = Utils.missingValue();
        } else if (attribute.isNumeric() && random.nextDouble() < 0.02) {
          values[a] = new double[] {1e300, -1e300, Double.POSITIVE_INFINITY}[random.nextInt(3)];
        }
      }
      data.add(new DenseInstance(random.nextDouble() < 0.2 ? 0 : 1, values));
    }
    return data;
  }
}
