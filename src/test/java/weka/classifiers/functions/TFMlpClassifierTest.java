package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.classifiers.Evaluation;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.core.SerializationHelper;
import weka.core.Utils;
import weka.core.WekaException;
import weka.superposition.testing.QuietLog;
import weka.superposition.testing.TestData;
import weka.tensorflow.EpochRecord;

class TFMlpClassifierTest {

  private static Instances mnist;
  private static Instances mnistTrain;
  private static Instances mnistTest;

  @BeforeAll
  static void loadMnist() throws Exception {
    mnist = TestData.mnist600();
    mnistTrain = new Instances(mnist, 0, 500);
    mnistTest = new Instances(mnist, 500, 100);
  }

  private static TFMlpClassifier classifier(int epochs) {
    TFMlpClassifier classifier = new TFMlpClassifier();
    classifier.setEpochs(epochs);
    classifier.setLog(new QuietLog());
    return classifier;
  }

  /** A classifier trained for {@code epochs} on the 500 training digits. */
  private static TFMlpClassifier trained(int epochs) throws Exception {
    TFMlpClassifier classifier = classifier(epochs);
    classifier.buildClassifier(mnistTrain);
    return classifier;
  }

  /** Each row's class distribution is the expected one, bit for bit. */
  private static void assertSameDistributions(double[][] expected, double[][] actual) {
    for (int r = 0; r < expected.length; r++) {
      assertArrayEquals(expected[r], actual[r], 0.0, "row " + r);
    }
  }

  /** Training fails with a {@code type} whose message says {@code words}. */
  private static void assertTrainingFails(
      Class<? extends Exception> type, TFMlpClassifier classifier, Instances data, String words) {
    Exception error = assertThrows(type, () -> classifier.buildClassifier(data));
    assertTrue(error.getMessage().contains(words), error.getMessage());
  }

  private static double accuracy(TFMlpClassifier classifier, Instances train, Instances test)
      throws Exception {
    Evaluation evaluation = new Evaluation(train);
    evaluation.evaluateModel(classifier, test);
    return evaluation.pctCorrect() / 100;
  }

  @Test
  void learnsSeparableDataAlmostPerfectly() throws Exception {
    Instances blobs = TestData.separableBlobs(200, 3);
    TFMlpClassifier classifier = classifier(20);
    classifier.setHiddenUnits(8);
    classifier.setMiniBatchSize(16);
    classifier.setNormalization(new SelectedTag(2, TFMlpClassifier.TAGS_NORMALIZATION));

    classifier.buildClassifier(blobs);

    assertTrue(accuracy(classifier, blobs, TestData.separableBlobs(200, 4)) >= 0.98);
  }

  @Test
  void reachesASensibleAccuracyOnMnistDigits() throws Exception {
    TFMlpClassifier classifier = classifier(15);
    classifier.setMiniBatchSize(16);

    classifier.buildClassifier(mnistTrain);

    double accuracy = accuracy(classifier, mnistTrain, mnistTest);
    assertTrue(accuracy >= 0.7, "accuracy on 100 held-out digits: " + accuracy);
    List<EpochRecord> history = classifier.getHistory();
    assertEquals(15, history.size());
    assertTrue(history.get(14).loss() < history.get(0).loss() / 3, history.toString());
  }

  @Test
  void monitorFileAccuracyIsMeasuredAfterEveryEpoch(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.io.File monitor = dir.resolve("monitor.arff").toFile();
    weka.core.converters.ArffSaver saver = new weka.core.converters.ArffSaver();
    saver.setInstances(mnistTest);
    saver.setFile(monitor);
    saver.writeBatch();
    TFMlpClassifier classifier = classifier(3);
    classifier.setMonitorFile(monitor);

    classifier.buildClassifier(mnistTrain);

    List<Double> accuracy = classifier.getMonitorAccuracy();
    assertEquals(3, accuracy.size());
    // the same network on the same rows: Weka's Evaluation must count the same correct rows
    Evaluation evaluation = new Evaluation(mnistTrain);
    evaluation.evaluateModel(classifier, mnistTest);
    assertEquals(evaluation.correct() / mnistTest.numInstances(), accuracy.get(2), 0.0);
    assertTrue(classifier.toString().contains("Monitor accuracy"), classifier.toString());
  }

