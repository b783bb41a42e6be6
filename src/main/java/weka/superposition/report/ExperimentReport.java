package weka.superposition.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.stream.Stream;
import weka.superposition.analysis.Analysis;
import weka.superposition.analysis.ReferenceErrors;
import weka.superposition.analysis.Spread;
import weka.superposition.analysis.Statistics;
import weka.superposition.charts.HiddenWeightCharts;
import weka.superposition.describe.AnalysisReport;
import weka.superposition.describe.ClassifierReport;
import weka.superposition.experiments.ConvergenceStudy;
import weka.tensorflow.EpochRecord;

/**
 * Writes REPORT.md for a run of {@code examples/run-experiment.sh}: for each seed folder ({@code
 * seed-N/} with the classifier's report {@code phase1.json}, the autoencoder's {@code report.json}
 * and its {@code png/}), the two phases beside the seed notebook's printed numbers, the plots, the
 * summary figures, and which of the seed's claims the numbers support.
 */
public final class ExperimentReport {

  /** The seed notebook's printed phase-1 test accuracy per epoch. */
  static final double[] NOTEBOOK_ACCURACY = {
    0.9274, 0.9430, 0.9490, 0.9533, 0.9571, 0.9605, 0.9600, 0.9628, 0.9640, 0.9653
  };

  /** The seed notebook's printed phase-1 loss per epoch (of the last mini-batch only). */
  static final double[] NOTEBOOK_LOSS1 = {
    0.1395, 0.1529, 0.3065, 0.1372, 0.1572, 0.0578, 0.1927, 0.0783, 0.1768, 0.1349
  };

  /** The seed notebook's printed phase-2 loss per epoch (of the last mini-batch only). */
  static final double[] NOTEBOOK_LOSS2 = {
    0.2728, 0.2346, 0.2213, 0.2009, 0.1969, 0.1947, 0.2021, 0.1921, 0.1978, 0.1860, 0.1952, 0.1888,
    0.1852, 0.1772, 0.1638, 0.1621, 0.1632, 0.1743, 0.1532, 0.1584
  };

