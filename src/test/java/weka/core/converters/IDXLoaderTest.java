package weka.core.converters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static weka.superposition.testing.IdxFixtures.images;
import static weka.superposition.testing.IdxFixtures.labels;
import static weka.superposition.testing.IdxFixtures.pixel;
import static weka.superposition.testing.IdxFixtures.unsignedBytes;
import static weka.superposition.testing.IdxFixtures.write;
import static weka.superposition.testing.IdxFixtures.writeGzipped;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

class IDXLoaderTest {

  @TempDir
  Path dir;

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

    IOException error = assertThrows(IOException.class, () -> load(file));

    assertTrue(error.getMessage().contains("wrong magic number"), error.getMessage());
  }

  @Test
  void unknownElementTypeIsNamed() throws IOException {
    byte[] content = images(2, 2, 2);
    content[2] = 0x0A;
    Path file = write(dir.resolve("x.idx"), content);

    IOException error = assertThrows(IOException.class, () -> load(file));

    assertTrue(error.getMessage().contains("unknown IDX element type 0x0A"), error.getMessage());
  }

  @Test
  void truncatedDataIsNamed() throws IOException {
    byte[] content = images(5, 2, 2);
    Path file = write(dir.resolve("x.idx"), Arrays.copyOf(content, content.length - 3));

    IOException error = assertThrows(IOException.class, () -> load(file));

    assertTrue(error.getMessage().contains("truncated IDX data"), error.getMessage());
    assertTrue(error.getMessage().contains("within item 5"), error.getMessage());
  }

  @Test
  void truncatedHeaderIsNamed() throws IOException {
    Path file = write(dir.resolve("x.idx"), Arrays.copyOf(images(5, 2, 2), 9));

    IOException error = assertThrows(IOException.class, () -> load(file));

    assertTrue(error.getMessage().contains("truncated IDX header"), error.getMessage());
  }

  @Test
  void imageLabelCountMismatchIsNamed() throws IOException {
    Path imagesFile = write(dir.resolve("train-images-idx3-ubyte"), images(5, 2, 2));
    write(dir.resolve("train-labels-idx1-ubyte"), labels(4));

    IOException error = assertThrows(IOException.class, () -> load(imagesFile));

    assertTrue(error.getMessage().contains("Image/label count mismatch"), error.getMessage());
    assertTrue(error.getMessage().contains("5 images"), error.getMessage());
    assertTrue(error.getMessage().contains("4 labels"), error.getMessage());
  }

  @Test
  void openingTheLabelFileSaysToOpenTheImages() throws IOException {
    Path labelsFile = write(dir.resolve("train-labels-idx1-ubyte"), labels(4));

    IOException error = assertThrows(IOException.class, () -> load(labelsFile));

    assertTrue(error.getMessage().contains("Open the images file"), error.getMessage());
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
    IOException error = assertThrows(IOException.class,
        () -> new IDXLoader().setFile(dir.resolve("absent.idx").toFile()));

    assertTrue(error.getMessage().contains("absent.idx"), error.getMessage());
  }
}