  @Test
  void sameSeedSameModelBitForBit() throws Exception {
    TFMlpClassifier first = trained(3);
    TFMlpClassifier second = trained(3);

    double[][] a = first.distributionsForInstances(mnistTest);
    assertSameDistributions(a, second.distributionsForInstances(mnistTest));
    assertEquals(first.getHistory().get(2).loss(), second.getHistory().get(2).loss(), 0.0);

    TFMlpClassifier otherSeed = classifier(3);
    otherSeed.setSeed(2);
    otherSeed.buildClassifier(mnistTrain);
    assertFalse(java.util.Arrays.equals(a[0], otherSeed.distributionsForInstances(mnistTest)[0]));
  }

  @Test
  void pixelsAsZeroTo255OrZeroToOneGiveTheSameModel() throws Exception {
    TFMlpClassifier raw = trained(2);
    TFMlpClassifier unit = classifier(2);
    unit.buildClassifier(TestData.divided(mnistTrain, 255.0));

    assertSameDistributions(
        raw.distributionsForInstances(mnistTest),
        unit.distributionsForInstances(TestData.divided(mnistTest, 255.0)));
  }

  @Test
  void savedAndLoadedModelPredictsExactlyAsBefore() throws Exception {
    TFMlpClassifier classifier = trained(2);
    double[][] before = classifier.distributionsForInstances(mnistTest);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationHelper.write(bytes, classifier);
    TFMlpClassifier loaded =
        (TFMlpClassifier) SerializationHelper.read(new ByteArrayInputStream(bytes.toByteArray()));

    double[][] after = loaded.distributionsForInstances(mnistTest);
    for (int r = 0; r < before.length; r++) {
      assertArrayEquals(before[r], after[r], 0.0, "row " + r);
      assertArrayEquals(before[r], loaded.distributionForInstance(mnistTest.instance(r)), 1e-6);
    }
    assertEquals(classifier.toString(), loaded.toString());
  }

  @Test
  void hiddenActivationsAreTheReluOfTanh() throws Exception {
    TFMlpClassifier classifier = classifier(1);
    classifier.setHiddenUnits(7);
    classifier.buildClassifier(mnistTrain);

    float[][] hidden = classifier.hiddenActivations(mnistTest);

    assertEquals(100, hidden.length);
    assertEquals(7, hidden[0].length);
    assertEquals(7, classifier.trainedHiddenUnits());
    boolean someZero = false;
    boolean somePositive = false;
    for (float[] row : hidden) {
      for (float h : row) {
        assertTrue(h >= 0 && h < 1, "tanh then ReLU lies in [0, 1): " + h);
        someZero |= h == 0;
        somePositive |= h > 0;
      }
    }
    assertTrue(someZero && somePositive);
  }

  @Test
  void instanceWeightsWeightTheLoss() throws Exception {
    // one full batch per epoch, so that the weights are the only difference
    Instances blobs = TestData.separableBlobs(40, 5);
    Instances weighted = new Instances(blobs);
    Instances duplicated = new Instances(blobs);
    Instances withZeroWeights = new Instances(blobs);
    for (int r = 0; r < 10; r++) {
      weighted.instance(r).setWeight(2.0);
      duplicated.add((Instance) blobs.instance(r).copy());
      Instance noise = (Instance) blobs.instance(r).copy();
      noise.setClassValue(1 - noise.classValue());
      noise.setWeight(0.0);
      withZeroWeights.add(noise);
    }
    double[] fromWeighted = fullBatchPredictions(weighted, blobs);
    double[] fromDuplicated = fullBatchPredictions(duplicated, blobs);
    double[] fromPlain = fullBatchPredictions(blobs, blobs);
    double[] fromZeroWeights = fullBatchPredictions(withZeroWeights, blobs);

    assertArrayEquals(fromDuplicated, fromWeighted, 1e-4);
    assertArrayEquals(fromPlain, fromZeroWeights, 1e-4);
    assertFalse(java.util.Arrays.equals(fromPlain, fromWeighted));
  }

