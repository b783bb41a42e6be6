package weka.superposition.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import weka.superposition.analysis.DictionaryAnalysis;
import weka.superposition.analysis.Spread;
import weka.superposition.charts.DictionaryCharts;
import weka.superposition.experiments.DictionaryStudy;
import weka.superposition.io.AtomicFiles;
import weka.superposition.io.JsonFiles;

/**
 * The sparse-dictionary study as JSON ({@code dictionary.json} in each seed folder), as pictures,
 * and as REPORT.md's section "What the hidden units hold: a sparse dictionary".
 */
public final class DictionaryStudyReport {

  static final String FILE = "dictionary.json";

  /** PCA's frontier is drawn up to this many components beyond the largest L0. */
  private static final int PCA_BEYOND = 8;

  private DictionaryStudyReport() {}

  public static void write(DictionaryStudy.Study study, Path file) throws IOException {
    String text = JsonFiles.write(study);
    AtomicFiles.write(file, part -> Files.writeString(part, text, StandardCharsets.UTF_8));
  }

  public static DictionaryStudy.Study read(Path file) throws IOException {
    return JsonFiles.read(Files.readString(file), DictionaryStudy.Study.class);
  }

  /** The frontier, the density histogram and the feature dashboard, into {@code folder}. */
  public static void writePlots(
      DictionaryStudy.Study study, List<DictionaryCharts.FeatureCard> cards, Path folder)
      throws IOException {
    Files.createDirectories(folder);
    DictionaryAnalysis a = study.analysis();
    DictionaryCharts.writeFrontier(
        frontier(study),
        pcaUpTo(study.pcaFvu().get(0), study.points()),
        String.format(
            Locale.ROOT,
            "Sparsity frontier: FVU against L0 (K = %d, top-k)",
            study.settings().dictionary().features()),
        folder);
    DictionaryCharts.writeDensityHistogram(
        a.densityBinEdges(),
        a.densityHistogram(),
        a.deadFeatures(),
        a.denseFeatures(),
        "Feature densities, k = " + study.settings().chosenK(),
        folder);
    if (!cards.isEmpty()) {
      DictionaryCharts.writeFeatureDashboard(
          cards, "The strongest features and the digits that activate them most", folder);
    }
  }

  private static List<DictionaryCharts.FrontierSeries> frontier(DictionaryStudy.Study study) {
    List<DictionaryCharts.FrontierSeries> series = new ArrayList<>();
    for (String variant : study.variants()) {
      List<DictionaryStudy.Point> points =
          study.points().stream().filter(p -> p.variant().equals(variant)).toList();
      series.add(
          new DictionaryCharts.FrontierSeries(
              label(variant),
              points.stream().mapToDouble(DictionaryStudy.Point::l0).toArray(),
              points.stream().mapToDouble(DictionaryStudy.Point::fvu).toArray()));
    }
    return series;
  }

  /**
   * PCA's FVU by components up to a little beyond the largest L0, so that the axis stays readable.
   */
  private static double[] pcaUpTo(double[] pca, List<DictionaryStudy.Point> points) {
    double maxL0 = points.stream().mapToDouble(DictionaryStudy.Point::l0).max().orElse(0);
    int last = (int) Math.min(pca.length - 1, Math.ceil(maxL0) + PCA_BEYOND);
    return Arrays.copyOf(pca, last + 1);
  }

  static String label(String variant) {
    return switch (variant) {
      case DictionaryStudy.TRAINED -> "trained network";
      case DictionaryStudy.INDEPENDENT -> "independent columns";
      case DictionaryStudy.UNTRAINED -> "untrained network";
      default -> variant;
    };
  }

  // ---------------------------------------------------------------- REPORT.md

  /** The seeds whose folders hold a {@code dictionary.json}, and their studies. */
  record Studies(List<Integer> seeds, List<DictionaryStudy.Study> studies) {}

