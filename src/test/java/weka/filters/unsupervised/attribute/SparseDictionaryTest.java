package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.core.WekaException;
import weka.filters.Filter;
import weka.superposition.analysis.DictionaryAnalysis;
import weka.superposition.analysis.DictionaryWeights;
import weka.superposition.analysis.Mmcs;
import weka.superposition.data.PlantedFeatures;
import weka.superposition.describe.DictionaryReport;
import weka.superposition.testing.TestData;

class SparseDictionaryTest {

  @TempDir Path dir;

  /** Sharkey et al.'s planted features: 40 unit directions in 20 dimensions, 3 active per row. */
  private static final PlantedFeatures.Settings PLANTED =
      new PlantedFeatures.Settings(20, 40, 3, 7);

  private static Instances instances(float[] data, int rows, int n) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int j = 1; j <= n; j++) {
      attributes.add(new Attribute("x" + j));
    }
    Instances out = new Instances("planted", attributes, rows);
    for (int r = 0; r < rows; r++) {
      double[] values = new double[n];
      for (int j = 0; j < n; j++) {
        values[j] = data[r * n + j];
      }
      out.add(new DenseInstance(1, values));
    }
    return out;
  }

  private static Instances small(int rows, long seed) {
    PlantedFeatures planted = new PlantedFeatures(new PlantedFeatures.Settings(6, 10, 2, 3));
    return instances(planted.sample(rows, new Random(seed)).data(), rows, 6);
  }

  private static SparseDictionary quick() {
    SparseDictionary filter = new SparseDictionary();
    filter.setEpochs(3);
    filter.setMiniBatchSize(64);
    return filter;
  }

  @Test
  void optionsSurviveTheirCommandLineBothWays() throws Exception {
    // the Explorer's object editor copies a scheme through its options
    for (String line :
        new String[] {"-mode topk -bias-start median", "-mode l1 -bias-start mean"}) {
      SparseDictionary filter = new SparseDictionary();
      filter.setOptions(weka.core.Utils.splitOptions(line + " -output reconstruction"));
      String options = String.join(" ", filter.getOptions());
      for (String option : (line + " -output reconstruction").split(" -")) {
        assertTrue(options.contains(option.startsWith("-") ? option : "-" + option), options);
      }
      SparseDictionary copy = new SparseDictionary();
      copy.setOptions(filter.getOptions());
      assertEquals(options, String.join(" ", copy.getOptions()));
    }
  }

  @Test
  void recoversPlantedFeaturesAtTheDefaults() throws Exception {
    PlantedFeatures planted = new PlantedFeatures(PLANTED);
    int rows = 50_000;
    PlantedFeatures.Sample sample = planted.sample(rows, new Random(1));
    SparseDictionary filter = new SparseDictionary();
    filter.setInputFormat(instances(sample.data(), rows, 20));
    Filter.useFilter(instances(sample.data(), rows, 20), filter);

    DictionaryWeights w = filter.getResult().weights();
    double mmcs = Mmcs.of(planted.directions(), 40, w.decoder(), w.features(), 20);
    double pca = Mmcs.pca(planted.directions(), 40, sample.data(), rows, 20);
    // measured 0.99 against PCA's 0.6: the dictionary finds the 40 directions, 20 axes cannot
    assertTrue(mmcs >= 0.95, "MMCS " + mmcs);
    assertTrue(pca < 0.8, "PCA-20's MMCS " + pca);
  }

  @Test
  void theSameSeedGivesTheSameDictionaryBitForBit() throws Exception {
    Instances data = small(2_000, 1);
    float[] first = trained(data, 1).decoder();
    assertArrayEquals(first, trained(data, 1).decoder());
    assertFalse(Arrays.equals(first, trained(data, 2).decoder()), "another seed, another start");
  }

  private static DictionaryWeights trained(Instances data, int seed) throws Exception {
    SparseDictionary filter = quick();
    filter.setSeed(seed);
    filter.setInputFormat(data);
    Filter.useFilter(data, filter);
    return filter.getResult().weights();
  }

  @Test
  void outputsFeatureActivationsWithTheClassOrTheReconstruction() throws Exception {
    Instances data = small(1_000, 2);
    ArrayList<String> labels = new ArrayList<>(List.of("a", "b"));
    data.insertAttributeAt(new Attribute("class", labels), data.numAttributes());
    data.setClassIndex(data.numAttributes() - 1);
    for (int r = 0; r < data.numInstances(); r++) {
      data.instance(r).setClassValue(r % 2);
    }
    SparseDictionary filter = quick();
    filter.setK(2);
    filter.setInputFormat(data);
    Instances activations = Filter.useFilter(data, filter);
    assertEquals(4 * 6 + 1, activations.numAttributes());
    assertEquals("f1", activations.attribute(0).name());
    assertEquals(activations.numAttributes() - 1, activations.classIndex());
    for (int r = 0; r < activations.numInstances(); r++) {
      long active =
          Arrays.stream(activations.instance(r).toDoubleArray(), 0, 24).filter(v -> v > 0).count();
      assertTrue(active <= 2, "top-2 keeps at most two features, row " + r + ": " + active);
      assertEquals(r % 2, activations.instance(r).classValue());
    }

    SparseDictionary reconstruct = quick();
    reconstruct.setOutput(new SelectedTag("reconstruction", SparseDictionary.TAGS_OUTPUT));
    reconstruct.setInputFormat(data);
    Instances out = Filter.useFilter(data, reconstruct);
    assertEquals(data.numAttributes(), out.numAttributes());
    assertEquals("x1", out.attribute(0).name());
    DictionaryAnalysis a = reconstruct.getAnalysis();
    assertTrue(a.fvu() < 0.9, "a trained dictionary explains some variance: FVU " + a.fvu());
    assertTrue(reconstruct.toString().contains("Fraction of variance unexplained"));
  }

  @Test
  void instanceWeightsWeightTheLoss() throws Exception {
    Instances data = small(2_000, 3);
    // rows of weight 0 far out along one axis: they must not pull the dictionary towards them
    Instances withOutliers = new Instances(data);
    for (int r = 0; r < 500; r++) {
      double[] values = new double[6];
      values[0] = 50;
      withOutliers.add(new DenseInstance(0, values));
    }
    // the mean start, which the outliers would move far (the geometric median hardly moves)
    SelectedTag mean = new SelectedTag("mean", SparseDictionary.TAGS_BIAS_START);
    SparseDictionary weighted = quick();
    weighted.setBiasStart(mean);
    weighted.setInputFormat(withOutliers);
    Filter.useFilter(withOutliers, weighted);
    float[] bias = weighted.getResult().weights().decoderBias();
    assertTrue(Math.abs(bias[0]) < 2, "the decoder bias ignores rows of weight 0: " + bias[0]);

    SparseDictionary unweighted = quick();
    unweighted.setBiasStart(mean);
    Instances counted = new Instances(withOutliers);
    counted.forEach(row -> row.setWeight(1));
    unweighted.setInputFormat(counted);
    Filter.useFilter(counted, unweighted);
    assertTrue(
        unweighted.getResult().weights().decoderBias()[0] > bias[0] + 1,
        "with weight 1 the outliers count");
  }

  @Test
  void aSavedDictionaryLoadsAndFiltersTheSame(@TempDir Path folder) throws Exception {
    Instances data = small(800, 4);
    File model = folder.resolve("dictionary.model").toFile();
    SparseDictionary saving = quick();
    saving.setSaveModelFile(model);
    saving.setReportFile(folder.resolve("dictionary.json").toFile());
    saving.setInputFormat(data);
    Instances first = Filter.useFilter(data, saving);
    assertTrue(Files.readString(folder.resolve("dictionary.json")).contains("\"fvu\""));

    SparseDictionary loading = new SparseDictionary();
    loading.setLoadModelFile(model);
    loading.setInputFormat(data);
    Instances second = Filter.useFilter(data, loading);
    for (int r = 0; r < data.numInstances(); r++) {
      assertArrayEquals(first.instance(r).toDoubleArray(), second.instance(r).toDoubleArray());
    }

    Instances other = small(10, 5);
    other.renameAttribute(0, "y1");
    WekaException e = TestData.filterFailure(WekaException.class, loading, other);
    assertTrue(e.getMessage().contains("was trained on 6 inputs (x1, x2, x3"), e.getMessage());
  }

  @Test
  void fewerRowsThanAMiniBatchTrain() throws Exception {
    Instances data = small(10, 6);
    SparseDictionary filter = new SparseDictionary();
    filter.setEpochs(2);
    filter.setInputFormat(data);
    assertEquals(10, Filter.useFilter(data, filter).numInstances());
  }

  @Test
  void badDataAreRefusedWithTheirProblem() throws Exception {
    Instances empty = new Instances(small(10, 7), 0);
    assertRefused(WekaException.class, quick(), empty, "no rows to train on");

    Instances missing = small(20, 8);
    missing.instance(4).setMissing(2);
    assertRefused(WekaException.class, quick(), missing, "Cannot handle missing values");

    Instances infinite = small(20, 9);
    infinite.instance(0).setValue(1, Double.POSITIVE_INFINITY);
    assertRefused(
        WekaException.class, quick(), infinite, "non-finite value Infinity in attribute x2");

    Instances nominal = small(20, 10);
    nominal.insertAttributeAt(new Attribute("colour", List.of("red", "blue")), 0);
    assertRefused(Exception.class, quick(), nominal, "Cannot handle binary attributes");

    Instances onlyClass =
        new Instances("c", new ArrayList<>(List.of(new Attribute("c", List.of("a", "b")))), 1);
    onlyClass.setClassIndex(0);
    onlyClass.add(new DenseInstance(1, new double[] {0}));
    assertRefused(WekaException.class, quick(), onlyClass, "no numeric attribute");
  }

  @Test
  void unworkableSettingsAreRefusedBeforeTraining() {
    Instances data = small(20, 11);
    SparseDictionary tooManyKept = quick();
    tooManyKept.setK(25);
    assertRefused(
        WekaException.class,
        tooManyKept,
        data,
        "k must be between 1 and the number of features (24)");
    SparseDictionary noFeatures = quick();
    noFeatures.setNumFeatures(-1);
    assertRefused(
        WekaException.class, noFeatures, data, "the number of features must be at least 1");
    SparseDictionary negativeLambda = quick();
    negativeLambda.setMode(new SelectedTag("l1", SparseDictionary.TAGS_MODE));
    negativeLambda.setLambda(-1);
    assertRefused(
        WekaException.class, negativeLambda, data, "lambda must be a number of at least 0");
  }

  @Test
  void theL1ModeLearnsASparseCode() throws Exception {
    Instances data = small(3_000, 12);
    SparseDictionary filter = quick();
    filter.setMode(new SelectedTag("l1", SparseDictionary.TAGS_MODE));
    filter.setEpochs(10);
    filter.setLambda(0.03);
    filter.setInputFormat(data);
    Filter.useFilter(data, filter);
    DictionaryAnalysis a = filter.getAnalysis();
    assertTrue(a.l0() < 8, "an L1 penalty keeps most of the 24 features silent: L0 " + a.l0());
    assertTrue(a.fvu() < 0.5, "and still reconstructs: FVU " + a.fvu());
    assertTrue(DictionaryReport.summary(filter.getResult(), a).contains("L1 lambda 0.03"));
  }

  private static void assertRefused(
      Class<? extends Exception> type, SparseDictionary filter, Instances data, String problem) {
    String message = TestData.filterFailure(type, filter, data).getMessage();
    assertTrue(message.contains(problem), message);
  }

  @Test
  void aModeThatIsNotOneIsRefusedByName() {
    WekaException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            WekaException.class,
            () -> new SparseDictionary().setOptions(new String[] {"-mode", "top-k"}));
    assertEquals("SparseDictionary: -mode top-k is not one of topk, l1", e.getMessage());
  }
}
