package weka.superposition.analysis;

/**
 * The summary's direction figures (angular clusters, the two largest clusters' share and angle)
 * computed from the seed's own directions, the mean code when only one feature is kept, instead of
 * from those directions minus the all-zero input's code, which {@link AutoencoderAnalysis} uses.
 * Every seed direction contains the zero input's code, which pulls them all towards one point, so
 * the two kinds of direction can give different cluster counts; reports show both.
 */
public final class SeedDirections {

  private SeedDirections() {}

  /** {@code analysis}'s summary with its direction figures taken from the seed's directions. */
  public static Analysis.Summary summary(Analysis analysis) {
    Analysis.Summary s = analysis.summary();
    return AutoencoderAnalysis.summary(
        s.mse(),
        new ReferenceErrors(s.meanPredictorMse(), s.pcaMse(), analysis.bottleneck()),
        analysis.importance(),
        analysis.directions().mean());
  }
}