  static Studies studies(List<ExperimentReport.SeedResults> runs) {
    List<Integer> seeds = new ArrayList<>();
    List<DictionaryStudy.Study> studies = new ArrayList<>();
    for (ExperimentReport.SeedResults run : runs) {
      Path file = run.folder().resolve(FILE);
      if (Files.exists(file)) {
        seeds.add(run.seed());
        try {
          studies.add(read(file));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    return new Studies(seeds, studies);
  }

  /** The section for the seeds whose folders hold a {@code dictionary.json}; none without one. */
  static void section(StringBuilder md, List<ExperimentReport.SeedResults> runs) {
    Studies found = studies(runs);
    if (!found.studies().isEmpty()) {
      write(md, found.seeds(), found.studies());
    }
  }

  /** The section for these seeds' studies. */
  static void write(StringBuilder md, List<Integer> seeds, List<DictionaryStudy.Study> studies) {
    DictionaryStudy.Study first = studies.get(0);
    DictionaryStudy.Settings s = first.settings();
    int n = first.chosen().inputs().size();
    md.append("## What the hidden units hold: a sparse dictionary\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "The autoencoder of phase 2 asks how %d features look through 2 dimensions; a sparse"
                + " dictionary (`SparseDictionary`, a sparse autoencoder as in Bricken et al. 2023"
                + " and Gao et al. 2024) asks which features the %d hidden units hold. It learns"
                + " K = %d unit directions and explains each row of hidden activations by the k"
                + " largest of their activations (top-k). If the units hold more features than"
                + " dimensions, in superposition, a sparse code over many directions should beat a"
                + " dense basis of the same size (PCA with as many components as the mean active"
                + " features per row, L0), and its features should be purer (more about one digit)"
                + " than the units themselves. The same is done on two controls: the hidden"
                + " activations with every column permuted on its own (independent columns), and"
                + " the network before its first step (untrained). Settings: k in %s, %d epochs,"
                + " mini-batch %d, learning rate %s, decoder bias from the geometric median, dead"
                + " features (silent for %d steps) resampled; k = %d is analysed in full.%n%n",
            n,
            n,
            s.dictionary().features(),
            Arrays.toString(s.ks()),
            s.dictionary().adam().epochs(),
            s.dictionary().adam().miniBatchSize(),
            s.dictionary().adam().learningRate(),
            s.dictionary().deadSteps(),
            s.chosenK()));
    for (int i = 0; i < studies.size(); i++) {
      seedTable(md, seeds.get(i), studies.get(i), studies.size() > 1);
    }
    acrossSeeds(md, studies);
    verdict(md, studies);
  }

  private static void seedTable(
      StringBuilder md, int seed, DictionaryStudy.Study study, boolean several) {
    String prefix = "seed-" + seed + "/png/";
    md.append(several ? "### Seed " + seed + "\n\n" : "### The frontier\n\n");
    md.append(
        "| data | k | L0 | FVU | PCA-L0 FVU | sparse advantage | live features | dense | purity:"
            + " features | purity: units | purity gain |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (DictionaryStudy.Point p : study.points()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.2f | %.4f | %.4f | %.2f | %d | %d | %.3f | %.3f | %.3f |%n",
              label(p.variant()),
              p.k(),
              p.l0(),
              p.fvu(),
              p.pcaFvuAtL0(),
              advantage(p),
              p.live(),
              p.dense(),
              p.meanFeaturePurity(),
              p.meanNeuronPurity(),
              purityGain(p)));
    }
    md.append(
        "\n*FVU*: fraction of variance unexplained; *sparse advantage*: PCA-L0's FVU divided by the"
            + " dictionary's (how many times less variance the sparse code leaves unexplained than"
            + " a dense basis of the same size); *purity*: the largest share of one digit in a"
            + " unit's activation, mean over live features (dictionary) or over the hidden units"
            + " (the data's own axes); *purity gain*: the two purities' difference.\n\n");
    DictionaryAnalysis a = study.analysis();
    DictionaryStudy.Downstream d = study.downstream();
    md.append(
        String.format(
            Locale.ROOT,
            "At k = %d: %d live features of %d (%d dead, %d dense) for %d dimensions; effective"
                + " classes (2^entropy) %.2f per feature against %.2f per unit. Downstream, the"
                + " classifier's test accuracy is %.4f with its hidden activations untouched, %.4f"
                + " with the reconstruction and %.4f with the training mean (ablation): the"
                + " dictionary recovers %.1f %% of the accuracy.%n%n",
            study.settings().chosenK(),
            a.liveFeatures(),
            study.settings().dictionary().features(),
            a.deadFeatures(),
            a.denseFeatures(),
            study.chosen().inputs().size(),
            a.meanFeatureEffectiveClasses(),
            a.meanNeuronEffectiveClasses(),
            d.clean(),
            d.reconstructed(),
            d.ablated(),
            100 * d.recovered()));
    md.append("![frontier](")
        .append(prefix)
        .append(DictionaryCharts.FRONTIER_FILE)
        .append(")\n![densities](")
        .append(prefix)
        .append(DictionaryCharts.DENSITY_FILE)
        .append(")\n![features](")
        .append(prefix)
        .append(DictionaryCharts.FEATURES_FILE)
        .append(")\n\n");
  }

