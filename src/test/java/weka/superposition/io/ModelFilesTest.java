package weka.superposition.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.Instances;
import weka.superposition.testing.QuietLog;
import weka.superposition.testing.TestData;

class ModelFilesTest {

  @TempDir static Path dir;

  private static Instances data;
  private static TFMlpClassifier classifier;

  @BeforeAll
  static void trainClassifier() throws Exception {
    data = TestData.separableBlobs(40, 1);
    classifier = new TFMlpClassifier();
    classifier.setEpochs(1);
    classifier.setHiddenUnits(3);
    classifier.setLog(new QuietLog());
    classifier.buildClassifier(data);
  }

  /** Writes objects one after another as Weka does, gzipped when the name ends in .gz. */
  private static File save(String name, Object... objects) throws IOException {
    Path file = dir.resolve(name);
    OutputStream out = Files.newOutputStream(file);
    if (name.endsWith(".gz")) {
      out = new GZIPOutputStream(out);
    }
    try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
      for (Object object : objects) {
        stream.writeObject(object);
      }
    }
    return file.toFile();
  }

  private static File saveBytes(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content).toFile();
  }

  private static byte[] serialized(Object object) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    return bytes.toByteArray();
  }

  private static void assertRefused(File file, String... words) {
    IOException error = assertThrows(IOException.class, () -> ModelFiles.readModel(file));
    for (String word : words) {
      assertTrue(error.getMessage().contains(word), "'" + word + "' in: " + error.getMessage());
    }
  }

  private static void assertSameModel(Object read) throws Exception {
    TFMlpClassifier model = assertInstanceOf(TFMlpClassifier.class, read);
    for (int r = 0; r < data.numInstances(); r += 7) {
      assertArrayEquals(
          classifier.distributionForInstance(data.instance(r)),
          model.distributionForInstance(data.instance(r)),
          0);
    }
  }

  @Test
  void readsAModelSavedAloneAsSerializationHelperWritesIt() throws Exception {
    assertSameModel(ModelFiles.readModel(save("alone.model", classifier)));
  }

  @Test
  void readsAModelSavedWithItsHeaderAsTheExplorerWritesIt() throws Exception {
    Instances header = new Instances(data, 0).stringFreeStructure();

    assertSameModel(ModelFiles.readModel(save("explorer.model", classifier, header)));
    assertSameModel(ModelFiles.readModel(save("explorer.model.gz", classifier, header)));
  }

  /** Records whether deserialization ever reached it. */
  static final class ReadObjectSpy implements Serializable {
    private static final long serialVersionUID = 1L;
    static volatile boolean readObjectRan;

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      readObjectRan = true;
      in.defaultReadObject();
    }
  }

  @Test
  void aForeignClassIsRefusedBeforeItsReadObjectRuns() throws IOException {
    ReadObjectSpy.readObjectRan = false;
    File file = save("spy.model", new ArrayList<>(List.of(new ReadObjectSpy())));

    assertRefused(
        file,
        "spy.model holds weka.superposition.io.ModelFilesTest$ReadObjectSpy, "
            + "which a model of this package never contains; refusing to read it");
    assertFalse(ReadObjectSpy.readObjectRan);
  }

  @Test
  void aForeignJdkClassIsNamed() throws IOException {
    File file = save("queue.model", new PriorityQueue<>(List.of(3, 1, 2)));

    assertRefused(
        file, "holds java.util.PriorityQueue, which a model of this package never " + "contains");
  }

  @Test
  void aHashSetBombIsRefusedByItsClass() throws IOException {
    // each level holds two sets that hold the level below: hashing it would take 2^100 steps
    Set<Object> root = new HashSet<>();
    Set<Object> a = root;
    Set<Object> b = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      Set<Object> a2 = new HashSet<>();
      Set<Object> b2 = new HashSet<>();
      a2.add("x" + i);
      b2.add("y" + i);
      a.add(a2);
      a.add(b2);
      b.add(a2);
      b.add(b2);
      a = a2;
      b = b2;
    }
    assertRefused(save("bomb.model", root), "holds java.util.HashSet");
  }

  @Test
  void deeplyNestedAllowedCollectionsAreRefusedByDepth() throws Exception {
    List<Object> outer = new ArrayList<>();
    List<Object> inner = outer;
    for (int i = 0; i < 10_000; i++) {
      List<Object> next = new ArrayList<>();
      inner.add(next);
      inner = next;
    }
    File[] file = new File[1];
    // writing 10,000 levels recurses deeper than a default thread stack allows
    Thread writer =
        new Thread(
            null,
            () -> {
              try {
                file[0] = save("deep.model", outer);
              } catch (IOException e) {
                throw new AssertionError(e);
              }
            },
            "deep writer",
            512L << 20);
    writer.start();
    writer.join();

    assertRefused(file[0], "deep.model nests objects more than 40 deep");
  }

  @Test
  void aHugeArrayLengthIsRefusedBeforeAllocation() throws IOException {
    byte[] content = serialized(new float[] {1, 2, 3, 4});
    // the array's length is the int just before its 4 * 4 bytes of data
    ByteBuffer.wrap(content).putInt(content.length - 16 - 4, Integer.MAX_VALUE);

    assertRefused(
        saveBytes("huge.model", content),
        "huge.model declares an array of "
            + "2,147,483,647 float values (8.6 GB), but the file can hold only "
            + content.length
            + " bytes");
  }

  @Test
  void aTruncatedModelIsNamed() throws IOException {
    byte[] content = serialized(classifier);

    assertRefused(
        saveBytes("cut.model", Arrays.copyOf(content, content.length / 2)),
        "cut.model ends early: the model file is truncated");
  }

  @Test
  void aFileThatIsNoSerializedObjectIsNamed() throws IOException {
    assertRefused(
        saveBytes("text.model", "@relation x\n".getBytes()),
        "text.model is not a saved Weka model");
  }

  @Test
  void theAllowlistAdmitsTheModelsClassesAndArraysOfThemOnly() {
    for (String allowed :
        new String[] {
          "weka.classifiers.functions.TFMlpClassifier",
          "weka.tensorflow.Parameter",
          "weka.superposition.data.InputEncoder$Normalization",
          "[Ljava.lang.String;",
          "[[F",
          "[Z",
          "[Lweka.core.Attribute;",
          "java.lang.Integer"
        }) {
      assertTrue(ModelFiles.isAllowed(allowed), allowed);
    }
    for (String refused :
        new String[] {
          "java.util.PriorityQueue",
          "[Ljava.util.HashSet;",
          "weka.tensorflow.sub.Gadget",
          "weka.superposition.database.X",
          "weka.core.Utils",
          "weka.classifiers.functions.SMO",
          "Ljava.lang.String;"
        }) {
      assertFalse(ModelFiles.isAllowed(refused), refused);
    }
  }
}