  private static double[] fullBatchPredictions(Instances train, Instances test) throws Exception {
    TFMlpClassifier classifier = classifier(5);
    classifier.setMiniBatchSize(1000);
    classifier.setHiddenUnits(4);
    classifier.setLearningRate(0.05);
    classifier.setNormalization(new SelectedTag(3, TFMlpClassifier.TAGS_NORMALIZATION));
    classifier.buildClassifier(train);
    double[][] distributions = classifier.distributionsForInstances(test);
    return java.util.Arrays.stream(distributions).mapToDouble(d -> d[0]).toArray();
  }

  @Test
  void reportsEveryEpochToTheLog() throws Exception {
    List<String> status = new ArrayList<>();
    TFMlpClassifier classifier = classifier(3);
    classifier.setLog(
        new QuietLog() {
          @Override
          public void statusMessage(String message) {
            status.add(message);
          }
        });

    classifier.buildClassifier(TestData.separableBlobs(50, 1));

    assertEquals(3, status.size());
    assertTrue(
        status.get(2).matches("TFMlpClassifier: epoch 3/3, loss \\d+\\.\\d{4}, .* s"),
        status.get(2));
    String description = classifier.toString();
    assertTrue(description.contains("Network: 7 inputs"), description);
    assertTrue(description.contains("Mean loss"), description);
  }

  @Test
  void interruptionStopsTraining() throws Exception {
    TFMlpClassifier classifier = classifier(1000);
    AtomicReference<Exception> failure = new AtomicReference<>();
    Thread training =
        new Thread(
            () -> {
              try {
                classifier.buildClassifier(mnistTrain);
              } catch (Exception e) {
                failure.set(e);
              }
            });
    training.start();
    Thread.sleep(1500);
    training.interrupt();
    training.join(10_000);

    assertFalse(training.isAlive());
    assertInstanceOf(InterruptedException.class, failure.get());
    assertThrows(WekaException.class, () -> classifier.distributionsForInstances(mnistTest));
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void stringAttributesGetWekasCapabilitiesError() {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("text", (List<String>) null));
    attributes.add(new Attribute("class", List.of("a", "b")));
    Instances data = new Instances("strings", attributes, 0);
    data.setClassIndex(1);
    data.add(new DenseInstance(1, new double[] {data.attribute(0).addStringValue("x"), 0}));

    assertTrainingFails(Exception.class, classifier(1), data, "string attributes");
  }

  @Test
  void aNumericClassGetsWekasCapabilitiesError() {
    Instances data = TestData.separableBlobs(10, 1);
    data.setClassIndex(0);

    assertTrainingFails(Exception.class, classifier(1), data, "numeric class");
  }

  @Test
  void emptyTrainingDataIsRejected() {
    Instances data = TestData.separableBlobs(10, 1);
    for (Instance row : data) {
      row.setClassMissing();
    }

    Exception error = assertThrows(Exception.class, () -> classifier(1).buildClassifier(data));

    assertTrue(error.getMessage().toLowerCase().contains("training instances"), error.getMessage());
  }

  @Test
  void aSingleClassValuePredictsTheClassPrior() throws Exception {
    Instances data = TestData.separableBlobs(10, 1);
    for (Instance row : data) {
      row.setClassValue("a");
    }
    TFMlpClassifier classifier = classifier(1);

    classifier.buildClassifier(data);

    // ZeroR's prior: one pseudo-count per value, so 11 of 12 for the 10 rows of class a
    assertArrayEquals(
        new double[] {11.0 / 12, 1.0 / 12},
        classifier.distributionForInstance(data.instance(0)),
        1e-12);
    assertTrue(classifier.toString().contains("show 1 of the class values"), classifier.toString());
    Exception error = assertThrows(WekaException.class, () -> classifier.hiddenActivations(data));
    assertTrue(error.getMessage().contains("no hidden layer"), error.getMessage());
  }

