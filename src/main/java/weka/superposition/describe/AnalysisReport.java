package weka.superposition.describe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import weka.superposition.analysis.Analysis;
import weka.superposition.analysis.ReferenceErrors;
import weka.superposition.autoencoder.AutoencoderTraining;
import weka.superposition.io.AtomicFiles;
import weka.superposition.io.JsonFiles;
import weka.tensorflow.AdamRun;
import weka.tensorflow.EpochRecord;

/**
 * The autoencoder's results as text (summary), JSON (everything, final and per epoch) and CSV (the
 * per-feature table, in importance order).
 */
public final class AnalysisReport {

  /**
   * What a JSON report holds, written and read back as it is.
   *
   * @param epochAnalyses empty unless every epoch was analysed
   */
  public record Saved(
      AutoencoderTraining.Settings settings,
      List<String> features,
      ReferenceErrors references,
      List<EpochRecord> history,
      Timing timing,
      Analysis analysis,
      List<Analysis> epochAnalyses) {

    static Saved of(AutoencoderTraining.Result result) {
      return new Saved(
          result.settings(),
          result.features(),
          result.references(),
          result.history(),
          new Timing(result.trainingSeconds(), result.analysisSeconds()),
          result.analysis(),
          result.epochAnalyses());
    }
  }

  /** Seconds spent training (all epochs) and analysing (all analyses). */
  public record Timing(double trainingSeconds, double analysisSeconds) {}

  private AnalysisReport() {}

  // ---------------------------------------------------------------- text

  /** What a feature's importance share is, in a sentence for the reports. */
  public static final String SHARE_MEANING =
      "A feature's importance share is its MSE increase when it is zeroed, divided by the sum of"
          + " all features' increases. Zeroing a feature can also lower the error (a negative"
          + " increase), which makes the sum smaller than the positive increases: a share can then"
          + " be above 100 %, and is marked so.";

  /**
   * A share as a percentage; above 100 % with the reason, the count of features whose importance is
   * negative.
   */
  public static String share(double share, Analysis.Importance importance) {
    return share(share, importance, "%.1f %%");
  }

  /** As {@link #share(double, Analysis.Importance)}, the percentage in {@code format}. */
  public static String share(double share, Analysis.Importance importance, String format) {
    String percent = String.format(Locale.ROOT, format, 100 * share);
    if (share <= 1) {
      return percent;
    }
    long negative = Arrays.stream(importance.raw()).filter(v -> v < 0).count();
    return percent
        + String.format(
            Locale.ROOT,
            " (above 100 %%: %d feature%s lower the error when zeroed, which shrinks the sum)",
            negative,
            negative == 1 ? "" : "s");
  }

