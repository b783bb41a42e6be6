package weka.core.converters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static weka.superposition.testing.IdxFixtures.gzipped;
import static weka.superposition.testing.IdxFixtures.images;
import static weka.superposition.testing.IdxFixtures.ints;
import static weka.superposition.testing.IdxFixtures.labels;
import static weka.superposition.testing.IdxFixtures.pixel;
import static weka.superposition.testing.IdxFixtures.unsignedBytes;
import static weka.superposition.testing.IdxFixtures.withHeaderInt;
import static weka.superposition.testing.IdxFixtures.write;
import static weka.superposition.testing.IdxFixtures.writeGzipped;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SparseInstance;
import weka.core.converters.ConverterUtils.DataSource;

class IDXLoaderTest {

  @TempDir Path dir;

  private static Instances load(Path images) throws IOException {
    IDXLoader loader = new IDXLoader();
    loader.setFile(images.toFile());
    return loader.getDataSet();
  }

  private static void assertFixtureData(Instances data, int count, int pixels) {
    assertEquals(count, data.numInstances());
    assertEquals(pixels + 1, data.numAttributes());
    assertEquals("pixel1", data.attribute(0).name());
    assertEquals("pixel" + pixels, data.attribute(pixels - 1).name());
    assertTrue(data.attribute(0).isNumeric());
    assertEquals(data.numAttributes() - 1, data.classIndex());
    assertEquals("class", data.classAttribute().name());
    assertEquals(10, data.classAttribute().numValues());
    for (int v = 0; v < 10; v++) {
      assertEquals(Integer.toString(v), data.classAttribute().value(v));
    }
    for (int i = 0; i < count; i++) {
      Instance row = data.instance(i);
      for (int j = 0; j < pixels; j++) {
        assertEquals(pixel(i, j), row.value(j), 0.0, "image " + i + " pixel " + j);
      }
      assertEquals(Integer.toString(i % 10), row.stringValue(data.classIndex()));
    }
  }

  @Test
  void readsImagesAndTheLabelFileBesideThem() throws IOException {
    Path imagesFile = write(dir.resolve("train-images-idx3-ubyte"), images(12, 3, 4));
    write(dir.resolve("train-labels-idx1-ubyte"), labels(12));

    Instances data = load(imagesFile);

    assertFixtureData(data, 12, 12);
    assertEquals("train-images", data.relationName());
  }

  @Test
  void readsGzippedFilesAndFindsGzippedLabels() throws IOException {
    Path imagesFile = writeGzipped(dir.resolve("t10k-images-idx3-ubyte.gz"), images(15, 2, 2));
    writeGzipped(dir.resolve("t10k-labels-idx1-ubyte.gz"), labels(15));

    assertFixtureData(load(imagesFile), 15, 4);
  }

  @Test
  void takesTheLabelFileFromTheOption() throws Exception {
    Path imagesFile = write(dir.resolve("digits.idx"), images(5, 2, 3));
    Path labelsFile = write(dir.resolve("answers.bin"), labels(5));
    IDXLoader loader = new IDXLoader();
    loader.setOptions(new String[] {"-labels", labelsFile.toString()});
    assertArrayEquals(new String[] {"-labels", labelsFile.toString()}, loader.getOptions());

    loader.setFile(imagesFile.toFile());

    assertFixtureData(loader.getDataSet(), 5, 6);
  }

  /**
   * -sparse gives the rows {@code new SparseInstance(1.0, values)} gives (the non-zero values and
   * their indices; a missing class is stored), in batch and in incremental mode alike.
   */
  @Test
  void sparseRowsHoldTheNonZeroValuesOfTheDenseOnes() throws IOException {
    // images whose pixels are 0 about half the time, plus one without labels (missing class)
    byte[] content = images(40, 3, 3);
    for (int i = 16; i < content.length; i += 2) {
      content[i] = 0;
    }
    Path labelled = write(dir.resolve("train-images-idx3-ubyte"), content);
    write(dir.resolve("train-labels-idx1-ubyte"), labels(40));
    Path unlabelled = write(dir.resolve("unlabelled.idx"), content);
    for (Path images : new Path[] {labelled, unlabelled}) {
      Instances dense = load(images);
      IDXLoader loader = new IDXLoader();
      loader.setSparse(true);
      loader.setFile(images.toFile());
      Instances batch = loader.getDataSet();
      loader.setFile(images.toFile());
      Instances structure = loader.getStructure();
      Instances incremental = new Instances(structure, 0);
      Instance next;
      while ((next = loader.getNextInstance(structure)) != null) {
        incremental.add(next);
      }
      for (Instances sparse : new Instances[] {batch, incremental}) {
        assertEquals(dense.numInstances(), sparse.numInstances());
        for (int r = 0; r < dense.numInstances(); r++) {
          SparseInstance expected = new SparseInstance(1.0, dense.instance(r).toDoubleArray());
          SparseInstance actual = (SparseInstance) sparse.instance(r);
          assertEquals(expected.numValues(), actual.numValues(), "row " + r);
          for (int i = 0; i < expected.numValues(); i++) {
            assertEquals(expected.index(i), actual.index(i), "row " + r);
            assertEquals(
                Double.doubleToLongBits(expected.valueSparse(i)),
                Double.doubleToLongBits(actual.valueSparse(i)),
                "row " + r);
          }
          assertEquals(expected.numAttributes(), actual.numAttributes());
          assertEquals(1.0, actual.weight());
        }
      }
    }
  }

