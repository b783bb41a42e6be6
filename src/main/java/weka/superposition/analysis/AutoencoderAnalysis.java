package weka.superposition.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Computes an {@link Analysis} from an autoencoder's weights and its training data, in plain Java.
 *
 * <p>The expensive part is the seed's importance: the data's MSE with each of the n features set to
 * 0 in turn (n forward passes over all rows). Two facts make it cheap enough to run every epoch:
 * zeroing feature i changes nothing in rows where it is already 0 (and the seed's features are ReLU
 * outputs, mostly 0), and the code's pre-activation is linear, so it is corrected by subtracting
 * x_i W_i instead of being recomputed. Rows are processed in fixed chunks, in parallel, and the
 * chunks' sums added in order, so the result does not depend on the number of threads.
 */
public final class AutoencoderAnalysis {

  private static final int ROWS_PER_CHUNK = 2048;

  private AutoencoderAnalysis() {}

  /**
   * Analyses {@code weights} on {@code rows x n} row-major {@code data}.
   *
   * @param references the reference errors of the same data (they do not change with the model)
   */
  public static Analysis analyse(
      int epoch,
      List<String> featureNames,
      AutoencoderWeights weights,
      float[] data,
      int rows,
      ReferenceErrors references) {
    int n = weights.numFeatures();
    int m = weights.bottleneck();
    if (featureNames.size() != n || data.length != (long) rows * n || rows == 0) {
      throw new IllegalArgumentException(
          "expected " + n + " named features and " + rows + " x " + n + " values");
    }
    // the chunks in parallel, their sums added here one after the other: a stream's reduce would
    // add them in a tree shaped by the common pool's size, which rounds differently
    Sums[] chunks =
        IntStream.range(0, (rows + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK)
            .parallel()
            .mapToObj(
                c ->
                    chunk(
                        weights,
                        data,
                        c * ROWS_PER_CHUNK,
                        Math.min(rows, (c + 1) * ROWS_PER_CHUNK)))
            .toArray(Sums[]::new);
    Sums sums = chunks[0];
    for (int c = 1; c < chunks.length; c++) {
      sums.plus(chunks[c]);
    }

    double cells = (double) rows * n;
    double mse = sums.error / cells;
    double[] raw = new double[n];
    double[][] mean = new double[n][m];
    for (int i = 0; i < n; i++) {
      raw[i] = sums.ablationIncrease[i] / cells;
      for (int k = 0; k < m; k++) {
        mean[i][k] = sums.keptOnlyCode[i][k] / rows;
      }
    }
    Analysis.Importance importance = importance(raw);
    Analysis.Directions directions = directions(weights, mean, importance.scaled());
    Analysis.Weights weightAnalysis = weightAnalysis(weights, importance.rank());
    Analysis.Summary summary = summary(mse, references, importance, directions.fromZero());
    return new Analysis(
        epoch, List.copyOf(featureNames), m, importance, directions, weightAnalysis, summary);
  }

  /** The sums over a range of rows. */
  private static final class Sums {
    double error;
    final double[] ablationIncrease;
    final double[][] keptOnlyCode;

    Sums(int n, int m) {
      ablationIncrease = new double[n];
      keptOnlyCode = new double[n][m];
    }

    Sums plus(Sums other) {
      error += other.error;
      for (int i = 0; i < ablationIncrease.length; i++) {
        ablationIncrease[i] += other.ablationIncrease[i];
        for (int k = 0; k < keptOnlyCode[i].length; k++) {
          keptOnlyCode[i][k] += other.keptOnlyCode[i][k];
        }
      }
      return this;
    }
  }

  private static Sums chunk(AutoencoderWeights w, float[] data, int from, int to) {
    int n = w.numFeatures();
    int m = w.bottleneck();
    float[] kernel = w.encoderKernel();
    float[] preActivation = new float[m];
    float[] code = new float[m];
    float[] output = new float[n];
    float[] single = new float[m];
    float[] zeroInputCode = new float[m];
    w.encode(new float[n], 0, zeroInputCode);
    Sums sums = new Sums(n, m);
    for (int r = from; r < to; r++) {
      int offset = r * n;
      linearCode(w, data, offset, preActivation);
      activate(w, preActivation, code);
      w.decode(code, output);
      double baseError = squaredError(output, data, offset);
      sums.error += baseError;
      for (int i = 0; i < n; i++) {
        float xi = data[offset + i];
        if (xi == 0) {
          // zeroing changes nothing; keeping only this feature gives the all-zero input's code
          addTo(sums.keptOnlyCode[i], zeroInputCode);
          continue;
        }
        for (int k = 0; k < m; k++) {
          code[k] = w.codeActivation().apply(preActivation[k] - xi * kernel[i * m + k]);
          single[k] = w.codeActivation().apply(w.encoderBias()[k] + xi * kernel[i * m + k]);
        }
        w.decode(code, output);
        sums.ablationIncrease[i] += squaredError(output, data, offset) - baseError;
        addTo(sums.keptOnlyCode[i], single);
      }
    }
    return sums;
  }

  private static void linearCode(AutoencoderWeights w, float[] x, int offset, float[] z) {
    int n = w.numFeatures();
    int m = w.bottleneck();
    System.arraycopy(w.encoderBias(), 0, z, 0, m);
    for (int i = 0; i < n; i++) {
      float xi = x[offset + i];
      if (xi != 0) {
        for (int k = 0; k < m; k++) {
          z[k] += xi * w.encoderKernel()[i * m + k];
        }
      }
    }
  }

  private static void activate(AutoencoderWeights w, float[] z, float[] code) {
    for (int k = 0; k < z.length; k++) {
      code[k] = w.codeActivation().apply(z[k]);
    }
  }

  private static double squaredError(float[] output, float[] data, int offset) {
    // four partial sums: one would chain every addition on the previous one's latency
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int n = output.length;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      float d0 = output[j] - data[offset + j];
      float d1 = output[j + 1] - data[offset + j + 1];
      float d2 = output[j + 2] - data[offset + j + 2];
      float d3 = output[j + 3] - data[offset + j + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; j < n; j++) {
      float d = output[j] - data[offset + j];
      s0 += d * d;
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static void addTo(double[] sum, float[] values) {
    for (int k = 0; k < sum.length; k++) {
      sum[k] += values[k];
    }
  }

  static Analysis.Importance importance(double[] raw) {
    int n = raw.length;
    double total = Arrays.stream(raw).sum();
    double[] share = new double[n];
    for (int i = 0; i < n; i++) {
      share[i] = total != 0 ? raw[i] / total : 0;
    }
    double min = Arrays.stream(share).min().orElse(0);
    double max = Arrays.stream(share).max().orElse(0);
    double[] scaled = new double[n];
    for (int i = 0; i < n; i++) {
      scaled[i] = max > min ? (share[i] - min) / (max - min) : 0;
    }
    return new Analysis.Importance(raw, share, scaled, descendingOrder(scaled));
  }

  /** numpy's {@code argsort(values)[::-1]}: a stable ascending sort, reversed. */
  static int[] descendingOrder(double[] values) {
    int[] ascending = Statistics.ascendingOrder(values);
    int[] order = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      order[i] = ascending[values.length - 1 - i];
    }
    return order;
  }

  static Analysis.Directions directions(AutoencoderWeights w, double[][] mean, double[] scaled) {
    int n = mean.length;
    int m = w.bottleneck();
    float[] zero = new float[m];
    w.encode(new float[n], 0, zero);
    double[] zeroCode = new double[m];
    for (int k = 0; k < m; k++) {
      zeroCode[k] = zero[k];
    }
    double[][] fromZero = new double[n][m];
    double[][] flex = new double[n][m];
    double[][] fix1 = new double[n][m];
    for (int i = 0; i < n; i++) {
      double length = norm(mean[i]);
      for (int k = 0; k < m; k++) {
        fromZero[i][k] = mean[i][k] - zeroCode[k];
        flex[i][k] = scaled[i] * mean[i][k];
        // the seed's norm_point keeps a zero-length vector as it is
        fix1[i][k] = scaled[i] * (length > 0 ? mean[i][k] / length : mean[i][k]);
      }
    }
    return new Analysis.Directions(mean, zeroCode, fromZero, flex, fix1);
  }

  static Analysis.Weights weightAnalysis(AutoencoderWeights w, int[] rank) {
    int n = w.numFeatures();
    AutoencoderWeights.FeatureGeometry geometry = w.featureGeometry();
    double[][] vectors = geometry.vectors();
    double[] norm = geometry.norms();
    double[] seed = new double[n];
    double[] paper = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double dot = dot(vectors[i], vectors[j]);
        double projection = norm[i] > 0 ? dot / norm[i] : 0;
        if (j != i) {
          seed[i] += dot * dot;
          paper[i] += projection * projection;
        }
      }
    }
    double[] dimensionality = ToyGeometry.dimensionality(vectors);
    double[][] matrix = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        matrix[a][b] = w.decoderTimesEncoder(rank[a], rank[b]);
      }
    }
    double threshold = percentile(matrix, 99);
    double[][] top = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        top[a][b] = matrix[a][b] < threshold ? 0 : matrix[a][b];
      }
    }
    return new Analysis.Weights(
        norm, geometry.bias(), seed, paper, dimensionality, matrix, top, threshold);
  }

  /** numpy's default (linear) percentile of all entries. */
  static double percentile(double[][] matrix, double percent) {
    double[] all = Arrays.stream(matrix).flatMapToDouble(Arrays::stream).sorted().toArray();
    double position = percent / 100 * (all.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(all.length - 1, below + 1);
    return all[below] + (position - below) * (all[above] - all[below]);
  }

  static Analysis.Summary summary(
      double mse, ReferenceErrors references, Analysis.Importance importance, double[][] fromZero) {
    int n = fromZero.length;
    int[] cluster = new int[n];
    Arrays.fill(cluster, -1);
    int important =
        (int) Arrays.stream(importance.scaled()).filter(s -> s > Analysis.IMPORTANT).count();
    // angles are those of 2-D codes: with another bottleneck there are no clusters
    List<Integer> members =
        IntStream.range(0, n)
            .filter(
                i ->
                    importance.scaled()[i] > Analysis.IMPORTANT
                        && fromZero[i].length == 2
                        && norm(fromZero[i]) > 0)
            .boxed()
            .toList();
    double[] angles =
        members.stream().mapToDouble(i -> Math.atan2(fromZero[i][1], fromZero[i][0])).toArray();
    int[] labels = AngularClusters.completeLinkage(angles, Analysis.CLUSTER_DEGREES);
    int clusters = Arrays.stream(labels).max().orElse(-1) + 1;
    double[] share = new double[clusters];
    double[][] resultant = new double[clusters][2];
    for (int c = 0; c < members.size(); c++) {
      int i = members.get(c);
      cluster[i] = labels[c];
      double s = importance.share()[i];
      share[labels[c]] += s;
      resultant[labels[c]][0] += s * Math.cos(angles[c]);
      resultant[labels[c]][1] += s * Math.sin(angles[c]);
    }
    int[] bySize = descendingOrder(share);
    double topTwoShare = 0;
    double topTwoAngle = Double.NaN;
    if (clusters >= 1) {
      topTwoShare = share[bySize[0]] + (clusters >= 2 ? share[bySize[1]] : 0);
    }
    if (clusters >= 2) {
      topTwoAngle =
          AngularClusters.degreesBetween(
              Math.atan2(resultant[bySize[0]][1], resultant[bySize[0]][0]),
              Math.atan2(resultant[bySize[1]][1], resultant[bySize[1]][0]));
    }
    return new Analysis.Summary(
        mse,
        references.meanPredictorMse(),
        references.pcaMse(),
        important,
        cluster,
        clusters,
        topTwoShare,
        topTwoAngle);
  }

  static double norm(double[] v) {
    return Math.sqrt(dot(v, v));
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int k = 0; k < a.length; k++) {
      sum += a[k] * b[k];
    }
    return sum;
  }
}