  /** The summary a user reads first: the error against its references, then the structure. */
  public static String summary(AutoencoderTraining.Result result) {
    Analysis a = result.analysis();
    Analysis.Summary s = a.summary();
    AutoencoderTraining.Settings settings = result.settings();
    AdamRun adam = settings.adam();
    int n = a.numFeatures();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Autoencoder: %d -> %d -> %d (%s model), Adam learning "
                + "rate %s, mini-batch %d, %d epochs, seed %d%n",
            n,
            a.bottleneck(),
            n,
            settings.type().name().toLowerCase(Locale.ROOT),
            adam.learningRate(),
            adam.miniBatchSize(),
            adam.epochs(),
            adam.seed()));
    text.append(
        String.format(Locale.ROOT, "%nReconstruction MSE on the training data: %.5f%n", s.mse()));
    text.append(
        String.format(
            Locale.ROOT,
            "  predicting each feature's mean:         %.5f  "
                + "(the model explains %.1f %% of what the mean leaves)%n",
            s.meanPredictorMse(),
            100 * (1 - s.mse() / s.meanPredictorMse())));
    text.append(
        String.format(
            Locale.ROOT,
            "  best rank-%d linear reconstruction (PCA): %.5f%n",
            a.bottleneck(),
            s.pcaMse()));
    text.append(
        String.format(
            Locale.ROOT,
            "%nImportant features (scaled importance > %.1f): %d of " + "%d%n",
            Analysis.IMPORTANT,
            s.importantFeatures(),
            n));
    if (s.clusters() > 0) {
      text.append(
          String.format(
              Locale.ROOT,
              "Their directions (minus the zero input's code) form "
                  + "%d angular cluster(s) (complete linkage, %.0f degrees);%n",
              s.clusters(),
              Analysis.CLUSTER_DEGREES));
      text.append(
          String.format(
              Locale.ROOT,
              "the two largest hold %s of the importance%s%n",
              share(s.topTwoShare(), a.importance()),
              Double.isNaN(s.topTwoAngle())
                  ? ""
                  : String.format(Locale.ROOT, ", %.1f degrees apart", s.topTwoAngle())));
    }
    text.append("\nMost important features (share of the importance, ||W_i||, D_i):\n");
    int[] rank = a.importance().rank();
    for (int r = 0; r < Math.min(10, n); r++) {
      int i = rank[r];
      text.append(
          String.format(
              Locale.ROOT,
              "  %2d. %-10s %6.3f  %7.4f  %6.3f%n",
              r + 1,
              a.featureNames().get(i),
              a.importance().share()[i],
              a.weights().norm()[i],
              a.weights().dimensionality()[i]));
    }
    text.append(String.format(Locale.ROOT, "%n%5s  %10s  %8s%n", "Epoch", "Mean loss", "Seconds"));
    for (EpochRecord record : result.history()) {
      text.append(
          String.format(
              Locale.ROOT,
              "%5d  %10.5f  %8.3f%n",
              record.epoch(),
              record.loss(),
              record.seconds()));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%nTime: training %.2f s, analysis %.2f s (%d " + "analyses)%n",
            result.trainingSeconds(),
            result.analysisSeconds(),
            Math.max(1, result.epochAnalyses().size())));
    return text.toString();
  }

  // ---------------------------------------------------------------- JSON

  public static String toJson(AutoencoderTraining.Result result) {
    return JsonFiles.write(Saved.of(result));
  }

  /** Reads a report written by {@link #toJson}. */
  public static Saved fromJson(String text) throws IOException {
    return JsonFiles.read(text, Saved.class);
  }

  // ---------------------------------------------------------------- CSV

  /** The per-feature table of an analysis, one row per feature, in importance order. */
  public static String featureTableCsv(Analysis a) {
    StringBuilder csv =
        new StringBuilder(
            "rank,feature,importance_raw,importance_share,"
                + "importance_scaled,direction_x,direction_y,direction_from_zero_x,"
                + "direction_from_zero_y,flex_x,flex_y,fix1_x,fix1_y,norm_W,bias_b,interference_notebook,"
                + "interference_paper,dimensionality,cluster\n");
    int[] rank = a.importance().rank();
    for (int r = 0; r < rank.length; r++) {
      int i = rank[r];
      List<Object> row =
          new ArrayList<>(
              List.of(
                  r + 1,
                  a.featureNames().get(i),
                  a.importance().raw()[i],
                  a.importance().share()[i],
                  a.importance().scaled()[i]));
      for (double[][] points :
          new double[][][] {
            a.directions().mean(),
            a.directions().fromZero(),
            a.directions().flex(),
            a.directions().fix1()
          }) {
        row.add(points[i][0]);
        row.add(points[i].length > 1 ? points[i][1] : Double.NaN);
      }
      row.addAll(
          List.of(
              a.weights().norm()[i],
              a.weights().bias()[i],
              a.weights().interferenceNotebook()[i],
              a.weights().interferencePaper()[i],
              a.weights().dimensionality()[i],
              a.summary().cluster()[i]));
      csv.append(String.join(",", row.stream().map(AnalysisReport::csvValue).toList()))
          .append('\n');
    }
    return csv.toString();
  }

  private static String csvValue(Object value) {
    String text = value.toString();
    return text.contains(",") || text.contains("\"")
        ? "\"" + text.replace("\"", "\"\"") + "\""
        : text;
  }

  // ---------------------------------------------------------------- files

  /**
   * Writes the JSON report to {@code json} and the final per-feature table beside it ({@code .csv}
   * for {@code .json}); each file is written whole or not at all.
   *
   * @return the CSV file
   */
  public static Path write(AutoencoderTraining.Result result, Path json) throws IOException {
    String name = json.getFileName().toString();
    Path csv =
        json.resolveSibling(
            (name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".csv");
    writeWhole(json, toJson(result));
    writeWhole(csv, featureTableCsv(result.analysis()));
    return csv;
  }

  private static void writeWhole(Path file, String content) throws IOException {
    AtomicFiles.write(file, part -> Files.writeString(part, content, StandardCharsets.UTF_8));
  }
}