  /** How much purer the dictionary's features are than the units: the difference of the means. */
  static double purityGain(DictionaryStudy.Point p) {
    return p.meanFeaturePurity() - p.meanNeuronPurity();
  }

  /** PCA-L0's FVU over the dictionary's. */
  static double advantage(DictionaryStudy.Point p) {
    return p.pcaFvuAtL0() / p.fvu();
  }

  private static void acrossSeeds(StringBuilder md, List<DictionaryStudy.Study> studies) {
    md.append(
        String.format(
            Locale.ROOT,
            "### At k = %d, over %d seed(s)%n%n",
            studies.get(0).settings().chosenK(),
            studies.size()));
    md.append(
        "| data | sparse advantage | FVU | live features | purity: features | purity: units |"
            + " purity gain |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (String variant : studies.get(0).variants()) {
      md.append("| ")
          .append(label(variant))
          .append(" | ")
          .append(spread(studies, variant, DictionaryStudyReport::advantage, "%.2f"))
          .append(" | ")
          .append(spread(studies, variant, DictionaryStudy.Point::fvu, "%.4f"))
          .append(" | ")
          .append(spread(studies, variant, DictionaryStudy.Point::live, "%.1f"))
          .append(" | ")
          .append(spread(studies, variant, DictionaryStudy.Point::meanFeaturePurity, "%.3f"))
          .append(" | ")
          .append(spread(studies, variant, DictionaryStudy.Point::meanNeuronPurity, "%.3f"))
          .append(" | ")
          .append(spread(studies, variant, DictionaryStudyReport::purityGain, "%.3f"))
          .append(" |\n");
    }
    md.append("\nEach cell: mean ± standard deviation over the seeds.\n\n");
  }

  static Spread figure(
      List<DictionaryStudy.Study> studies,
      String variant,
      ToDoubleFunction<DictionaryStudy.Point> figure) {
    return Spread.of(
        studies.stream()
            .mapToDouble(st -> figure.applyAsDouble(st.point(variant, st.settings().chosenK())))
            .toArray());
  }

  private static String spread(
      List<DictionaryStudy.Study> studies,
      String variant,
      ToDoubleFunction<DictionaryStudy.Point> f,
      String format) {
    Spread s = figure(studies, variant, f);
    return String.format(Locale.ROOT, format + " ± " + format, s.mean(), s.sd());
  }

  /** The verdict of {@link ClaimRules#dictionary} on these studies. */
  static ClaimRules.Verdict verdict(List<DictionaryStudy.Study> studies) {
    return ClaimRules.dictionary(
        studies.size(),
        Spread.of(studies.stream().mapToDouble(st -> st.downstream().recovered()).toArray()),
        figure(studies, DictionaryStudy.TRAINED, DictionaryStudy.Point::live),
        studies.get(0).chosen().inputs().size(),
        new ClaimRules.AgainstControls(
            figure(studies, DictionaryStudy.TRAINED, DictionaryStudyReport::purityGain),
            figure(studies, DictionaryStudy.INDEPENDENT, DictionaryStudyReport::purityGain),
            figure(studies, DictionaryStudy.UNTRAINED, DictionaryStudyReport::purityGain)));
  }

  private static void verdict(StringBuilder md, List<DictionaryStudy.Study> studies) {
    ClaimRules.Verdict verdict = verdict(studies);
    md.append("### Verdict: do the hidden units hold features in superposition?\n\n");
    md.append(
        verdict.holds() == null
            ? "**Cannot be decided from these runs**: "
            : verdict.holds()
                ? "**Yes: more features than dimensions, held in superposition.** Because "
                : "**No: the sparse dictionary finds no more superposition than the controls.** "
                    + "Because ");
    md.append(String.join("; ", verdict.reasons())).append(".\n\n");
    md.append(ClaimRules.dictionaryRuleText()).append("\n\n");
  }
}
