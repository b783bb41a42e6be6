package weka.superposition.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import weka.superposition.analysis.Spread;

/**
 * Every rule by which REPORT.md decides a claim, with its threshold, in one place: the report
 * states each rule beside its verdict, and {@code ClaimRulesTest} feeds chosen numbers into each
 * (holds, does not hold, the boundary), so that a changed threshold or a swapped sign fails a test.
 */
public final class ClaimRules {

  /** Phase 1 reaches the notebook's accuracy: at least this on the test set. */
  public static final double NOTEBOOK_ACCURACY = 0.96;

  /** A useful 2-D code: its MSE at least this share of the way from the mean predictor to PCA-2. */
  public static final double USEFUL_CODE = 0.10;

  /** About two directions: the two largest angular clusters hold at least this importance share. */
  public static final double TWO_DIRECTIONS_SHARE = 0.70;

  /** At right angles: within this many degrees of 90. */
  public static final double RIGHT_ANGLE_TOLERANCE = 20;

  /** A rank correlation counts when it is beyond this (above for +, below minus it for -). */
  public static final double RANK_CORRELATION = 0.5;

  /** Interference around 0: every feature's below this. */
  public static final double NEAR_ZERO_INTERFERENCE = 0.1;

  /**
   * One group has more of a figure than another when its mean over seeds is higher by at least this
   * much and by more than the two standard deviations added.
   */
  public static final double MORE_MARGIN = 1;

  /**
   * A verdict over seeds says yes or no from at least this many seeds. With one seed every standard
   * deviation is 0, so the rule of {@link #MORE_MARGIN} would compare the means alone; two seeds
   * give a standard deviation too rough to lean on.
   */
  public static final int MIN_SEEDS = 3;

  /** The command that runs enough seeds, as the report tells the user. */
  public static final String MORE_SEEDS_COMMAND =
      "`examples/run-experiment.sh --seeds " + MIN_SEEDS + "`";

  private ClaimRules() {}

  /** Whether {@code seeds} seeds are enough for a verdict over seeds ({@link #MIN_SEEDS}). */
  public static boolean enoughSeeds(int seeds) {
    return seeds >= MIN_SEEDS;
  }

  /**
   * The reason given instead of a verdict from too few seeds, with what they point to: "only 1
   * seed: it indicates {@code indication}, run at least 3 seeds to decide (the command)".
   */
  public static String tooFewSeeds(int seeds, String indication) {
    return String.format(
        java.util.Locale.ROOT,
        "only %d seed%s: %s %s, run at least %d seeds to decide (%s)",
        seeds,
        seeds == 1 ? "" : "s",
        seeds == 1 ? "it indicates" : "they indicate",
        indication,
        MIN_SEEDS,
        MORE_SEEDS_COMMAND);
  }

  public static boolean reachesNotebookAccuracy(double accuracy) {
    return accuracy >= NOTEBOOK_ACCURACY;
  }

  /** {@code gapClosed}: 0 at the mean predictor's MSE, 1 at PCA-2's. */
  public static boolean usefulCode(double gapClosed) {
    return gapClosed >= USEFUL_CODE;
  }

  public static boolean twoDirections(double topTwoShare) {
    return topTwoShare >= TWO_DIRECTIONS_SHARE;
  }

  /** False for NaN (fewer than two clusters). */
  public static boolean rightAngles(double degrees) {
    return Math.abs(degrees - 90) <= RIGHT_ANGLE_TOLERANCE;
  }

  /** Spearman's rho of importance and ||W_i||. */
  public static boolean normRisesWithImportance(double rho) {
    return rho > RANK_CORRELATION;
  }

  /** Spearman's rho of importance and b_i. */
  public static boolean biasFallsWithImportance(double rho) {
    return rho < -RANK_CORRELATION;
  }

  public static boolean interferenceNearZero(double maxInterference) {
    return maxInterference < NEAR_ZERO_INTERFERENCE;
  }

  /** Superposition in the seed's picture: more distinct directions than the code has dimensions. */
  public static boolean moreDirectionsThanDimensions(double clusters, int bottleneck) {
    return clusters > bottleneck;
  }

  /** Whether {@code a} is more than {@code b} by the rule of {@link #MORE_MARGIN}. */
  public static boolean more(Spread a, Spread b) {
    return moreBy(a, b, MORE_MARGIN);
  }

  /**
   * Whether {@code a}'s mean over seeds is higher than {@code b}'s by at least {@code margin} and
   * by more than the two standard deviations added.
   */
  public static boolean moreBy(Spread a, Spread b, double margin) {
    double difference = a.mean() - b.mean();
    return difference >= margin && difference > a.sd() + b.sd();
  }

