package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.PriorityQueue;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.WekaException;
import weka.filters.Filter;
import weka.superposition.testing.QuietLog;
import weka.superposition.testing.TestData;

class TFMlpActivationsTest {

  @TempDir static Path dir;

  private static Instances train;
  private static Instances test;
  private static TFMlpClassifier classifier;
  private static File modelFile;

  @BeforeAll
  static void trainClassifier() throws Exception {
    Instances mnist = TestData.mnist600();
    train = new Instances(mnist, 0, 300);
    test = new Instances(mnist, 300, 50);
    classifier = new TFMlpClassifier();
    classifier.setEpochs(2);
    classifier.setHiddenUnits(12);
    classifier.setLog(new QuietLog());
    classifier.buildClassifier(train);
    modelFile = dir.resolve("mlp.model").toFile();
    // as weka.Run TFMlpClassifier -d writes it: the model, then the training header
    SerializationHelper.writeAll(
        modelFile.getPath(), new Object[] {classifier, new Instances(train, 0)});
  }

  @Test
  void replacesTheInputsByTheSavedModelsHiddenActivations() throws Exception {
    TFMlpActivations filter = new TFMlpActivations();
    filter.setModelFile(modelFile);
    filter.setInputFormat(train);
    Filter.useFilter(train, filter);

    Instances hidden = Filter.useFilter(test, filter);

    assertEquals(13, hidden.numAttributes());
    assertEquals("h1", hidden.attribute(0).name());
    assertEquals("h12", hidden.attribute(11).name());
    assertEquals(12, hidden.classIndex());
    float[][] expected = classifier.hiddenActivations(test);
    for (int r = 0; r < test.numInstances(); r++) {
      double[] row = hidden.instance(r).toDoubleArray();
      for (int h = 0; h < 12; h++) {
        assertEquals(expected[r][h], row[h], 0);
      }
      assertEquals(test.instance(r).classValue(), hidden.instance(r).classValue());
    }
  }

  @Test
  void withoutAModelTrainsTheClassifierOnTheFirstBatch() throws Exception {
    TFMlpActivations filter = new TFMlpActivations();
    TFMlpClassifier spec = new TFMlpClassifier();
    spec.setHiddenUnits(5);
    spec.setEpochs(1);
    filter.setClassifier(spec);
    filter.setInputFormat(train);

    Instances hidden = Filter.useFilter(train, filter);

    assertEquals(6, hidden.numAttributes());
    assertEquals(5, filter.getTrainedClassifier().trainedHiddenUnits());
    assertArrayEquals(
        filter.getTrainedClassifier().hiddenActivations(train)[3],
        toFloats(hidden.instance(3).toDoubleArray(), 5),
        0);
  }

  private static float[] toFloats(double[] values, int count) {
    float[] floats = new float[count];
    for (int i = 0; i < count; i++) {
      floats[i] = (float) values[i];
    }
    return floats;
  }

  @Test
  void aMissingOrWrongModelFileIsNamed() throws Exception {
    TFMlpActivations missing = new TFMlpActivations();
    missing.setModelFile(dir.resolve("absent.model").toFile());
    Exception error = TestData.filterFailure(WekaException.class, missing, train);
    assertTrue(error.getMessage().contains("model file not found"), error.getMessage());

    File wrong = dir.resolve("wrong.model").toFile();
    SerializationHelper.write(wrong.getPath(), "not a model");
    TFMlpActivations filter = new TFMlpActivations();
    filter.setModelFile(wrong);
    error =
        assertThrows(
            WekaException.class,
            () -> {
              filter.setInputFormat(train);
              Filter.useFilter(train, filter);
            });
    assertTrue(error.getMessage().contains("not a TFMlpClassifier"), error.getMessage());
  }

