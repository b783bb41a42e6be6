package weka.superposition.describe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import weka.core.Instances;
import weka.superposition.analysis.DictionaryAnalysis;
import weka.superposition.dictionary.DictionaryTraining;
import weka.superposition.io.AtomicFiles;
import weka.superposition.io.JsonFiles;

/** A sparse dictionary's results as text (the filter's description) and as JSON. */
public final class DictionaryReport {

  private DictionaryReport() {}

  /**
   * What the JSON report holds: how the dictionary was trained, every epoch, the analysis and each
   * feature's decoder direction (K rows of the inputs' length, in the inputs' order).
   */
  public record Saved(
      DictionaryTraining.Settings settings,
      List<String> inputs,
      List<DictionaryTraining.Epoch> history,
      DictionaryAnalysis analysis,
      float[][] directions) {}

  /** The settings in one line, for a dictionary loaded from a file. */
  public static String describe(DictionaryTraining.Result result) {
    DictionaryTraining.Settings s = result.settings();
    return String.format(
        Locale.ROOT,
        "Sparse dictionary: %d features over %d inputs, %s, %d epochs, mini-batch %d, learning "
            + "rate %s, seed %d",
        s.features(),
        result.inputs().size(),
        s.mode() == DictionaryTraining.Mode.TOPK ? "top-" + s.k() : "L1 lambda " + s.l1(),
        s.adam().epochs(),
        s.adam().miniBatchSize(),
        s.adam().learningRate(),
        s.adam().seed());
  }

  /** The description and the analysis's headline figures. */
  public static String summary(DictionaryTraining.Result result, DictionaryAnalysis a) {
    StringBuilder text = new StringBuilder(describe(result)).append("\n\n");
    text.append(
        String.format(
            Locale.ROOT,
            "Fraction of variance unexplained (FVU): %.4f (mean squared error %.5f)%n"
                + "Active features per row (L0): %.2f%n"
                + "Live features: %d of %d (dead: %d, dense, active on more than %.0f %% of rows:"
                + " %d), against %d input dimensions%n",
            a.fvu(),
            a.mse(),
            a.l0(),
            a.liveFeatures(),
            result.settings().features(),
            a.deadFeatures(),
            100 * DictionaryAnalysis.DENSE,
            a.denseFeatures(),
            result.inputs().size()));
    if (a.featurePurity() != null) {
      text.append(
          String.format(
              Locale.ROOT,
              "Class purity (largest class share of a unit's activation), mean: features %.3f,"
                  + " input units %.3f; effective classes (2^entropy): features %.2f, input units"
                  + " %.2f%n",
              a.meanFeaturePurity(),
              a.meanNeuronPurity(),
              a.meanFeatureEffectiveClasses(),
              a.meanNeuronEffectiveClasses()));
    }
    return text.toString();
  }

  /** Writes the JSON report. */
  public static Path write(DictionaryTraining.Result result, DictionaryAnalysis a, Path json)
      throws IOException {
    int n = result.inputs().size();
    float[] decoder = result.weights().decoder();
    float[][] directions = new float[result.weights().features()][];
    for (int k = 0; k < directions.length; k++) {
      directions[k] = java.util.Arrays.copyOfRange(decoder, k * n, (k + 1) * n);
    }
    String text =
        JsonFiles.write(
            new Saved(result.settings(), result.inputs(), result.history(), a, directions));
    AtomicFiles.write(json, part -> Files.writeString(part, text, StandardCharsets.UTF_8));
    return json;
  }

  /** Each row's class index, -1 where it is missing; null without a nominal class. */
  public static int[] classLabels(Instances data) {
    if (data.classIndex() < 0 || !data.classAttribute().isNominal()) {
      return null;
    }
    int[] labels = new int[data.numInstances()];
    for (int r = 0; r < labels.length; r++) {
      labels[r] = data.instance(r).classIsMissing() ? -1 : (int) data.instance(r).classValue();
    }
    return labels;
  }

  /** The names of a nominal class's values; null without a nominal class. */
  public static String[] classNames(Instances data) {
    if (numClasses(data) == 0) {
      return null;
    }
    String[] names = new String[data.numClasses()];
    for (int c = 0; c < names.length; c++) {
      names[c] = data.classAttribute().value(c);
    }
    return names;
  }

  /** The number of classes of a nominal class, else 0. */
  public static int numClasses(Instances data) {
    return data.classIndex() >= 0 && data.classAttribute().isNominal() ? data.numClasses() : 0;
  }

  /** The first three names and how many more, for error messages. */
  public static String firstNames(List<String> names) {
    return names.size() <= 3
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
  }
}