  @Test
  void withoutLabelsTheClassIsMissing() throws IOException {
    Instances data = load(write(dir.resolve("unlabelled-images.idx"), images(3, 2, 2)));

    assertEquals(3, data.numInstances());
    for (Instance row : data) {
      assertTrue(row.classIsMissing());
    }
  }

  @Test
  void readsIncrementallyLikeOtherWekaLoaders() throws IOException {
    Path imagesFile = write(dir.resolve("train-images-idx3-ubyte"), images(4, 2, 2));
    write(dir.resolve("train-labels-idx1-ubyte"), labels(4));
    IDXLoader loader = new IDXLoader();
    loader.setFile(imagesFile.toFile());
    Instances structure = loader.getStructure();

    int rows = 0;
    Instance row;
    while ((row = loader.getNextInstance(structure)) != null) {
      assertEquals(pixel(rows, 3), row.value(3), 0.0);
      rows++;
    }
    assertEquals(4, rows);
    assertThrows(IOException.class, loader::getDataSet);
  }

  @Test
  void weka_DataSource_picksTheLoaderByExtension() throws Exception {
    Path imagesFile = write(dir.resolve("t10k-images.idx3-ubyte"), images(6, 2, 2));
    write(dir.resolve("t10k-labels.idx1-ubyte"), labels(6));

    DataSource source = new DataSource(imagesFile.toString());

    assertTrue(source.getLoader() instanceof IDXLoader, source.getLoader().getClass().getName());
    assertFixtureData(source.getDataSet(), 6, 4);
  }

  @Test
  void wrongMagicNumberIsNamed() throws IOException {
    Path file = write(dir.resolve("x.idx"), "@relation not-idx\n".getBytes());

    assertLoadFails(file, "wrong magic number");
  }

  @Test
  void unknownElementTypeIsNamed() throws IOException {
    byte[] content = images(2, 2, 2);
    content[2] = 0x0A;
    Path file = write(dir.resolve("x.idx"), content);

    assertLoadFails(file, "unknown IDX element type 0x0A");
  }

  @Test
  void truncatedPlainDataIsNamedBeforeReading() throws IOException {
    byte[] content = images(5, 2, 2);
    Path file = write(dir.resolve("x.idx"), Arrays.copyOf(content, content.length - 3));

    assertLoadFails(
        file,
        "promises 5 items of 4 bytes (20 bytes), but the file "
            + "holds only 17 bytes of data; the file is truncated");
  }

  @Test
  void truncatedGzippedDataIsNamedWhereItEnds() throws IOException {
    byte[] content = images(5, 2, 2);
    Path file = write(dir.resolve("x.idx.gz"), gzipped(Arrays.copyOf(content, content.length - 3)));

    assertLoadFails(file, "truncated IDX data", "within item 5");
  }

  @Test
  void truncatedHeaderIsNamed() throws IOException {
    Path file = write(dir.resolve("x.idx"), Arrays.copyOf(images(5, 2, 2), 9));

    assertLoadFails(file, "truncated IDX header");
  }

  @Test
  void imageLabelCountMismatchIsNamed() throws IOException {
    Path imagesFile = write(dir.resolve("train-images-idx3-ubyte"), images(5, 2, 2));
    write(dir.resolve("train-labels-idx1-ubyte"), labels(4));

    assertLoadFails(imagesFile, "Image/label count mismatch", "5 images", "4 labels");
  }

  @Test
  void openingTheLabelFileSaysToOpenTheImages() throws IOException {
    Path labelsFile = write(dir.resolve("train-labels-idx1-ubyte"), labels(4));

    assertLoadFails(labelsFile, "Open the images file");
  }

  @Test
  void aMissingLabelFileNamedByTheOptionIsAnError() throws IOException {
    Path imagesFile = write(dir.resolve("a.idx"), images(2, 2, 2));
    IDXLoader loader = new IDXLoader();
    loader.setLabelsFile(new File(dir.toFile(), "nope"));

    IOException error = assertThrows(IOException.class, () -> loader.setFile(imagesFile.toFile()));

    assertTrue(error.getMessage().contains("Label file not found"), error.getMessage());
  }