  @Test
  void readsAGzippedModelNamedByTheModelOption() throws Exception {
    File gzipped = dir.resolve("mlp.model.gz").toFile();
    try (ObjectOutputStream out =
        new ObjectOutputStream(new GZIPOutputStream(new FileOutputStream(gzipped)))) {
      // as the Explorer saves a model to a file named *.gz: the classifier, then the header
      out.writeObject(classifier);
      out.writeObject(new Instances(train, 0).stringFreeStructure());
    }
    TFMlpActivations filter = new TFMlpActivations();
    filter.setOptions(new String[] {"-model", gzipped.getPath()});
    filter.setInputFormat(train);
    Filter.useFilter(train, filter);

    Instances hidden = Filter.useFilter(test, filter);

    float[] expected = classifier.hiddenActivations(test)[7];
    assertArrayEquals(expected, toFloats(hidden.instance(7).toDoubleArray(), 12), 0);
  }

  @Test
  void aModelFileHoldingAForeignClassIsRefused() throws Exception {
    File foreign = dir.resolve("foreign.model").toFile();
    SerializationHelper.write(foreign.getPath(), new PriorityQueue<>(List.of(1, 2)));
    TFMlpActivations filter = new TFMlpActivations();
    filter.setModelFile(foreign);

    Exception error = TestData.filterFailure(IOException.class, filter, train);

    assertTrue(
        error
            .getMessage()
            .contains(
                "foreign.model holds java.util.PriorityQueue, which a "
                    + "model of this package never contains; refusing to read it"),
        error.getMessage());
  }

  @Test
  void dataThatDoNotMatchTheModelAreRejected() {
    Instances blobs = TestData.separableBlobs(10, 1);
    TFMlpActivations filter = new TFMlpActivations();
    filter.setModelFile(modelFile);

    Exception error = TestData.filterFailure(WekaException.class, filter, blobs);

    assertTrue(
        error.getMessage().contains("do not match the training data's header"), error.getMessage());
  }

  @Test
  void withAModelFileTheClassComesFromTheModelAndTheCallersDataStayAsTheyWere() throws Exception {
    Instances noClass = new Instances(test);
    noClass.setClassIndex(-1);
    TFMlpActivations filter = new TFMlpActivations();
    filter.setModelFile(modelFile);
    filter.setInputFormat(noClass);

    Instances hidden = Filter.useFilter(noClass, filter);

    assertEquals(-1, noClass.classIndex());
    assertEquals(12, hidden.classIndex());
    assertEquals(test.instance(4).classValue(), hidden.instance(4).classValue());
  }

  @Test
  void instanceWeightsAreCarriedThrough() throws Exception {
    Instances weighted = new Instances(test);
    weighted.instance(0).setWeight(0);
    weighted.instance(1).setWeight(2.5);
    TFMlpActivations filter = new TFMlpActivations();
    filter.setModelFile(modelFile);
    filter.setInputFormat(weighted);

    Instances hidden = Filter.useFilter(weighted, filter);

    assertEquals(0, hidden.instance(0).weight());
    assertEquals(2.5, hidden.instance(1).weight());
    assertEquals(1, hidden.instance(2).weight());
  }

  @Test
  void emptyDataAreNamed() {
    TFMlpActivations filter = new TFMlpActivations();
    filter.setModelFile(modelFile);

    Exception error = TestData.filterFailure(WekaException.class, filter, new Instances(train, 0));

    assertTrue(error.getMessage().contains("no rows"), error.getMessage());
  }

  @Test
  void aClassifierOtherThanTFMlpClassifierIsRefusedByName() throws Exception {
    TFMlpActivations filter = new TFMlpActivations();
    filter.setClassifier(new weka.classifiers.rules.ZeroR());

    Exception error = TestData.filterFailure(WekaException.class, filter, train);

    assertTrue(
        error
            .getMessage()
            .contains("must be a TFMlpClassifier, not a " + "weka.classifiers.rules.ZeroR"),
        error.getMessage());
  }

  @Test
  void theClassifierPropertyHasAnEditorInWekasGui() throws Exception {
    java.beans.PropertyDescriptor classifierProperty =
        java.util.Arrays.stream(
                java.beans.Introspector.getBeanInfo(TFMlpActivations.class)
                    .getPropertyDescriptors())
            .filter(p -> p.getName().equals("classifier"))
            .findFirst()
            .orElseThrow();

    // Weka's object editor has an editor for Classifier (GenericObjectEditor.props), none for
    // TFMlpClassifier; the GUI test checks the property on screen
    assertEquals(weka.classifiers.Classifier.class, classifierProperty.getPropertyType());
  }
}