  @Test
  void aMismatchedTestHeaderIsRejected() throws Exception {
    TFMlpClassifier classifier = classifier(1);
    classifier.buildClassifier(TestData.separableBlobs(20, 1));
    Instances other = TestData.separableBlobs(5, 1);
    other.deleteAttributeAt(4);

    Exception error =
        assertThrows(WekaException.class, () -> classifier.distributionsForInstances(other));

    assertTrue(
        error.getMessage().contains("do not match the training data's header"), error.getMessage());
  }

  /**
   * Settings training cannot work with, each named in the error: a learning rate of 1e38 (its steps
   * overflow float weights to infinity within a few epochs) and a mini-batch size of 0.
   */
  static Stream<Arguments> unworkableSettings() {
    return Stream.of(
        arguments(
            10,
            20,
            (Consumer<TFMlpClassifier>) c -> c.setLearningRate(1e38),
            "learning rate 1.0E38"),
        arguments(
            1, 10, (Consumer<TFMlpClassifier>) c -> c.setMiniBatchSize(0), "mini-batch size"));
  }

  @ParameterizedTest
  @MethodSource("unworkableSettings")
  void unworkableSettingsAreNamed(
      int epochs, int rows, Consumer<TFMlpClassifier> setting, String words) {
    TFMlpClassifier classifier = classifier(epochs);
    setting.accept(classifier);

    assertTrainingFails(WekaException.class, classifier, TestData.separableBlobs(rows, 1), words);
  }

  @Test
  void dataWithOnlyTheClassPredictTheClassPriorWithoutReachingTensorFlow() throws Exception {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("class", List.of("a", "b", "c")));
    Instances classOnly = new Instances("class-only", attributes, 0);
    classOnly.setClassIndex(0);
    for (double value : new double[] {0, 0, 0, 1}) {
      classOnly.add(new DenseInstance(1, new double[] {value}));
    }
    TFMlpClassifier classifier = classifier(2);

    classifier.buildClassifier(classOnly);