  @Test
  void largerLabelsWidenTheClass() throws IOException {
    Path imagesFile = write(dir.resolve("a-images.idx"), images(2, 1, 1));
    write(dir.resolve("a-labels.idx"), unsignedBytes(new int[] {2}, new int[] {3, 12}));

    Instances data = load(imagesFile);

    assertEquals(13, data.classAttribute().numValues());
    assertEquals("12", data.instance(1).stringValue(data.classIndex()));
  }

  @Test
  void aMissingFileIsNamed() {
    IOException error =
        assertThrows(
            IOException.class, () -> new IDXLoader().setFile(dir.resolve("absent.idx").toFile()));

    assertTrue(error.getMessage().contains("absent.idx"), error.getMessage());
  }

  // Headers are claims: each of the following would allocate gigabytes if a header were believed
  // before the data backs it, and fail the test with an OutOfMemoryError on the normal test heap.

  private static final int MAX_COUNT = Integer.MAX_VALUE;

  /**
   * {@code data} whose header promises {@link #MAX_COUNT} items, written to {@code name} in the
   * test folder, gzipped when the name ends in .gz.
   */
  private Path promisingTooMany(String name, byte[] data) throws IOException {
    byte[] lying = withHeaderInt(data, 1, MAX_COUNT);
    return write(dir.resolve(name), name.endsWith(".gz") ? gzipped(lying) : lying);
  }

  /** Loading {@code images} fails with an IOException whose message says all {@code words}. */
  private static void assertLoadFails(Path images, String... words) {
    assertMessage(assertThrows(IOException.class, () -> load(images)), words);
  }

  private static void assertMessage(IOException error, String... words) {
    for (String word : words) {
      assertTrue(error.getMessage().contains(word), "'" + word + "' in: " + error.getMessage());
    }
  }

  @Test
  void aPlainHeaderPromisingMoreItemsThanTheFileHoldsIsRefusedByItsLength() throws IOException {
    Path file = promisingTooMany("t.idx3-ubyte", images(20, 28, 28));

    assertLoadFails(
        file,
        "t.idx3-ubyte",
        "promises 2147483647 items of 784 bytes (1.7 TB)",
        "holds only 15,680 bytes of data");
  }

  @Test
  void aGzippedHeaderPromisingMoreItemsFailsWhereTheDataEnds() throws IOException {
    Path file = promisingTooMany("t.idx3-ubyte.gz", images(20, 28, 28));

    assertLoadFails(
        file,
        "t.idx3-ubyte.gz",
        "truncated IDX data",
        "promises 2147483647 items",
        "ends within item 21");
  }

  @Test
  void aStreamWithALyingHeaderFailsWhereTheDataEnds() throws IOException {
    IDXLoader loader = new IDXLoader();
    loader.setSource(new ByteArrayInputStream(withHeaderInt(images(3, 2, 2), 1, MAX_COUNT)));

    IOException error = assertThrows(IOException.class, loader::getDataSet);

    assertMessage(error, "IDX stream", "truncated IDX data", "ends within item 4");
  }

  @Test
  void aLabelHeaderPromisingMoreThanTheFileHoldsIsRefused() throws IOException {
    Path imagesFile = write(dir.resolve("train-images-idx3-ubyte"), images(5, 2, 2));
    promisingTooMany("train-labels-idx1-ubyte", labels(5));

    assertLoadFails(
        imagesFile,
        "train-labels-idx1-ubyte",
        "promises 2147483647 items of 1 bytes (2.1 GB)",
        "holds only 5 bytes of data");
  }

  @Test
  void gzippedLabelsPromisingAsManyAsTheGzippedImagesFailWhereTheirDataEnds() throws IOException {
    Path imagesFile = promisingTooMany("train-images-idx3-ubyte.gz", images(5, 2, 2));
    promisingTooMany("train-labels-idx1-ubyte.gz", labels(5));

    assertLoadFails(
        imagesFile, "train-labels-idx1-ubyte.gz", "truncated IDX data", "within item 6");
  }

  @Test
  void labelAndImageCountsAreComparedBeforeLabelsAreRead() throws IOException {
    Path imagesFile = write(dir.resolve("train-images-idx3-ubyte.gz"), gzipped(images(5, 2, 2)));
    promisingTooMany("train-labels-idx1-ubyte.gz", labels(5));

    assertLoadFails(
        imagesFile,
        "Image/label count mismatch",
        "promises 5 images",
        "promises 2147483647 labels");
  }

