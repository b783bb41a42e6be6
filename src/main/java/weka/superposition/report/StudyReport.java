package weka.superposition.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import weka.superposition.analysis.Spread;
import weka.superposition.autoencoder.ConvergedTraining;
import weka.superposition.experiments.ConvergenceStudy;
import weka.superposition.experiments.ConvergenceStudy.Figures;
import weka.superposition.experiments.ConvergenceStudy.Study;
import weka.superposition.experiments.ConvergenceStudy.Variant;
import weka.superposition.io.AtomicFiles;
import weka.superposition.io.JsonFiles;
import weka.tensorflow.AdamRun;

/**
 * The convergence study as JSON ({@code seed-N/study.json}) and as REPORT.md's section "Does the
 * seed's claim hold when the autoencoder is trained?": all seeds side by side, mean and spread, the
 * seed's claims decided again for the converged autoencoder, and the verdict of {@link
 * ClaimRules#superposition}.
 */
public final class StudyReport {

  /** The file name of a seed's study in its folder. */
  public static final String FILE = "study.json";

  /** The variants in the order the section shows them. */
  static final List<String> ORDER =
      List.of(
          ConvergenceStudy.NOTEBOOK,
          ConvergenceStudy.CONVERGED,
          ConvergenceStudy.INDEPENDENT,
          ConvergenceStudy.UNTRAINED,
          ConvergenceStudy.TOY);

  private StudyReport() {}

  /** Writes {@code study} as JSON, whole or not at all. */
  public static void write(Study study, Path file) throws IOException {
    String json = JsonFiles.write(study);
    AtomicFiles.write(file, part -> Files.writeString(part, json, StandardCharsets.UTF_8));
  }

  public static Study read(Path file) throws IOException {
    return JsonFiles.read(Files.readString(file), Study.class);
  }

  /**
   * Appends the section for the runs whose folders hold a study; says so and appends nothing else
   * when none does.
   */
  static void section(StringBuilder md, List<ExperimentReport.SeedResults> runs) {
    List<Study> studies = studies(runs);
    if (!studies.isEmpty()) {
      write(md, studies);
    }
  }