  /**
   * What one seed's run left behind.
   *
   * @param phase1 the classifier's report; its last monitor accuracy is the test accuracy, since
   *     the monitor file is the test set and the last epoch's model is the one evaluated
   */
  public record SeedResults(
      int seed, Path folder, ClassifierReport phase1, AnalysisReport.Saved phase2) {

    double testAccuracy() {
      List<ClassifierReport.Epoch> epochs = phase1.epochs();
      return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).monitorAccuracy();
    }
  }

  private ExperimentReport() {}

  /** The results of every seed-N folder in {@code out}, by seed. */
  public static List<SeedResults> readRuns(Path out) throws IOException {
    List<SeedResults> runs = new ArrayList<>();
    try (Stream<Path> folders = Files.list(out)) {
      for (Path folder :
          folders
              .filter(f -> f.getFileName().toString().matches("seed-\\d+"))
              .sorted((a, b) -> Integer.compare(seedOf(a), seedOf(b)))
              .toList()) {
        runs.add(readRun(folder));
      }
    }
    if (runs.isEmpty()) {
      throw new IOException("No seed-N folders with results in " + out);
    }
    return runs;
  }

  private static int seedOf(Path folder) {
    return Integer.parseInt(folder.getFileName().toString().substring("seed-".length()));
  }

  private static SeedResults readRun(Path folder) throws IOException {
    return new SeedResults(
        seedOf(folder),
        folder,
        ClassifierReport.read(folder.resolve("phase1.json")),
        AnalysisReport.fromJson(Files.readString(folder.resolve("report.json"))));
  }

  /**
   * The headline figures for the end of the main job's output: phase 1's test accuracy, phase 2's
   * error against its references, and the two verdicts on superposition, in a line each.
   */
  public static List<String> headline(List<SeedResults> runs) {
    List<String> lines = new ArrayList<>();
    Spread accuracy = Spread.of(runs.stream().mapToDouble(SeedResults::testAccuracy).toArray());
    Spread mse =
        Spread.of(runs.stream().mapToDouble(r -> r.phase2().analysis().summary().mse()).toArray());
    Spread pca =
        Spread.of(
            runs.stream().mapToDouble(r -> r.phase2().analysis().summary().pcaMse()).toArray());
    String over = runs.size() == 1 ? "" : " (mean over " + runs.size() + " seeds)";
    lines.add(
        String.format(
            Locale.ROOT,
            "phase 1: test accuracy %.4f%s (the notebook's: %.4f)",
            accuracy.mean(),
            over,
            NOTEBOOK_ACCURACY[NOTEBOOK_ACCURACY.length - 1]));
    lines.add(
        String.format(
            Locale.ROOT,
            "phase 2: reconstruction MSE %.5f against PCA-2's %.5f%s",
            mse.mean(),
            pca.mean(),
            over));
    List<ConvergenceStudy.Study> studies = StudyReport.studies(runs);
    if (!studies.isEmpty()) {
      lines.add(
          "more superposition in the trained 2-D code than in the controls? "
              + verdictWords(StudyReport.verdict(studies)));
    }
    DictionaryStudyReport.Studies dictionaries = DictionaryStudyReport.studies(runs);
    if (!dictionaries.studies().isEmpty()) {
      lines.add(
          "do the hidden units hold features in superposition (sparse dictionary)? "
              + verdictWords(DictionaryStudyReport.verdict(dictionaries.studies())));
    }
    return lines;
  }

  /** A verdict in a few words; undecided ones say why in their first reason. */
  static String verdictWords(ClaimRules.Verdict verdict) {
    return verdict.holds() == null
        ? "cannot be decided: " + verdict.reasons().get(0)
        : verdict.holds() ? "yes" : "no";
  }

  /** REPORT.md's text. */
  public static String write(List<SeedResults> runs) {
    StringBuilder md = new StringBuilder();
    SeedResults first = runs.get(0);
    md.append("# The seed experiment, replicated with tensorflowSuperposition\n\n");
    md.append(
        "Phase 1 trains the 784 -> 49 -> 10 classifier (`TFMlpClassifier`) on MNIST; phase 2 "
            + "compresses its 49 hidden activations with the 49 -> 2 -> 49 autoencoder "
            + "(`SuperpositionAutoencoder`) and analyses it, all through Weka's command line. The seed "
            + "notebook's printed numbers are shown beside ours; its losses are those of the last "
            + "mini-batch of an epoch, ours the mean over the epoch.\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Seeds: %s. Phase 2 features: %d, rows: see the JSON " + "reports.%n%n",
            runs.stream().map(r -> Integer.toString(r.seed())).toList(),
            first.phase2().features().size()));
    for (SeedResults run : runs) {
      seedSection(md, run, runs.size() > 1);
    }
    if (runs.size() > 1) {
      acrossSeeds(md, runs);
    }
    claims(md, runs);
    StudyReport.section(md, runs);
    DictionaryStudyReport.section(md, runs);
    return md.toString();
  }

  private static void seedSection(StringBuilder md, SeedResults run, boolean several) {
    String heading = several ? "## Seed " + run.seed() + ": " : "## ";
    md.append(heading).append("Phase 1, the classifier\n\n");
    phase1Epochs(md, run);
    md.append(heading).append("Phase 2, the autoencoder\n\n");
    phase2Epochs(md, run.phase2());
    phase2Plots(md, run);
    phase2Summary(md, run.phase2());
  }

  /** Phase 1's epochs beside the notebook's, and the final test accuracy. */
  private static void phase1Epochs(StringBuilder md, SeedResults run) {
    md.append(
        "| epoch | mean training loss | test accuracy | seed notebook: accuracy | "
            + "seed notebook: last-batch loss |\n|---|---|---|---|---|\n");
    for (ClassifierReport.Epoch e : run.phase1().epochs()) {
      int i = e.epoch() - 1;
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.4f | %s | %s | %s |%n",
              i + 1,
              e.loss(),
              fixed(e.monitorAccuracy()),
              i < NOTEBOOK_ACCURACY.length ? fixed(NOTEBOOK_ACCURACY[i]) : "",
              i < NOTEBOOK_LOSS1.length ? fixed(NOTEBOOK_LOSS1[i]) : ""));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nTest accuracy (of the final model on the test set): "
                + "**%.4f** (seed "
                + "notebook: 0.9653).%n%n",
            run.testAccuracy()));
  }

  /** Phase 2's references, and its epochs beside the notebook's. */
  private static void phase2Epochs(StringBuilder md, AnalysisReport.Saved p2) {
    md.append(
        String.format(
            Locale.ROOT,
            "References on the training data: predicting each "
                + "feature's mean **%.5f**; best rank-%d linear reconstruction (PCA) **%.5f**.%n%n",
            p2.references().meanPredictorMse(),
            p2.references().rank(),
            p2.references().pcaMse()));
    md.append(
        "| epoch | mean training loss | MSE after the epoch | vs mean predictor | "
            + "seed notebook: last-batch loss |\n|---|---|---|---|---|\n");
    List<Analysis> analyses =
        p2.epochAnalyses().isEmpty() ? List.of(p2.analysis()) : p2.epochAnalyses();
    for (EpochRecord e : p2.history()) {
      Analysis a = analyses.stream().filter(x -> x.epoch() == e.epoch()).findFirst().orElse(null);
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.5f | %s | %s | %s |%n",
              e.epoch(),
              e.loss(),
              a == null ? "" : String.format(Locale.ROOT, "%.5f", a.summary().mse()),
              a == null
                  ? ""
                  : String.format(
                      Locale.ROOT,
                      "%+.1f %%",
                      100 * (a.summary().mse() / p2.references().meanPredictorMse() - 1)),
              e.epoch() <= NOTEBOOK_LOSS2.length ? fixed(NOTEBOOK_LOSS2[e.epoch() - 1]) : ""));
    }
  }

  /** The plots in the seed's {@code png/}: feature vectors, weight analysis, hidden weights. */
  private static void phase2Plots(StringBuilder md, SeedResults run) {
    String prefix = "seed-" + run.seed() + "/";
    md.append("\nFeature vectors (flex and fix1) after selected epochs:\n\n");
    for (int epoch : selectedEpochs(run.phase2())) {
      md.append(
          String.format(
              Locale.ROOT,
              "![epoch %d](%spng/feature-vectors-epoch-%02d.png)%n%n",
              epoch,
              prefix,
              epoch));
    }
    md.append(
        "Weight analysis after training (||W_i||, b, interference, W^T W, its top 1 %, and "
            + "the error against its references):\n\n");
    md.append("![weight analysis](").append(prefix).append("png/weight-analysis.png)\n\n");
    if (Files.exists(run.folder().resolve("png").resolve(HiddenWeightCharts.FILE))) {
      // the main job draws it; a seed folder written by Weka's command line has none
      md.append(
          "What the classifier's hidden units look at: each unit's 784 input weights as a 28 x 28 "
              + "image (red positive, blue negative, one scale for all), labelled and ordered by "
              + "its importance rank in the autoencoder:\n\n");
      md.append("![hidden weights](")
          .append(prefix)
          .append("png/")
          .append(HiddenWeightCharts.FILE)
          .append(")\n\n");
    }
  }

  /** Phase 2's summary figures, and what an importance share means. */
  private static void phase2Summary(StringBuilder md, AnalysisReport.Saved p2) {
    Analysis.Summary s = p2.analysis().summary();
    md.append("| summary figure | value |\n|---|---|\n");
    md.append(row("final reconstruction MSE", String.format(Locale.ROOT, "%.5f", s.mse())));
    md.append(row("mean-predictor MSE", String.format(Locale.ROOT, "%.5f", s.meanPredictorMse())));
    md.append(
        row(
            "PCA-" + p2.analysis().bottleneck() + " MSE",
            String.format(Locale.ROOT, "%.5f", s.pcaMse())));
    md.append(
        row(
            "features with scaled importance > 0.5",
            s.importantFeatures() + " of " + p2.features().size()));
    md.append(
        row("angular clusters of their directions (30 degrees)", Integer.toString(s.clusters())));
    md.append(
        row(
            "importance share of the two largest clusters",
            AnalysisReport.share(s.topTwoShare(), p2.analysis().importance())));
    md.append(
        row(
            "angle between them",
            Double.isNaN(s.topTwoAngle())
                ? "n/a"
                : String.format(Locale.ROOT, "%.1f degrees", s.topTwoAngle())));
    md.append("\n").append(AnalysisReport.SHARE_MEANING).append("\n\n");
  }

  /** The first, last and two evenly spaced epochs in between that have plots. */
  private static List<Integer> selectedEpochs(AnalysisReport.Saved p2) {
    List<Integer> epochs = p2.epochAnalyses().stream().map(Analysis::epoch).toList();
    if (epochs.size() <= 4) {
      return epochs;
    }
    int last = epochs.size() - 1;
    return Stream.of(0, last / 3, 2 * last / 3, last).map(epochs::get).distinct().toList();
  }

  private static void acrossSeeds(StringBuilder md, List<SeedResults> runs) {
    md.append("## Across seeds\n\n");
    md.append(
        "| seed | test accuracy | final MSE | mean-predictor MSE | PCA-2 MSE | important | "
            + "clusters | top-2 share | angle |\n|---|---|---|---|---|---|---|---|---|\n");
    for (SeedResults run : runs) {
      Analysis.Summary s = run.phase2().analysis().summary();
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.4f | %.5f | %.5f | %.5f | %d | %d | %s | %s |%n",
              run.seed(),
              run.testAccuracy(),
              s.mse(),
              s.meanPredictorMse(),
              s.pcaMse(),
              s.importantFeatures(),
              s.clusters(),
              AnalysisReport.share(s.topTwoShare(), run.phase2().analysis().importance()),
              angle(s.topTwoAngle())));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| mean ± sd | %s | %s | | | %s | %s | %s | %s |%n%n",
            spread(runs, r -> r.testAccuracy(), "%.4f"),
            spread(runs, r -> summary(r).mse(), "%.5f"),
            spread(runs, r -> summary(r).importantFeatures(), "%.1f"),
            spread(runs, r -> summary(r).clusters(), "%.1f"),
            spread(runs, r -> 100 * summary(r).topTwoShare(), "%.1f %%"),
            spread(runs, r -> summary(r).topTwoAngle(), "%.1f")));
  }

  private static Analysis.Summary summary(SeedResults run) {
    return run.phase2().analysis().summary();
  }

  private static String spread(
      List<SeedResults> runs,
      java.util.function.ToDoubleFunction<SeedResults> value,
      String format) {
    Spread spread = Spread.of(runs.stream().mapToDouble(value).toArray());
    return Double.isNaN(spread.mean())
        ? "n/a"
        : String.format(Locale.ROOT, format + " ± " + format, spread.mean(), spread.sd());
  }

  /**
   * One of the seed's claims: the statement with its rule, the rule itself, and the figure that
   * decides it, as the report shows it.
   */
  private record Claim<T>(
      String statement,
      java.util.function.Predicate<T> holds,
      java.util.function.Function<T, String> evidence) {}

  /** Plain statements of which of the seed's claims the numbers support, for every seed. */
  private static void claims(StringBuilder md, List<SeedResults> runs) {
    md.append("## Which of the seed's claims hold here\n\n");
    md.append(
        "Each line is decided from the numbers above by a fixed rule, stated with it "
            + "(the rules: `ClaimRules`). Directions are measured from the zero input's code "
            + "(each feature's mean code when only it is kept, minus the code of the all-zero "
            + "input).\n\n");
    List<Integer> seeds = runs.stream().map(SeedResults::seed).toList();
    Claim<SeedResults> accuracy =
        new Claim<>(
            String.format(
                Locale.ROOT,
                "Phase 1 reaches the notebook's accuracy (at least %.3f on the test set)",
                ClaimRules.NOTEBOOK_ACCURACY),
            r -> ClaimRules.reachesNotebookAccuracy(r.testAccuracy()),
            r -> String.format(Locale.ROOT, "%.4f", r.testAccuracy()));
    claim(md, seeds, runs, accuracy);
    analysisClaims(md, seeds, runs.stream().map(r -> r.phase2().analysis()).toList());
    md.append("\n");
  }

  /** The seed's claims about a trained autoencoder, decided for each seed's analysis. */
  static void analysisClaims(StringBuilder md, List<Integer> seeds, List<Analysis> analyses) {
    for (Claim<Analysis> claim : ANALYSIS_CLAIMS) {
      claim(md, seeds, analyses, claim);
    }
  }

  private static final List<Claim<Analysis>> ANALYSIS_CLAIMS =
      List.of(
          new Claim<>(
              String.format(
                  Locale.ROOT,
                  "The autoencoder learns a useful 2-D code (its MSE at least %.0f %% of the way "
                      + "from the mean predictor's to PCA-2's)",
                  100 * ClaimRules.USEFUL_CODE),
              a -> ClaimRules.usefulCode(gapClosed(a)),
              a -> String.format(Locale.ROOT, "%.0f %% of the way", 100 * gapClosed(a))),
          new Claim<>(
              String.format(
                  Locale.ROOT,
                  "The 49 features gather into about two directions (the two largest angular "
                      + "clusters hold at least %.0f %% of the importance)",
                  100 * ClaimRules.TWO_DIRECTIONS_SHARE),
              a -> ClaimRules.twoDirections(a.summary().topTwoShare()),
              a ->
                  String.format(
                      Locale.ROOT,
                      "%s in %d clusters",
                      AnalysisReport.share(a.summary().topTwoShare(), a.importance(), "%.0f %%"),
                      a.summary().clusters())),
          new Claim<>(
              String.format(
                  Locale.ROOT,
                  "Those two directions are at right angles (90 ± %.0f degrees)",
                  ClaimRules.RIGHT_ANGLE_TOLERANCE),
              a -> ClaimRules.rightAngles(a.summary().topTwoAngle()),
              a -> angle(a.summary().topTwoAngle())),
          rankClaim(
              "||W_i|| is higher for more important features (Spearman correlation of "
                  + "importance and ||W_i|| above %.1f)",
              a -> a.weights().norm(), ClaimRules::normRisesWithImportance),
          rankClaim(
              "b is larger for less important features (Spearman correlation of importance "
                  + "and b below -%.1f)",
              a -> a.weights().bias(), ClaimRules::biasFallsWithImportance),
          new Claim<>(
              String.format(
                  Locale.ROOT,
                  "The seed's \"cos sim\" (interference) is around 0 everywhere (all below %.1f)",
                  ClaimRules.NEAR_ZERO_INTERFERENCE),
              a -> ClaimRules.interferenceNearZero(max(a.weights().interferenceNotebook())),
              a ->
                  String.format(
                      Locale.ROOT,
                      "max %.3f; the paper's normalised interference: max %.3f",
                      max(a.weights().interferenceNotebook()),
                      max(a.weights().interferencePaper()))));

  /**
   * A claim on the Spearman correlation of the features' importance and a per-feature figure; the
   * statement's {@code %.1f} is the rule's threshold.
   */
  private static Claim<Analysis> rankClaim(
      String statement, Function<Analysis, double[]> figure, DoublePredicate rule) {
    return new Claim<>(
        String.format(Locale.ROOT, statement, ClaimRules.RANK_CORRELATION),
        a -> rule.test(spearman(a, figure.apply(a))),
        a -> String.format(Locale.ROOT, "rho %.2f", spearman(a, figure.apply(a))));
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(0);
  }

  private static <T> void claim(
      StringBuilder md, List<Integer> seeds, List<T> items, Claim<T> claim) {
    long holding = items.stream().filter(claim.holds()).count();
    String verdict =
        holding == items.size()
            ? "**holds**"
            : holding == 0
                ? "**does not hold**"
                : "**holds for " + holding + " of " + items.size() + " seeds**";
    List<String> each = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      each.add("seed " + seeds.get(i) + ": " + claim.evidence().apply(items.get(i)));
    }
    md.append("- ")
        .append(claim.statement())
        .append(": ")
        .append(verdict)
        .append(" (")
        .append(String.join("; ", each))
        .append(").\n");
  }

  /** How far the MSE went from the mean predictor's towards PCA's: 0 none, 1 all the way. */
  static double gapClosed(Analysis a) {
    Analysis.Summary s = a.summary();
    return new ReferenceErrors(s.meanPredictorMse(), s.pcaMse(), a.bottleneck()).gapClosed(s.mse());
  }

  /** Spearman's rank correlation of scaled importance with {@code values}. */
  static double spearman(Analysis a, double[] values) {
    return spearman(a.importance().scaled(), values);
  }

  static double spearman(double[] a, double[] b) {
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    double ma = Arrays.stream(ra).average().orElse(0);
    double mb = Arrays.stream(rb).average().orElse(0);
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int i = 0; i < a.length; i++) {
      cov += (ra[i] - ma) * (rb[i] - mb);
      va += (ra[i] - ma) * (ra[i] - ma);
      vb += (rb[i] - mb) * (rb[i] - mb);
    }
    return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
  }

  /** Ranks from 1, ties sharing their mean rank. */
  static double[] ranks(double[] values) {
    int[] order = Statistics.ascendingOrder(values);
    double[] ranks = new double[values.length];
    for (int start = 0; start < values.length; ) {
      int end = start;
      while (end + 1 < values.length && values[order[end + 1]] == values[order[start]]) {
        end++;
      }
      for (int k = start; k <= end; k++) {
        ranks[order[k]] = (start + end) / 2.0 + 1;
      }
      start = end + 1;
    }
    return ranks;
  }

  private static String row(String name, String value) {
    return "| " + name + " | " + value + " |\n";
  }

  private static String fixed(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String angle(double degrees) {
    return Double.isNaN(degrees) ? "n/a" : String.format(Locale.ROOT, "%.1f degrees", degrees);
  }
}
