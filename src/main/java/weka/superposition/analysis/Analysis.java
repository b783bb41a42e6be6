package weka.superposition.analysis;

import java.io.Serializable;
import java.util.List;

/**
 * What the superposition analysis finds in one trained autoencoder. Per-feature arrays are indexed
 * by input feature (attribute order); {@link Importance#rank()} gives the importance order, in
 * which the seed plots everything, and the two n x n matrices are already in that order.
 *
 * @param epoch the epoch after which the analysis was made
 * @param featureNames the input features, in attribute order
 */
public record Analysis(
    int epoch,
    List<String> featureNames,
    int bottleneck,
    Importance importance,
    Directions directions,
    Weights weights,
    Summary summary)
    implements Serializable {

  /**
   * The seed's importance: how much the reconstruction error (MSE over the training data) grows
   * when one input feature is set to 0.
   *
   * @param raw the MSE increase
   * @param share raw divided by the sum over features
   * @param scaled share min-max scaled to [0, 1] (the weakest feature is 0 by construction)
   * @param rank feature indices from the most to the least important (the seed's argsort, reversed)
   */
  public record Importance(double[] raw, double[] share, double[] scaled, int[] rank)
      implements Serializable {}

  /**
   * Each feature's place in the code.
   *
   * @param mean the seed's direction: the mean code over the data when only this feature is kept
   * @param zeroCode the code of the all-zero input, which every seed direction contains
   * @param fromZero mean minus zeroCode: the part of the direction that the feature itself adds
   * @param flex the seed's "imp * len=flex" point: scaled importance times mean
   * @param fix1 the seed's "imp * len=fix1" point: scaled importance times mean / |mean|
   */
  public record Directions(
      double[][] mean, double[] zeroCode, double[][] fromZero, double[][] flex, double[][] fix1)
      implements Serializable {}

  /**
   * The weight analysis of the seed's second experiment and of the paper.
   *
   * @param norm ||W_i||, the length of feature i's encoder vector
   * @param bias b_i, the decoder bias of feature i
   * @param interferenceNotebook what the seed plots as "cos sim": sum over j != i of (W_i . W_j)^2
   * @param interferencePaper the paper's interference: sum over j != i of (W_i/||W_i|| . W_j)^2
   * @param dimensionality the paper's D_i = ||W_i||^2 / sum over j of (W_i/||W_i|| . W_j)^2
   * @param decoderTimesEncoder the seed's "W^T W" (decoder times encoder), rows and columns in
   *     importance order
   * @param top1Percent the same with every entry below its 99th percentile set to 0
   * @param top1Threshold that percentile
   */
  public record Weights(
      double[] norm,
      double[] bias,
      double[] interferenceNotebook,
      double[] interferencePaper,
      double[] dimensionality,
      double[][] decoderTimesEncoder,
      double[][] top1Percent,
      double top1Threshold)
      implements Serializable {}

  /**
   * The figures that say whether the 2-D code means anything.
   *
   * @param mse the reconstruction MSE on the training data
   * @param meanPredictorMse the MSE of predicting each feature's mean
   * @param pcaMse the MSE of the best linear reconstruction of the bottleneck's rank (PCA)
   * @param importantFeatures features with scaled importance above 0.5
   * @param cluster per feature, its angular cluster among the important features (-1: not
   *     important, or no direction)
   * @param clusters the number of clusters
   * @param topTwoShare the importance share of the two clusters with the largest share
   * @param topTwoAngle degrees between those two clusters' mean directions (NaN with fewer than 2)
   */
  public record Summary(
      double mse,
      double meanPredictorMse,
      double pcaMse,
      int importantFeatures,
      int[] cluster,
      int clusters,
      double topTwoShare,
      double topTwoAngle)
      implements Serializable {}

  /** Features whose scaled importance is above this count as important. */
  public static final double IMPORTANT = 0.5;

  /** Important features whose directions lie within this many degrees form a cluster. */
  public static final double CLUSTER_DEGREES = 30;

  public int numFeatures() {
    return featureNames.size();
  }
}