  /**
   * Empty files whose header promises items no loader can hold, each with what its refusal says: a
   * product of dimensions that overflows an int, one that overflows a long, images of more values
   * than the cap (even with no image to read), and images of zero values.
   */
  static Stream<Arguments> impossibleDimensions() {
    return Stream.of(
        arguments(
            new int[] {1, 65536, 65536},
            new String[] {"x.idx", "65536 x 65536", "more values per item than Java can hold"}),
        arguments(
            new int[] {1, MAX_COUNT, MAX_COUNT, MAX_COUNT, MAX_COUNT, MAX_COUNT},
            new String[] {"x.idx", "more values per item than Java can hold"}),
        arguments(
            new int[] {0, 2000, 2000},
            new String[] {"x.idx", "images of 4,000,000 values", "at most 1,048,576"}),
        arguments(new int[] {MAX_COUNT, 0, 28}, new String[] {"x.idx", "images of 0 values"}));
  }

  @ParameterizedTest
  @MethodSource("impossibleDimensions")
  void impossibleDimensionsAreRefused(int[] dimensions, String[] message) throws IOException {
    Path file = write(dir.resolve("x.idx"), unsignedBytes(dimensions, new int[0]));

    assertLoadFails(file, message);
  }

  @Test
  void aGzippedImageLargerThanItsDataFailsBeforeTheStructureIsBuilt() throws IOException {
    Path file =
        write(
            dir.resolve("x.idx.gz"),
            gzipped(unsignedBytes(new int[] {1, 1024, 1024}, new int[100])));
    IDXLoader loader = new IDXLoader();

    IOException error = assertThrows(IOException.class, () -> loader.setFile(file.toFile()));

    assertMessage(error, "x.idx.gz", "truncated IDX data", "within item 1");
  }

  @Test
  void aLabelTooLargeForAClassAttributeIsRefused() throws IOException {
    Path imagesFile = write(dir.resolve("a-images.idx"), images(2, 1, 1));
    write(dir.resolve("a-labels.idx"), ints(new int[] {2}, new int[] {3, MAX_COUNT}));

    assertLoadFails(imagesFile, "a-labels.idx", "label 2147483647 is too large", "up to 65,535");
  }

  /**
   * Mutated and truncated copies of a valid 20-image pair, plain and gzipped: each loads or is
   * refused with an IOException; an OutOfMemoryError or any other exception fails the test.
   */
  @Test
  void damagedFilesLoadOrAreRefusedWithAnIOException() throws IOException {
    Random random = new Random(20240611);
    int loaded = 0;
    int refused = 0;
    for (int trial = 0; trial < 400; trial++) {
      boolean damageLabels = random.nextInt(3) == 0;
      byte[] imageBytes = images(20, 3, 3);
      byte[] labelBytes = labels(20);
      if (damageLabels) {
        labelBytes = damaged(labelBytes, random);
      } else {
        imageBytes = damaged(imageBytes, random);
      }
      boolean gzip = random.nextBoolean();
      String suffix = gzip ? ".gz" : "";
      Path imagesFile =
          write(
              dir.resolve("f-images-idx3-ubyte" + suffix), gzip ? gzipped(imageBytes) : imageBytes);
      write(dir.resolve("f-labels-idx1-ubyte" + suffix), gzip ? gzipped(labelBytes) : labelBytes);
      try {
        load(imagesFile);
        loaded++;
      } catch (IOException expected) {
        refused++;
      } catch (Throwable other) {
        fail("trial " + trial + ": " + other, other);
      }
    }
    // both outcomes occur, so the loop exercises the checks as well as the reading
    assertTrue(loaded > 20 && refused > 200, loaded + " loaded, " + refused + " refused");
  }

  private static final int[] SPECIAL_INTS = {
    0, 1, -1, 255, 256, 65535, 65536, 1 << 24, Integer.MAX_VALUE, Integer.MIN_VALUE
  };

  /** One to three mutations: a header byte, a header int set to an edge value, a truncation. */
  private static byte[] damaged(byte[] content, Random random) {
    byte[] copy = content.clone();
    int headerInts = 1 + (copy[3] & 0xFF);
    for (int m = 1 + random.nextInt(3); m > 0; m--) {
      switch (random.nextInt(3)) {
        case 0 -> copy[random.nextInt(4 * headerInts)] = (byte) random.nextInt(256);
        case 1 ->
            copy =
                withHeaderInt(
                    copy,
                    1 + random.nextInt(headerInts - 1),
                    SPECIAL_INTS[random.nextInt(SPECIAL_INTS.length)]);
        default -> copy = Arrays.copyOf(copy, random.nextInt(copy.length + 1));
      }
      if (copy.length < 4 * headerInts) {
        return copy;
      }
    }
    return copy;
  }
}
