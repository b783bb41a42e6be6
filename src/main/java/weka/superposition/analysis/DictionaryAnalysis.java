package weka.superposition.analysis;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;

/**
 * What a sparse dictionary does with the activations it was trained on: how well it reconstructs
 * them, how sparse and how alive its features are, how class-specific its features are next to the
 * network's own neurons, and what each feature does to the logits. Plain arrays and numbers, so
 * that it writes as JSON as it is; NaN where a figure has nothing to be computed from.
 *
 * @param fvu fraction of variance unexplained: {@code sum ||x - x'||^2 / sum ||x - mean(x)||^2};
 *     NaN when the data do not vary
 * @param mse mean over rows and inputs of {@code (x - x')^2}
 * @param l0 mean number of active ({@code f > 0}) features per row
 * @param density per feature, the fraction of rows where it is active
 * @param meanActivation per feature, its activation summed over the rows, over the rows: how much
 *     of the reconstruction it carries (its decoder row has unit norm), the dashboard's order
 * @param deadFeatures features never active
 * @param denseFeatures features active in more than {@link #DENSE} of the rows
 * @param liveFeatures K less the dead
 * @param densityBinEdges the edges of {@code densityHistogram}'s bins of log10(density)
 * @param densityHistogram live features per bin: bin i holds {@code edges[i] <= log10(density) <
 *     edges[i + 1]}; the last also holds density 1, the first anything below its lower edge
 * @param featureClassShares per feature, the share of its activation mass (summed f) in rows of
 *     each class; null without labels, NaN for a feature with no mass on labelled rows
 * @param featurePurity the largest share
 * @param featureEntropy the entropy of the shares, in bits
 * @param featureEffectiveClasses 2 to the entropy: 1 for one class, C for all alike
 * @param neuronPurity the same for the n input units, each weighted by its activation (which the
 *     classifier's ReLU keeps non-negative)
 * @param meanFeaturePurity plain mean over the features with mass on labelled rows (the live ones)
 * @param activationWeightedFeaturePurity mean weighted by each feature's activation mass
 * @param logitEffects per feature, decoder row times the classifier's output kernel: what a unit of
 *     the feature adds to each logit directly; null without an output kernel
 * @param topRows per feature, the rows of its (up to) {@link #TOP_ROWS} highest activations,
 *     highest first (ties: lower row first); only rows where it is active
 */
