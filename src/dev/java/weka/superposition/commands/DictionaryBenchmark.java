package weka.superposition.commands;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.unsupervised.attribute.SparseDictionary;
import weka.superposition.analysis.Statistics;
import weka.superposition.data.Rows;
import weka.superposition.dictionary.DictionaryTraining;
import weka.tensorflow.TrainingFloor;

/**
 * Times the sparse dictionary at {@link SparseDictionary}'s defaults on a features ARFF (class
 * last, e.g. the hidden activations of MNIST's training set), beside its floor: the encoder's and
 * the decoder's forward and weight-gradient products of every step, alone in a session (4 of the 5
 * matrix products of a step; see {@link TrainingFloor}). Prints one figure a line.
 *
 * <p>Usage: {@code DictionaryBenchmark <features.arff>}
 */
public final class DictionaryBenchmark {

  /** Steps timed per round of the floor. */
  private static final int FLOOR_STEPS = 200;

  private DictionaryBenchmark() {}

  public static void main(String[] args) throws Exception {
    Usage.exitUnless(args.length == 1, "DictionaryBenchmark <features.arff>");
    Instances data = DataSource.read(args[0]);
    data.setClassIndex(data.numAttributes() - 1);
    List<Integer> columns = Rows.featureIndices(data);
    int n = columns.size();
    int rows = data.numInstances();
    DictionaryTraining.Settings settings = new SparseDictionary().settings(n);
    float[] weights = new float[rows];
    Arrays.fill(weights, 1f);
    DictionaryTraining.Result result =
        DictionaryTraining.train(
            Rows.featureMatrix(data, columns),
            weights,
            columns.stream().map(i -> data.attribute(i).name()).toList(),
            settings,
            epoch -> {});
    double perEpoch =
        Statistics.median(
            result.history().stream()
                .skip(1)
                .mapToDouble(DictionaryTraining.Epoch::seconds)
                .toArray());
    int batch = settings.adam().miniBatchSize();
    int steps = (rows + batch - 1) / batch;
    double floor =
        steps
            * (Statistics.median(
                    TrainingFloor.time(
                            batch, n, settings.features(), settings.adam().threads(), FLOOR_STEPS)
                        .products())
                + Statistics.median(
                    TrainingFloor.time(
                            batch, settings.features(), n, settings.adam().threads(), FLOOR_STEPS)
                        .products()));
    System.out.printf(
        Locale.ROOT,
        "dictionary: %d rows x %d inputs, K = %d, top-%d, mini-batch %d, %d epochs%n",
        rows,
        n,
        settings.features(),
        settings.k(),
        batch,
        settings.adam().epochs());
    System.out.printf(
        Locale.ROOT,
        "dictionary seconds per epoch (median of 2..%d): %.3f%n",
        settings.adam().epochs(),
        perEpoch);
    System.out.printf(
        Locale.ROOT,
        "dictionary floor seconds per epoch (encoder and decoder products alone): %.3f%n",
        floor);
    System.out.printf(
        Locale.ROOT, "dictionary epoch / floor: %.2f (target: at most 1.5)%n", perEpoch / floor);
    System.out.printf(
        Locale.ROOT,
        "dictionary training seconds (with the decoder bias's start and loading): %.2f%n",
        result.trainingSeconds());
    System.out.printf(
        Locale.ROOT,
        "final FVU (epoch %d, before each batch's step): %.4f%n",
        settings.adam().epochs(),
        result.history().get(result.history().size() - 1).fvu());
  }
}
