package weka.superposition.testing;

import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.converters.IDXLoader;

/** Small data sets for tests. */
public final class TestData {

  private TestData() {}

  /** The first 600 digits of MNIST's test set, pixels 0-255, class {0..9} (a test resource). */
  public static Instances mnist600() throws Exception {
    IDXLoader loader = new IDXLoader();
    loader.setFile(resource("/mnist/t10k-first600-images-idx3-ubyte.gz"));
    return loader.getDataSet();
  }

  /** Digits {@code first} to {@code first + count - 1} of {@link #mnist600()} as an ARFF file. */
  public static String mnist600Arff(int first, int count, java.nio.file.Path file)
      throws Exception {
    return saveArff(new Instances(mnist600(), first, count), file);
  }

  /** The value at index {@code i} of a random matrix, drawn from {@code random}. */
  public interface Draw {
    float value(Random random, int i);
  }

  /** {@code length} values drawn from {@code random} by {@code draw}, in index order. */
  public static float[] randomFloats(int length, Random random, Draw draw) {
    float[] values = new float[length];
    for (int i = 0; i < length; i++) {
      values[i] = draw.value(random, i);
    }
    return values;
  }

  /**
   * {@code length} values, each 0 with probability {@code zeroShare}, else uniform in [0, 1): rows
   * as sparse as hidden activations after a ReLU.
   */
  public static float[] sparseFloats(int length, Random random, double zeroShare) {
    return randomFloats(length, random, (r, i) -> r.nextFloat() < zeroShare ? 0 : r.nextFloat());
  }

  /** {@code length} ones: the weights of rows that all count the same. */
  public static float[] ones(int length) {
    float[] ones = new float[length];
    Arrays.fill(ones, 1);
    return ones;
  }

  public static File resource(String name) throws URISyntaxException {
    return new File(TestData.class.getResource(name).toURI());
  }

  /**
   * Two well separated Gaussian blobs in 4 numeric dimensions plus a 3-valued nominal attribute
   * that carries no signal; class {a, b}.
   */
  public static Instances separableBlobs(int rows, long seed) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      attributes.add(new Attribute("x" + i));
    }
    attributes.add(new Attribute("colour", List.of("red", "green", "blue")));
    attributes.add(new Attribute("class", List.of("a", "b")));
    Instances data = new Instances("blobs", attributes, rows);
    data.setClassIndex(data.numAttributes() - 1);
    Random random = new Random(seed);
    for (int r = 0; r < rows; r++) {
      int label = r % 2;
      double[] values = new double[6];
      for (int i = 0; i < 4; i++) {
        values[i] = (label == 0 ? -2 : 2) + random.nextGaussian();
      }
      values[4] = random.nextInt(3);
      values[5] = label;
      data.add(new DenseInstance(1.0, values));
    }
    return data;
  }

  /** Writes {@code data} as ARFF to {@code file}; returns its path as a string. */
  public static String saveArff(Instances data, java.nio.file.Path file)
      throws java.io.IOException {
    weka.core.converters.ArffSaver saver = new weka.core.converters.ArffSaver();
    saver.setInstances(data);
    saver.setFile(file.toFile());
    saver.writeBatch();
    return file.toString();
  }

  /** A copy of {@code data} whose numeric non-class values are divided by {@code divisor}. */
  public static Instances divided(Instances data, double divisor) {
    Instances copy = new Instances(data);
    for (int a = 0; a < copy.numAttributes(); a++) {
      if (a == copy.classIndex() || !copy.attribute(a).isNumeric()) {
        continue;
      }
      for (int r = 0; r < copy.numInstances(); r++) {
        copy.instance(r).setValue(a, copy.instance(r).value(a) / divisor);
      }
    }
    return copy;
  }

  /** What {@code filter} throws when it filters {@code data} as Weka's command line does. */
  public static <T extends Exception> T filterFailure(
      Class<T> type, weka.filters.Filter filter, Instances data) {
    return org.junit.jupiter.api.Assertions.assertThrows(
        type,
        () -> {
          filter.setInputFormat(data);
          weka.filters.Filter.useFilter(data, filter);
        });
  }
}