  /** How one figure over seeds compares with another by the rule of {@link #more}. */
  public enum Comparison {
    MORE,
    FEWER,
    ABOUT_AS_MANY
  }

  /** How {@code a} compares with {@code b}. */
  public static Comparison compare(Spread a, Spread b) {
    return more(a, b) ? Comparison.MORE : more(b, a) ? Comparison.FEWER : Comparison.ABOUT_AS_MANY;
  }

  /**
   * The verdict on "is there more superposition in the trained MNIST features than in the
   * controls?". Whether the converged autoencoder learned a code is decided by the same rule as
   * phase 2's, {@link #usefulCode}, in every seed: the directions of a model that is no better than
   * the mean predictor in some seed say nothing about the features.
   *
   * @param holds null when it cannot be decided (the autoencoder did not learn a code, or there are
   *     fewer than {@link #MIN_SEEDS} seeds)
   * @param reasons each rule's outcome, in words; with too few seeds, first what the seeds indicate
   *     and how to run more
   */
  public record Verdict(Boolean holds, List<String> reasons) {}

  /**
   * A figure over seeds of the trained network and of the two controls that cannot hold meaningful
   * superposition: the independent columns (each permuted on its own) and the untrained network. A
   * rule's claim holds only where the trained network's figure beats both.
   */
  public record AgainstControls(Spread trained, Spread independent, Spread untrained) {}

  /**
   * Decides the study's question from the distinct directions (angular clusters of the important
   * features) over seeds: the trained features' converged autoencoder must have learned a code
   * ({@link #usefulCode} in its weakest seed), show more directions than dimensions, and more than
   * each control that cannot hold meaningful superposition (independent columns, the untrained
   * network). From fewer than {@link #MIN_SEEDS} seeds nothing is decided: the reasons say what the
   * seeds indicate and how to run more.
   *
   * @param seeds how many seeds the spreads are over
   */
  public static Verdict superposition(
      Spread gapClosed, AgainstControls directions, int bottleneck, int seeds) {
    List<String> reasons = new ArrayList<>();
    boolean code = usefulCode(gapClosed.min());
    reasons.add(
        (code
                ? "the converged autoencoder learned a code in every seed"
                : "the converged autoencoder learned no code in at least one seed")
            + String.format(
                java.util.Locale.ROOT,
                " (the weakest seed %.0f %% of the way from the mean predictor to PCA-%d, the mean"
                    + " %.0f %%; the rule: at least %.0f %% in every seed)",
                100 * gapClosed.min(),
                bottleneck,
                100 * gapClosed.mean(),
                100 * USEFUL_CODE));
    boolean beyond = moreDirectionsThanDimensions(directions.trained().mean(), bottleneck);
    reasons.add(
        String.format(
            java.util.Locale.ROOT,
            "the trained features take %.1f distinct directions, %s than the %d dimensions",
            directions.trained().mean(),
            beyond ? "more" : "not more",
            bottleneck));
    boolean beyondControls =
        beyondControls(
            directions,
            MORE_MARGIN,
            1,
            "the independent-features control",
            (more, control) -> (more ? "more" : "not more") + " than " + control,
            reasons);
    return verdict(
        code ? beyond && beyondControls : null,
        seeds,
        reasons,
        "no verdict (the autoencoder learned no code)",
        "more superposition than the controls",
        "not more superposition than the controls");
  }

  /**
   * The verdict {@code holds} over {@code seeds} seeds; from fewer than {@link #MIN_SEEDS}, none,
   * with a first reason that says what the seeds indicate (in the words given for each outcome) and
   * how to run more.
   */
  private static Verdict verdict(
      Boolean holds,
      int seeds,
      List<String> reasons,
      String undecided,
      String indicatesYes,
      String indicatesNo) {
    if (!enoughSeeds(seeds)) {
      reasons.add(
          0, tooFewSeeds(seeds, holds == null ? undecided : holds ? indicatesYes : indicatesNo));
      holds = null;
    }
    return new Verdict(holds, List.copyOf(reasons));
  }

  /**
   * A faithful dictionary: its reconstruction, put in place of the hidden activations, recovers at
   * least this share of the classifier's test accuracy (over the mean's) in every seed.
   */
  public static final double FAITHFUL_RECOVERY = 0.9;

  /**
   * The purity gain (the features' mean class purity minus the units') must beat a control's by
   * this.
   */
  public static final double PURITY_GAIN_MARGIN = 0.05;

  public static boolean faithful(double weakestRecovery) {
    return weakestRecovery >= FAITHFUL_RECOVERY;
  }