  /** The studies of the runs whose folders hold one. */
  static List<Study> studies(List<ExperimentReport.SeedResults> runs) {
    List<Study> studies = new ArrayList<>();
    for (ExperimentReport.SeedResults run : runs) {
      Path file = run.folder().resolve(FILE);
      if (Files.isRegularFile(file)) {
        try {
          studies.add(read(file));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    return studies;
  }

  /** The verdict of {@link ClaimRules#superposition} on these studies. */
  static ClaimRules.Verdict verdict(List<Study> studies) {
    return ClaimRules.superposition(
        spread(studies, ConvergenceStudy.CONVERGED, f -> f.gapClosed()),
        new ClaimRules.AgainstControls(
            clusters(studies, ConvergenceStudy.CONVERGED),
            clusters(studies, ConvergenceStudy.INDEPENDENT),
            clusters(studies, ConvergenceStudy.UNTRAINED)),
        studies.get(0).settings().converged().bottleneck(),
        studies.size());
  }

  /** The section for these seeds' studies. */
  static void write(StringBuilder md, List<Study> studies) {
    md.append("## Does the seed's claim hold when the autoencoder is trained?\n\n");
    introduction(md, studies);
    variants(md, studies);
    measures(md);
    meanTable(md, studies);
    perSeedTable(md, studies);
    convergedClaims(md, studies);
    verdict(md, studies);
    besideToy(md, studies);
  }

  /** Why the study is run, the model it trains and the seeds. */
  private static void introduction(StringBuilder md, List<Study> studies) {
    Study first = studies.get(0);
    int m = first.settings().converged().bottleneck();
    md.append(
        String.format(
            Locale.ROOT,
            "At the seed's settings the autoencoder is barely trained, so its picture says little. "
                + "Here the same %d -> %d -> %d model is trained until it stops improving, and the "
                + "trained classifier's hidden features are compared with controls that cannot "
                + "hold meaningful superposition. Seeds: %s.%n%n",
            first.features().size(),
            m,
            first.features().size(),
            studies.stream().map(s -> Integer.toString(s.seed())).toList()));
  }

  /** Each variant and how it is trained, in the order of the tables. */
  private static void variants(StringBuilder md, List<Study> studies) {
    Study first = studies.get(0);
    ConvergedTraining.Settings c = first.settings().converged();
    ConvergedTraining.Settings t = first.settings().toy();
    md.append(
        String.format(
            Locale.ROOT,
            "- **notebook**: phase 2's model itself, the seed's setting (%s, %d epochs).%n",
            adam(first.settings().notebook().adam()),
            first.settings().notebook().adam().epochs()));
    md.append(
        String.format(
            Locale.ROOT,
            "- **converged**: the same model, Adam with %s, trained on %.0f %% of the rows until"
                + " the MSE on the held-out %.0f %% has not improved by %.2f %% for %d epochs (at"
                + " most %d epochs); the best epoch's model is analysed on all rows.%n",
            adam(c.adam()),
            100 * (1 - c.heldOutShare()),
            100 * c.heldOutShare(),
            100 * c.minImprovement(),
            c.patience(),
            c.adam().epochs()));
    md.append(
        "- **independent** (control): the same training on the hidden activations with each "
            + "column permuted on its own: every feature keeps its distribution, the features "
            + "no longer occur together.\n");
    md.append(
        "- **untrained** (control): the same training on the hidden activations of the "
            + "classifier before its first step (same seed, zero epochs).\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- **toy** (the paper's prediction): Elhage et al.'s tied model x' = ReLU(W^T W x + b), "
                + "%s, the same stopping rule (patience %d, at most "
                + "%d epochs), on as many synthetic rows whose feature i is 0 as often as hidden "
                + "unit i is (%s zeros on average), else uniform on [0, 1], with loss weights I_i "
                + "= the converged autoencoder's importance share of unit i, the largest scaled "
                + "to 1.%n%n",
            adam(t.adam()),
            t.patience(),
            t.adam().epochs(),
            percent(
                studies.stream()
                    .mapToDouble(
                        s -> java.util.Arrays.stream(s.sparsity()).average().orElse(Double.NaN))
                    .toArray())));
  }

  /** "learning rate 1.0E-4, mini-batch 64": how each variant's Adam is described. */
  private static String adam(AdamRun adam) {
    return String.format(
        Locale.ROOT, "learning rate %s, mini-batch %d", adam.learningRate(), adam.miniBatchSize());
  }

  /** What the tables' columns measure. */
  private static void measures(StringBuilder md) {
    md.append(
        "Directions are measured from the zero input's code: each feature's direction is its "
            + "mean code when only it is kept, minus the code of the all-zero input (which every "
            + "seed direction contains). The columns marked *seed's directions* give the same "
            + "figures from the seed's own directions, without that subtraction. Important: "
            + "scaled importance above 0.5; clusters: angular clusters of the important "
            + "features' directions (complete linkage, 30 degrees); interference: the paper's, "
            + "mean over features; D_i: the paper's dimensionality, mean and standard deviation "
            + "over the features. Each cell: mean ± standard deviation over the seeds.\n\n");
  }

  /** Every variant's figures, mean ± standard deviation over the seeds. */
  private static void meanTable(StringBuilder md, List<Study> studies) {
    md.append(
        "| variant | epochs (kept) | MSE | mean predictor | PCA-2 | gap closed | important | "
            + "‖W_i‖ > 0.5 | clusters | top-2 share | angle | clusters, seed's directions | "
            + "top-2 share, seed's directions | angle, seed's directions | interference | "
            + "D_i mean | D_i sd | seconds |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (String name : ORDER) {
      List<Variant> vs = studies.stream().map(s -> s.variant(name)).toList();
      md.append("| ")
          .append(name)
          .append(" | ")
          .append(cell(vs, v -> v.epochs(), "%.0f"))
          .append(" (")
          .append(cell(vs, v -> v.bestEpoch(), "%.0f"))
          .append(") | ");
      md.append(
          String.join(
              " | ",
              cell(vs, v -> v.figures().mse(), "%.5f"),
              cell(vs, v -> v.figures().meanPredictorMse(), "%.5f"),
              cell(vs, v -> v.figures().pcaMse(), "%.5f"),
              cell(vs, v -> 100 * v.figures().gapClosed(), "%.0f %%"),
              cell(vs, v -> v.figures().important(), "%.1f"),
              cell(vs, v -> v.figures().normAboveHalf(), "%.1f"),
              cell(vs, v -> v.figures().fromZero().clusters(), "%.1f"),
              cell(vs, v -> 100 * v.figures().fromZero().topTwoShare(), "%.0f %%"),
              cell(vs, v -> v.figures().fromZero().topTwoAngle(), "%.0f°"),
              cell(vs, v -> v.figures().seedDirections().clusters(), "%.1f"),
              cell(vs, v -> 100 * v.figures().seedDirections().topTwoShare(), "%.0f %%"),
              cell(vs, v -> v.figures().seedDirections().topTwoAngle(), "%.0f°"),
              cell(vs, v -> v.figures().meanInterference(), "%.3f"),
              cell(vs, v -> v.figures().meanDimensionality(), "%.3f"),
              cell(vs, v -> v.figures().sdDimensionality(), "%.3f"),
              cell(vs, Variant::seconds, "%.1f")));
      md.append(" |\n");
    }
  }

  /** Each seed's clusters, important features and gap closed, a column per seed. */
  private static void perSeedTable(StringBuilder md, List<Study> studies) {
    md.append("\nPer seed: clusters from the zero input's code (from the seed's directions), ")
        .append("important features, gap closed.\n\n| variant |");
    for (Study s : studies) {
      md.append(" seed ").append(s.seed()).append(" |");
    }
    md.append("\n|---|").append("---|".repeat(studies.size())).append("\n");
    for (String name : ORDER) {
      md.append("| ").append(name).append(" |");
      for (Study s : studies) {
        Figures f = s.variant(name).figures();
        md.append(
            String.format(
                Locale.ROOT,
                " %d (%d), %d, %.0f %% |",
                f.fromZero().clusters(),
                f.seedDirections().clusters(),
                f.important(),
                100 * f.gapClosed()));
      }
      md.append("\n");
    }
  }

  /** Phase 2's claims, decided again for each seed's converged autoencoder. */
  private static void convergedClaims(StringBuilder md, List<Study> studies) {
    md.append("\n### The seed's claims, decided again for the converged autoencoder\n\n");
    md.append("The same rules as for phase 2 above.\n\n");
    ExperimentReport.analysisClaims(
        md,
        studies.stream().map(Study::seed).toList(),
        studies.stream().map(s -> s.variant(ConvergenceStudy.CONVERGED).analysis()).toList());
  }

  /** The rule of {@link ClaimRules#superposition} and its verdict on these studies. */
  private static void verdict(StringBuilder md, List<Study> studies) {
    int m = studies.get(0).settings().converged().bottleneck();
    md.append("\n### Verdict\n\n");
    ClaimRules.Verdict verdict = verdict(studies);
    md.append(
        String.format(
            Locale.ROOT,
            "The rule: the trained features hold more superposition than the controls when the "
                + "converged autoencoder learned a code (at least %.0f %% of the way from the mean "
                + "predictor to PCA-%d in every seed: phase 2's rule), its important features take more "
                + "distinct directions (angular clusters) than the code's %d dimensions, and more "
                + "than each control that cannot hold meaningful superposition (independent "
                + "features, untrained network), where *more* means a mean over seeds higher by "
                + "at least %.0f and by more than the two standard deviations added. A verdict "
                + "needs at least %d seeds (with one seed every standard deviation is 0): from "
                + "fewer, only what the seeds indicate is shown; %s runs %d.%n%n",
            100 * ClaimRules.USEFUL_CODE,
            m,
            m,
            ClaimRules.MORE_MARGIN,
            ClaimRules.MIN_SEEDS,
            ClaimRules.MORE_SEEDS_COMMAND,
            ClaimRules.MIN_SEEDS));
    md.append("**")
        .append(
            verdict.holds() == null
                ? ClaimRules.enoughSeeds(studies.size()) ? "Cannot be decided" : "Not decided"
                : verdict.holds()
                    ? "Yes: there is more superposition in the trained MNIST features than in the"
                        + " controls"
                    : "No: there is not more superposition in the trained MNIST features than in"
                        + " the controls")
        .append("**: ")
        .append(String.join("; ", verdict.reasons()))
        .append(".\n\n");
  }

  /** The trained features' distinct directions beside the toy model's, the paper's prediction. */
  private static void besideToy(StringBuilder md, List<Study> studies) {
    Spread trained = clusters(studies, ConvergenceStudy.CONVERGED);
    Spread toy = clusters(studies, ConvergenceStudy.TOY);
    String relation =
        switch (ClaimRules.compare(trained, toy)) {
          case MORE -> "more distinct directions than";
          case FEWER -> "fewer distinct directions than";
          case ABOUT_AS_MANY -> "about as many distinct directions as";
        };
    String comparison =
        relation
            + " the toy model on features of their sparsity and importance "
            + ClaimRules.against(trained, toy, 1);
    md.append("Beside the paper's prediction: ")
        .append(
            ClaimRules.enoughSeeds(studies.size())
                ? "the trained features take " + comparison + ", by the same rule"
                : ClaimRules.tooFewSeeds(
                    studies.size(), "that the trained features take " + comparison))
        .append(".\n\n");
  }

  private static Spread clusters(List<Study> studies, String variant) {
    return spread(studies, variant, f -> f.fromZero().clusters());
  }

  private static Spread spread(
      List<Study> studies, String variant, ToDoubleFunction<Figures> figure) {
    return Spread.of(
        studies.stream()
            .mapToDouble(s -> figure.applyAsDouble(s.variant(variant).figures()))
            .toArray());
  }

  private static String cell(List<Variant> vs, ToDoubleFunction<Variant> value, String format) {
    Spread s = Spread.of(vs.stream().mapToDouble(value).toArray());
    if (Double.isNaN(s.mean())) {
      return "n/a";
    }
    return vs.size() < 2
        ? String.format(Locale.ROOT, format, s.mean())
        : String.format(Locale.ROOT, format + " ± " + format, s.mean(), s.sd());
  }

  private static String percent(double[] values) {
    Spread s = Spread.of(values);
    return String.format(Locale.ROOT, "%.0f %%", 100 * s.mean());
  }
}