public record DictionaryAnalysis(
    double fvu,
    double mse,
    double l0,
    double[] density,
    double[] meanActivation,
    int deadFeatures,
    int denseFeatures,
    int liveFeatures,
    double[] densityBinEdges,
    int[] densityHistogram,
    double[][] featureClassShares,
    double[] featurePurity,
    double[] featureEntropy,
    double[] featureEffectiveClasses,
    double[] neuronPurity,
    double[] neuronEntropy,
    double[] neuronEffectiveClasses,
    double meanFeaturePurity,
    double meanNeuronPurity,
    double meanFeatureEffectiveClasses,
    double meanNeuronEffectiveClasses,
    double activationWeightedFeaturePurity,
    double activationWeightedNeuronPurity,
    double[][] logitEffects,
    int[][] topRows)
    implements Serializable {

  /** A feature active in more than this fraction of rows is dense. */
  public static final double DENSE = 0.1;

  /** How many of each feature's top rows are kept. */
  public static final int TOP_ROWS = 16;

  /** The density histogram: log10(density) from -6 to 0, in bins of 0.25. */
  public static final double LOG_DENSITY_FROM = -6;

  public static final double LOG_DENSITY_BIN = 0.25;

  private static final int DENSITY_BINS = 24;

  /**
   * Analyses dictionary {@code w} on {@code rows x n} row-major {@code data}, in one pass over the
   * rows.
   *
   * @param labels each row's class index, -1 where it is missing (such a row counts for all but the
   *     class figures); null without a class
   * @param numClasses C
   * @param outputKernel the classifier's hidden-to-logit kernel, {@code [n, C]} row-major; or null
   */
  public static DictionaryAnalysis of(
      DictionaryWeights w,
      float[] data,
      int rows,
      int[] labels,
      int numClasses,
      float[] outputKernel) {
    int n = w.inputs();
    int features = w.features();
    if (rows < 1) {
      throw new IllegalArgumentException("data: no rows");
    }
    DictionaryWeights.check("data", data, (long) rows * n);
    if ((labels != null || outputKernel != null) && numClasses < 1) {
      throw new IllegalArgumentException("numClasses: expected at least 1, got " + numClasses);
    }
    if (labels != null && labels.length != rows) {
      throw new IllegalArgumentException(
          "labels: expected one per row, " + rows + ", got " + labels.length);
    }
    for (int r = 0; labels != null && r < rows; r++) {
      if (labels[r] >= numClasses) {
        throw new IllegalArgumentException(
            "labels: row " + r + " has class " + labels[r] + ", expected below " + numClasses);
      }
    }
    if (outputKernel != null) {
      DictionaryWeights.check("output kernel", outputKernel, (long) n * numClasses);
    }

    double[] mean = Covariance.means(data, rows, n);
    DictionaryWeights.Encoder encoder = w.newEncoder();
    float[] f = new float[features];
    float[] reconstruction = new float[n];
    double error = 0;
    double variance = 0;
    long active = 0;
    int[] activeRows = new int[features];
    double[] activationSum = new double[features];
    double[][] featureMass = labels == null ? null : new double[features][numClasses];
    double[][] neuronMass = labels == null ? null : new double[n][numClasses];
    TopRows top = new TopRows(features);
    for (int r = 0; r < rows; r++) {
      int offset = r * n;
      encoder.encode(data, offset, f);
      w.decode(f, reconstruction);
      for (int j = 0; j < n; j++) {
        double x = data[offset + j];
        double residual = x - reconstruction[j];
        double centred = x - mean[j];
        error += residual * residual;
        variance += centred * centred;
      }
      int label = labels == null ? -1 : labels[r];
      for (int k = 0; k < features; k++) {
        float fk = f[k];
        if (fk > 0) {
          activeRows[k]++;
          activationSum[k] += fk;
          active++;
          top.offer(k, fk, r);
          if (label >= 0) {
            featureMass[k][label] += fk;
          }
        }
      }
      if (label >= 0) {
        for (int j = 0; j < n; j++) {
          neuronMass[j][label] += data[offset + j];
        }
      }
    }

    double[] density = new double[features];
    double[] meanActivation = new double[features];
    int dead = 0;
    int dense = 0;
    double[] edges = new double[DENSITY_BINS + 1];
    for (int i = 0; i <= DENSITY_BINS; i++) {
      edges[i] = LOG_DENSITY_FROM + i * LOG_DENSITY_BIN;
    }
    int[] histogram = new int[DENSITY_BINS];
    for (int k = 0; k < features; k++) {
      density[k] = (double) activeRows[k] / rows;
      meanActivation[k] = activationSum[k] / rows;
      if (activeRows[k] == 0) {
        dead++;
        continue;
      }
      if (density[k] > DENSE) {
        dense++;
      }
      int bin = (int) Math.floor((Math.log10(density[k]) - LOG_DENSITY_FROM) / LOG_DENSITY_BIN);
      histogram[Math.max(0, Math.min(DENSITY_BINS - 1, bin))]++;
    }

    ClassFigures byFeature = labels == null ? ClassFigures.NONE : ClassFigures.of(featureMass);
    ClassFigures byNeuron = labels == null ? ClassFigures.NONE : ClassFigures.of(neuronMass);
    return new DictionaryAnalysis(
        variance > 0 ? error / variance : Double.NaN,
        error / ((double) rows * n),
        (double) active / rows,
        density,
        meanActivation,
        dead,
        dense,
        features - dead,
        edges,
        histogram,
        byFeature.shares,
        byFeature.purity,
        byFeature.entropy,
        byFeature.effective,
        byNeuron.purity,
        byNeuron.entropy,
        byNeuron.effective,
        byFeature.meanPurity,
        byNeuron.meanPurity,
        byFeature.meanEffective,
        byNeuron.meanEffective,
        byFeature.weightedPurity,
        byNeuron.weightedPurity,
        outputKernel == null ? null : logitEffects(w, outputKernel, numClasses),
        top.toArray());
  }

  /** Decoder row k times the output kernel, for every k. */
  static double[][] logitEffects(DictionaryWeights w, float[] outputKernel, int numClasses) {
    int n = w.inputs();
    float[] decoder = w.decoder();
    double[][] effects = new double[w.features()][numClasses];
    for (int k = 0; k < w.features(); k++) {
      for (int j = 0; j < n; j++) {
        double d = decoder[k * n + j];
        for (int c = 0; c < numClasses; c++) {
          effects[k][c] += d * outputKernel[j * numClasses + c];
        }
      }
    }
    return effects;
  }

  /**
   * How the activation mass of units (features or neurons) spreads over the classes. The summary
   * means are plain means over the units with mass: a weighted mean would let a few busy units
   * speak for all. Rare units have noisy shares, though (one row makes a purity of 1), so the mean
   * weighted by mass is given too.
   */
  private record ClassFigures(
      double[][] shares,
      double[] purity,
      double[] entropy,
      double[] effective,
      double meanPurity,
      double meanEffective,
      double weightedPurity) {

    static final ClassFigures NONE =
        new ClassFigures(null, null, null, null, Double.NaN, Double.NaN, Double.NaN);

    static ClassFigures of(double[][] mass) {
      int units = mass.length;
      double[][] shares = new double[units][];
      double[] purity = new double[units];
      double[] entropy = new double[units];
      double[] effective = new double[units];
      double purities = 0;
      double effectives = 0;
      int counted = 0;
      double weighted = 0;
      double allMass = 0;
      for (int u = 0; u < units; u++) {
        double total = Arrays.stream(mass[u]).sum();
        shares[u] = new double[mass[u].length];
        if (!(total > 0)) {
          Arrays.fill(shares[u], Double.NaN);
          purity[u] = entropy[u] = effective[u] = Double.NaN;
          continue;
        }
        double max = 0;
        double bits = 0;
        for (int c = 0; c < mass[u].length; c++) {
          double p = mass[u][c] / total;
          shares[u][c] = p;
          max = Math.max(max, p);
          if (p > 0) {
            bits -= p * Math.log(p) / Math.log(2);
          }
        }
        purity[u] = max;
        entropy[u] = bits;
        effective[u] = Math.pow(2, bits);
        purities += max;
        effectives += effective[u];
        counted++;
        weighted += total * max;
        allMass += total;
      }
      return new ClassFigures(
          shares,
          purity,
          entropy,
          effective,
          counted > 0 ? purities / counted : Double.NaN,
          counted > 0 ? effectives / counted : Double.NaN,
          allMass > 0 ? weighted / allMass : Double.NaN);
    }
  }

  /**
   * Each feature's {@link #TOP_ROWS} highest activations so far, in a min-heap per feature whose
   * root is the one to drop next: the lowest activation, and of equal ones the later row. Rows come
   * in order, so a new row enters only when it beats the root strictly.
   */
  private static final class TopRows {
    private final float[] value;
    private final int[] row;
    private final int[] size;

    TopRows(int features) {
      value = new float[features * TOP_ROWS];
      row = new int[features * TOP_ROWS];
      size = new int[features];
    }

    void offer(int k, float v, int r) {
      int base = k * TOP_ROWS;
      int s = size[k];
      if (s < TOP_ROWS) {
        size[k] = s + 1;
        int i = s;
        while (i > 0) {
          int parent = (i - 1) / 2;
          if (!dropsBefore(v, r, value[base + parent], row[base + parent])) {
            break;
          }
          move(base + parent, base + i);
          i = parent;
        }
        put(base + i, v, r);
      } else if (v > value[base]) {
        int i = 0;
        while (true) {
          int child = 2 * i + 1;
          if (child >= TOP_ROWS) {
            break;
          }
          if (child + 1 < TOP_ROWS
              && dropsBefore(
                  value[base + child + 1],
                  row[base + child + 1],
                  value[base + child],
                  row[base + child])) {
            child++;
          }
          if (!dropsBefore(value[base + child], row[base + child], v, r)) {
            break;
          }
          move(base + child, base + i);
          i = child;
        }
        put(base + i, v, r);
      }
    }

    private void put(int at, float v, int r) {
      value[at] = v;
      row[at] = r;
    }

    private void move(int from, int to) {
      put(to, value[from], row[from]);
    }

    /** Whether activation {@code v} of row {@code r} goes before activation {@code w} of row s. */
    private static boolean dropsBefore(float v, int r, float w, int s) {
      return v < w || (v == w && r > s);
    }

    /** Each feature's rows, highest activation first. */
    int[][] toArray() {
      int[][] rows = new int[size.length][];
      for (int k = 0; k < size.length; k++) {
        int base = k * TOP_ROWS;
        Integer[] order = new Integer[size[k]];
        for (int i = 0; i < order.length; i++) {
          order[i] = base + i;
        }
        Arrays.sort(
            order,
            Comparator.<Integer>comparingDouble(i -> -value[i]).thenComparingInt(i -> row[i]));
        rows[k] = Arrays.stream(order).mapToInt(i -> row[i]).toArray();
      }
      return rows;
    }
  }
}
