package weka.superposition.pipeline;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import weka.core.Instances;
import weka.core.WekaException;
import weka.core.converters.ConverterUtils.DataSource;
import weka.core.converters.IDXLoader;

/**
 * MNIST's training and test sets from a folder, read once: the original IDX files through {@link
 * IDXLoader} where the folder has them (a few seconds), else {@code mnist_train.arff} and {@code
 * mnist_test.arff} through Weka's ARFF reader (slower: ARFF parsing dominates short runs). Both
 * give the same Instances: the ARFF files are written from the IDX files by the same loader.
 */
public record MnistFiles(Instances train, Instances test, String source) {

  public static MnistFiles read(Path folder) throws Exception {
    Path trainImages = idx(folder, "train-images-idx3-ubyte");
    Path testImages = idx(folder, "t10k-images-idx3-ubyte");
    if (trainImages != null && testImages != null) {
      return new MnistFiles(readIdx(trainImages), readIdx(testImages), "IDX files in " + folder);
    }
    Path train = folder.resolve("mnist_train.arff");
    Path test = folder.resolve("mnist_test.arff");
    if (!Files.isRegularFile(train) || !Files.isRegularFile(test)) {
      throw new WekaException(
          "No MNIST in "
              + folder
              + ": neither the IDX files (train-images-idx3-ubyte, t10k-images-idx3-ubyte and "
              + "their labels, plain or .gz) nor mnist_train.arff and mnist_test.arff");
    }
    return new MnistFiles(readArff(train), readArff(test), "ARFF files in " + folder);
  }

  /**
   * One MNIST set from one file: IDX images (a name with {@code idx3}; the labels file is found
   * beside it) or any file Weka reads, such as {@code mnist_train.arff}; the class last.
   */
  public static Instances readSet(Path file) throws Exception {
    return file.getFileName().toString().contains("idx3") ? readIdx(file) : readArff(file);
  }

  /** The IDX file of that name, plain or gzipped, or null. */
  private static Path idx(Path folder, String name) {
    for (String candidate : new String[] {name, name + ".gz"}) {
      if (Files.isRegularFile(folder.resolve(candidate))) {
        return folder.resolve(candidate);
      }
    }
    return null;
  }

  private static Instances readIdx(Path images) throws Exception {
    IDXLoader loader = new IDXLoader();
    // the labels file is found beside the images by name (images -> labels, idx3 -> idx1)
    loader.setSparse(true);
    loader.setFile(new File(images.toString()));
    return withClass(loader.getDataSet());
  }

  private static Instances readArff(Path file) throws Exception {
    return withClass(DataSource.read(file.toString()));
  }

  private static Instances withClass(Instances data) {
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }
}