  /** The rule of {@link #dictionary}, in words, for REPORT.md. */
  public static String dictionaryRuleText() {
    return String.format(
        java.util.Locale.ROOT,
        "The rule (`ClaimRules.dictionary`): from at least %d seeds, the hidden units hold"
            + " features in superposition when the dictionary is faithful (its reconstruction"
            + " recovers at least %.0f %% of the test accuracy in every seed; otherwise nothing is"
            + " decided), it keeps more live features than the units have dimensions, and its"
            + " purity gain (how much purer, about one digit, its features are than the units)"
            + " is higher than each control's by at least %.2f and by more than the two standard"
            + " deviations added. The sparse advantage over PCA is shown but not used: the"
            + " controls have it too.",
        MIN_SEEDS,
        100 * FAITHFUL_RECOVERY,
        PURITY_GAIN_MARGIN);
  }

  /**
   * Decides "do the hidden units hold features in superposition?" from sparse dictionaries over
   * seeds, at the chosen sparsity. A dictionary that is not faithful ({@link #faithful} in its
   * weakest seed) says nothing about what the classifier uses, so nothing is decided; otherwise it
   * must keep more live features than the {@code dimensions}, and the trained network's purity gain
   * must beat both controls' ({@link #moreBy} with {@link #PURITY_GAIN_MARGIN}): more features than
   * dimensions alone is what any dictionary larger than its input shows, and purer features alone
   * what any finer partition of the data shows. From fewer than {@link #MIN_SEEDS} seeds nothing is
   * decided: the reasons say what the seeds indicate and how to run more.
   *
   * @param recovered the accuracy recovered by the trained network's dictionary, over seeds
   * @param live the trained network's dictionary's live features
   * @param purityGain the features' mean purity minus the units', of the trained network's
   *     dictionary and the controls'
   */
  public static Verdict dictionary(
      int seeds, Spread recovered, Spread live, int dimensions, AgainstControls purityGain) {
    List<String> reasons = new ArrayList<>();
    boolean faithful = faithful(recovered.min());
    reasons.add(
        String.format(
            java.util.Locale.ROOT,
            "the dictionary is %s (it recovers %.1f %% of the test accuracy in its weakest seed,"
                + " %.1f %% on average; the rule: at least %.0f %% in every seed)",
            faithful ? "faithful" : "not faithful",
            100 * recovered.min(),
            100 * recovered.mean(),
            100 * FAITHFUL_RECOVERY));
    boolean more = live.mean() > dimensions;
    reasons.add(
        String.format(
            java.util.Locale.ROOT,
            "it keeps %.1f live features, %s than the %d dimensions",
            live.mean(),
            more ? "more" : "not more",
            dimensions));
    boolean beyondControls =
        beyondControls(
            purityGain,
            PURITY_GAIN_MARGIN,
            3,
            "the independent-columns control",
            (higher, control) ->
                "its purity gain is "
                    + (higher ? "higher" : "not higher")
                    + " than "
                    + control
                    + "'s",
            reasons);
    return verdict(
        faithful ? more && beyondControls : null,
        seeds,
        reasons,
        "no verdict (the dictionary is not faithful)",
        "features in superposition, beyond the controls",
        "no more superposition than the controls");
  }

  /**
   * Whether the trained network's figure beats each control's ({@link #moreBy} with {@code
   * margin}), with a reason for each control: {@code claim}'s words for the outcome and the
   * control, then the figures "(a ± b against c ± d)" to {@code decimals} decimals.
   *
   * @param independentControl the independent control's name, which each rule words its own way
   */
  private static boolean beyondControls(
      AgainstControls figure,
      double margin,
      int decimals,
      String independentControl,
      BiFunction<Boolean, String, String> claim,
      List<String> reasons) {
    boolean beyondIndependent = moreBy(figure.trained(), figure.independent(), margin);
    reasons.add(
        claim.apply(beyondIndependent, independentControl)
            + " "
            + against(figure.trained(), figure.independent(), decimals));
    boolean beyondUntrained = moreBy(figure.trained(), figure.untrained(), margin);
    reasons.add(
        claim.apply(beyondUntrained, "the untrained-network control")
            + " "
            + against(figure.trained(), figure.untrained(), decimals));
    return beyondIndependent && beyondUntrained;
  }

  /**
   * "(a ± b against c ± d)", the means and standard deviations to {@code decimals} decimals: how
   * the report sets a figure over seeds beside the one it is compared with.
   */
  static String against(Spread figure, Spread other, int decimals) {
    String f = "%." + decimals + "f";
    return String.format(
        java.util.Locale.ROOT,
        "(" + f + " ± " + f + " against " + f + " ± " + f + ")",
        figure.mean(),
        figure.sd(),
        other.mean(),
        other.sd());
  }
}