    // counts 3, 1, 0 plus one each, as ZeroR's prior
    double[] expected = {4.0 / 7, 2.0 / 7, 1.0 / 7};
    assertArrayEquals(expected, classifier.distributionForInstance(classOnly.instance(3)), 1e-12);
    assertArrayEquals(expected, classifier.distributionsForInstances(classOnly)[0], 1e-12);
    assertTrue(classifier.toString().contains("no attribute but the class"), classifier.toString());
  }

  @Test
  void miniBatchesOfZeroWeightAreSkippedNotTurnedIntoNaN() throws Exception {
    Instances blobs = TestData.separableBlobs(40, 3);
    for (int r = 0; r < blobs.numInstances(); r += 2) {
      blobs.instance(r).setWeight(0);
    }
    TFMlpClassifier classifier = classifier(3);
    // single rows, so that every second mini-batch weighs nothing
    classifier.setMiniBatchSize(1);

    classifier.buildClassifier(blobs);

    for (EpochRecord epoch : classifier.getHistory()) {
      assertTrue(Double.isFinite(epoch.loss()), classifier.toString());
    }
    assertTrue(accuracy(classifier, blobs, blobs) > 0.9, classifier.toString());
  }

  @Test
  void trainingDataOfZeroWeightPredictTheClassPrior() throws Exception {
    Instances blobs = TestData.separableBlobs(10, 3);
    blobs.forEach(row -> row.setWeight(0));
    TFMlpClassifier classifier = classifier(2);

    classifier.buildClassifier(blobs);

    assertArrayEquals(
        new double[] {0.5, 0.5}, classifier.distributionForInstance(blobs.get(0)), 1e-12);
    assertTrue(classifier.toString().contains("non-zero weight show 0"), classifier.toString());
  }

  @Test
  void anInfiniteInputIsNamedBeforeTrainingByTheCallersRowNumber() {
    Instances blobs = TestData.separableBlobs(10, 3);
    // rows without a class are left out of training, but not out of the row count
    blobs.instance(0).setClassMissing();
    blobs.instance(6).setValue(2, Double.POSITIVE_INFINITY);

    assertTrainingFails(
        WekaException.class, classifier(1), blobs, "row 7: attribute x3 holds Infinity");
  }

  @Test
  void aValueTooLargeForAFloatAfterNormalizationIsNamed() {
    Instances blobs = TestData.separableBlobs(10, 3);
    blobs.instance(2).setValue(0, 1e300);
    TFMlpClassifier classifier = classifier(1);
    classifier.setNormalization(new SelectedTag(3, TFMlpClassifier.TAGS_NORMALIZATION));

    assertTrainingFails(
        WekaException.class,
        classifier,
        blobs,
        "row 3: attribute x1 holds 1.0E300, which is out of " + "range");
  }

  // ---------------------------------------------------------------- iterating

  @Test
  void resumingTwoEpochsWithOneMoreEqualsThreeEpochsBitForBit() throws Exception {
    TFMlpClassifier threeAtOnce = trained(3);

    TFMlpClassifier resumed = classifier(2);
    resumed.setResume(true);
    resumed.buildClassifier(mnistTrain);
    resumed.setEpochs(1);
    int epochs = iterate(resumed, mnistTrain);

    assertEquals(1, epochs);
    assertEquals(3, resumed.getHistory().size());
    assertSameDistributions(
        threeAtOnce.distributionsForInstances(mnistTest),
        resumed.distributionsForInstances(mnistTest));
    assertTrue(resumed.toString().contains("3 epochs"), resumed.toString());
  }

  /**
   * One round as Weka's Explorer and IterativeClassifierOptimizer run it; the epochs it trained.
   */
  private static int iterate(TFMlpClassifier classifier, Instances data) throws Exception {
    classifier.initializeClassifier(data);
    int epochs = 0;
    while (classifier.next()) {
      epochs++;
    }
    classifier.done();
    return epochs;
  }

  @Test
  void withoutResumeInitializeStartsAfresh() throws Exception {
    TFMlpClassifier once = trained(2);
    TFMlpClassifier twice = trained(2);

    iterate(twice, mnistTrain);

    assertEquals(2, twice.getHistory().size());
    assertArrayEquals(
        once.distributionsForInstances(mnistTest)[0],
        twice.distributionsForInstances(mnistTest)[0],
        0.0);
  }

  @Test
  void descriptionShowsTheSettingsTheModelWasTrainedWith() throws Exception {
    TFMlpClassifier classifier = classifier(1);
    classifier.setLearningRate(0.01);
    classifier.buildClassifier(TestData.separableBlobs(20, 1));

    classifier.setLearningRate(0.5);
    classifier.setHiddenUnits(3);

    String description = classifier.toString();
    assertTrue(description.contains("learning rate 0.01,"), description);
    assertTrue(description.contains("-> 49 hidden"), description);
  }

  @Test
  void citesTheToyModelsPaper() {
    String bibtex = new TFMlpClassifier().getTechnicalInformation().toBibTex();

    assertTrue(bibtex.contains("Toy Models of Superposition"), bibtex);
    assertTrue(bibtex.contains("Transformer Circuits Thread"), bibtex);
  }

  // ---------------------------------------------------------------- Weka conventions

  @Test
  void optionsRoundTrip() throws Exception {
    TFMlpClassifier classifier = new TFMlpClassifier();
    String[] options =
        Utils.splitOptions(
            "-hidden-units 7 -epochs 3 -mini-batch-size 32 "
                + "-learning-rate 0.01 -S 9 -num-threads 2 -normalization standardize");
    classifier.setOptions(options);

    assertEquals(7, classifier.getHiddenUnits());
    assertEquals(32, classifier.getMiniBatchSize());
    assertEquals(0.01, classifier.getLearningRate());
    assertEquals(9, classifier.getSeed());
    assertEquals("standardize", classifier.getNormalization().getSelectedTag().getReadable());
    TFMlpClassifier copy = new TFMlpClassifier();
    copy.setOptions(classifier.getOptions());
    assertArrayEquals(classifier.getOptions(), copy.getOptions());
  }
}
