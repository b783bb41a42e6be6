package weka.superposition.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import weka.superposition.analysis.Analysis;
import weka.superposition.analysis.ReferenceErrors;
import weka.superposition.autoencoder.AutoencoderTraining;
import weka.superposition.io.AtomicFiles;
import weka.tensorflow.EpochRecord;

/**
 * The autoencoder's results as text (summary), JSON (everything, final and per epoch) and CSV (the
 * per-feature table, in importance order).
 */
public final class AnalysisReport {

  /**
   * What a JSON report holds, as read back.
   *
   * @param epochAnalyses empty unless every epoch was analysed
   */
  public record Saved(List<String> features, ReferenceErrors references,
      List<EpochRecord> history, Analysis analysis, List<Analysis> epochAnalyses) {
  }

  private AnalysisReport() {
  }

  // ---------------------------------------------------------------- text

  /** The summary a user reads first: the error against its references, then the structure. */
  public static String summary(AutoencoderTraining.Result result) {
    Analysis a = result.analysis();
    Analysis.Summary s = a.summary();
    AutoencoderTraining.Settings settings = result.settings();
    int n = a.numFeatures();
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "Autoencoder: %d -> %d -> %d (%s model), Adam learning "
        + "rate %s, mini-batch %d, %d epochs, seed %d%n", n, a.bottleneck(), n,
        settings.type().name().toLowerCase(Locale.ROOT), settings.learningRate(),
        settings.miniBatchSize(), settings.epochs(), settings.seed()));
    text.append(String.format(Locale.ROOT, "%nReconstruction MSE on the training data: %.5f%n",
        s.mse()));
    text.append(String.format(Locale.ROOT, "  predicting each feature's mean:         %.5f  "
        + "(the model explains %.1f %% of what the mean leaves)%n", s.meanPredictorMse(),
        100 * (1 - s.mse() / s.meanPredictorMse())));
    text.append(String.format(Locale.ROOT, "  best rank-%d linear reconstruction (PCA): %.5f%n",
        a.bottleneck(), s.pcaMse()));
    text.append(String.format(Locale.ROOT, "%nImportant features (scaled importance > %.1f): %d of "
        + "%d%n", Analysis.IMPORTANT, s.importantFeatures(), n));
    if (s.clusters() > 0) {
      text.append(String.format(Locale.ROOT, "Their directions (minus the zero input's code) form "
          + "%d angular cluster(s) (complete linkage, %.0f degrees);%n", s.clusters(),
          Analysis.CLUSTER_DEGREES));
      text.append(String.format(Locale.ROOT, "the two largest hold %.1f %% of the importance%s%n",
          100 * s.topTwoShare(), Double.isNaN(s.topTwoAngle()) ? ""
              : String.format(Locale.ROOT, ", %.1f degrees apart", s.topTwoAngle())));
    }
    text.append("\nMost important features (share of the importance, ||W_i||, D_i):\n");
    int[] rank = a.importance().rank();
    for (int r = 0; r < Math.min(10, n); r++) {
      int i = rank[r];
      text.append(String.format(Locale.ROOT, "  %2d. %-10s %6.3f  %7.4f  %6.3f%n", r + 1,
          a.featureNames().get(i), a.importance().share()[i], a.weights().norm()[i],
          a.weights().dimensionality()[i]));
    }
    text.append(String.format(Locale.ROOT, "%n%5s  %10s  %8s%n", "Epoch", "Mean loss", "Seconds"));
    for (EpochRecord record : result.history()) {
      text.append(String.format(Locale.ROOT, "%5d  %10.5f  %8.3f%n", record.epoch(),
          record.loss(), record.seconds()));
    }
    text.append(String.format(Locale.ROOT, "%nTime: training %.2f s, analysis %.2f s (%d "
        + "analyses)%n", result.trainingSeconds(), result.analysisSeconds(),
        Math.max(1, result.epochAnalyses().size())));
    return text.toString();
  }

  // ---------------------------------------------------------------- JSON

  public static String toJson(AutoencoderTraining.Result result) {
    Map<String, Object> root = new LinkedHashMap<>();
    AutoencoderTraining.Settings s = result.settings();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("modelType", s.type().name());
    settings.put("bottleneck", s.bottleneck());
    settings.put("epochs", s.epochs());
    settings.put("miniBatchSize", s.miniBatchSize());
    settings.put("learningRate", s.learningRate());
    settings.put("seed", s.seed());
    settings.put("analyseEveryEpoch", s.analyseEveryEpoch());
    settings.put("importanceDecay", s.importanceDecay());
    root.put("settings", settings);
    root.put("features", result.features());
    Map<String, Object> references = new LinkedHashMap<>();
    references.put("meanPredictorMse", result.references().meanPredictorMse());
    references.put("pcaMse", result.references().pcaMse());
    references.put("rank", result.references().rank());
    root.put("references", references);
    List<Object> history = new ArrayList<>();
    for (EpochRecord record : result.history()) {
      Map<String, Object> epoch = new LinkedHashMap<>();
      epoch.put("epoch", record.epoch());
      epoch.put("loss", record.loss());
      epoch.put("seconds", record.seconds());
      history.add(epoch);
    }
    root.put("history", history);
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("trainingSeconds", result.trainingSeconds());
    timing.put("analysisSeconds", result.analysisSeconds());
    root.put("timing", timing);
    root.put("analysis", analysisJson(result.analysis()));
    root.put("epochAnalyses", result.epochAnalyses().stream()
        .map(AnalysisReport::analysisJson).toList());
    return Json.write(root);
  }

  private static Map<String, Object> analysisJson(Analysis a) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("epoch", a.epoch());
    json.put("bottleneck", a.bottleneck());
    Map<String, Object> importance = new LinkedHashMap<>();
    importance.put("raw", a.importance().raw());
    importance.put("share", a.importance().share());
    importance.put("scaled", a.importance().scaled());
    importance.put("rank", a.importance().rank());
    json.put("importance", importance);
    Map<String, Object> directions = new LinkedHashMap<>();
    directions.put("mean", a.directions().mean());
    directions.put("zeroCode", a.directions().zeroCode());
    directions.put("fromZero", a.directions().fromZero());
    directions.put("flex", a.directions().flex());
    directions.put("fix1", a.directions().fix1());
    json.put("directions", directions);
    Map<String, Object> weights = new LinkedHashMap<>();
    weights.put("norm", a.weights().norm());
    weights.put("bias", a.weights().bias());
    weights.put("interferenceSeed", a.weights().interferenceSeed());
    weights.put("interferencePaper", a.weights().interferencePaper());
    weights.put("dimensionality", a.weights().dimensionality());
    weights.put("decoderTimesEncoder", a.weights().decoderTimesEncoder());
    weights.put("top1Percent", a.weights().top1Percent());
    weights.put("top1Threshold", a.weights().top1Threshold());
    json.put("weights", weights);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("mse", a.summary().mse());
    summary.put("meanPredictorMse", a.summary().meanPredictorMse());
    summary.put("pcaMse", a.summary().pcaMse());
    summary.put("importantFeatures", a.summary().importantFeatures());
    summary.put("cluster", a.summary().cluster());
    summary.put("clusters", a.summary().clusters());
    summary.put("topTwoShare", a.summary().topTwoShare());
    summary.put("topTwoAngle", a.summary().topTwoAngle());
    json.put("summary", summary);
    return json;
  }

  /** Reads a report written by {@link #toJson}. */
  public static Saved fromJson(String text) {
    Map<?, ?> root = (Map<?, ?>) Json.parse(text);
    List<String> features = ((List<?>) root.get("features")).stream().map(Object::toString)
        .toList();
    Map<?, ?> refs = (Map<?, ?>) root.get("references");
    ReferenceErrors references = new ReferenceErrors(Json.number(refs.get("meanPredictorMse")),
        Json.number(refs.get("pcaMse")), (int) Json.number(refs.get("rank")));
    List<EpochRecord> history = ((List<?>) root.get("history")).stream().map(e -> (Map<?, ?>) e)
        .map(e -> new EpochRecord((int) Json.number(e.get("epoch")), Json.number(e.get("loss")),
            Json.number(e.get("seconds"))))
        .toList();
    List<Analysis> epochs = ((List<?>) root.get("epochAnalyses")).stream()
        .map(e -> analysisFromJson((Map<?, ?>) e, features)).toList();
    return new Saved(features, references, history,
        analysisFromJson((Map<?, ?>) root.get("analysis"), features), epochs);
  }

  private static Analysis analysisFromJson(Map<?, ?> json, List<String> features) {
    Map<?, ?> i = (Map<?, ?>) json.get("importance");
    Map<?, ?> d = (Map<?, ?>) json.get("directions");
    Map<?, ?> w = (Map<?, ?>) json.get("weights");
    Map<?, ?> s = (Map<?, ?>) json.get("summary");
    return new Analysis((int) Json.number(json.get("epoch")), features,
        (int) Json.number(json.get("bottleneck")),
        new Analysis.Importance(Json.numbers(i.get("raw")), Json.numbers(i.get("share")),
            Json.numbers(i.get("scaled")), Json.integers(i.get("rank"))),
        new Analysis.Directions(Json.matrix(d.get("mean")), Json.numbers(d.get("zeroCode")),
            Json.matrix(d.get("fromZero")), Json.matrix(d.get("flex")),
            Json.matrix(d.get("fix1"))),
        new Analysis.Weights(Json.numbers(w.get("norm")), Json.numbers(w.get("bias")),
            Json.numbers(w.get("interferenceSeed")), Json.numbers(w.get("interferencePaper")),
            Json.numbers(w.get("dimensionality")), Json.matrix(w.get("decoderTimesEncoder")),
            Json.matrix(w.get("top1Percent")), Json.number(w.get("top1Threshold"))),
        new Analysis.Summary(Json.number(s.get("mse")), Json.number(s.get("meanPredictorMse")),
            Json.number(s.get("pcaMse")), (int) Json.number(s.get("importantFeatures")),
            Json.integers(s.get("cluster")), (int) Json.number(s.get("clusters")),
            Json.number(s.get("topTwoShare")), Json.number(s.get("topTwoAngle"))));
  }

  // ---------------------------------------------------------------- CSV

  /** The per-feature table of an analysis, one row per feature, in importance order. */
  public static String featureTableCsv(Analysis a) {
    StringBuilder csv = new StringBuilder("rank,feature,importance_raw,importance_share,"
        + "importance_scaled,direction_x,direction_y,direction_from_zero_x,"
        + "direction_from_zero_y,flex_x,flex_y,fix1_x,fix1_y,norm_W,bias_b,interference_seed,"
        + "interference_paper,dimensionality,cluster\n");
    int[] rank = a.importance().rank();
    for (int r = 0; r < rank.length; r++) {
      int i = rank[r];
      List<Object> row = new ArrayList<>(List.of(r + 1, a.featureNames().get(i),
          a.importance().raw()[i], a.importance().share()[i], a.importance().scaled()[i]));
      for (double[][] points : new double[][][] {a.directions().mean(),
          a.directions().fromZero(), a.directions().flex(), a.directions().fix1()}) {
        row.add(points[i][0]);
        row.add(points[i].length > 1 ? points[i][1] : Double.NaN);
      }
      row.addAll(List.of(a.weights().norm()[i], a.weights().bias()[i],
          a.weights().interferenceSeed()[i], a.weights().interferencePaper()[i],
          a.weights().dimensionality()[i], a.summary().cluster()[i]));
      csv.append(String.join(",", row.stream().map(AnalysisReport::csvValue).toList()))
          .append('\n');
    }
    return csv.toString();
  }

  private static String csvValue(Object value) {
    String text = value.toString();
    return text.contains(",") || text.contains("\"")
        ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
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
    Path csv = json.resolveSibling((name.endsWith(".json")
        ? name.substring(0, name.length() - 5) : name) + ".csv");
    writeWhole(json, toJson(result));
    writeWhole(csv, featureTableCsv(result.analysis()));
    return csv;
  }

  private static void writeWhole(Path file, String content) throws IOException {
    AtomicFiles.write(file, part -> Files.writeString(part, content, StandardCharsets.UTF_8));
  }
}
