package weka.datagenerators.classifiers.classification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Vector;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.datagenerators.ClassificationGenerator;
import weka.superposition.data.SparseSampling;
import weka.superposition.describe.Citations;

/**
 * The synthetic features of Elhage et al. 2022, "Toy Models of Superposition": n numeric features,
 * each independently 0 with probability S (the sparsity) and otherwise uniform on [0, 1]. There is
 * no class: the toy model reconstructs the features. (It lives among the classification generators
 * because that is where Weka's Explorer looks for generators.)
 */
public class SparseFeatures extends ClassificationGenerator implements TechnicalInformationHandler {

  private static final long serialVersionUID = -3466291245309011224L;

  private int numFeatures = 5;
  private double sparsity = 0;

  public SparseFeatures() {
    super();
    setNumExamples(defaultNumExamples());
  }

  public String globalInfo() {
    return "Generates the synthetic data of \"Toy Models of Superposition\" (Elhage and colleagues, "
        + "2022): n numeric features x1 to xn, each independently 0 with probability S (the sparsity) and "
        + "otherwise uniform on [0, 1]; no class. Train the SuperpositionAutoencoder filter's toy "
        + "model on it: with S = 0 only the most important features are kept, at right angles; as "
        + "S grows toward 1 more features share the same dimensions (superposition).";
  }

  @Override
  protected int defaultNumExamples() {
    return 10000;
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> result = enumToVector(super.listOptions());
    result.add(
        new Option("\tThe number of features (default 5).", "features", 1, "-features <num>"));
    result.add(
        new Option(
            "\tThe probability S that a feature is 0 (default 0).",
            "sparsity",
            1,
            "-sparsity <num>"));
    return result.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    super.setOptions(options);
    String features = Utils.getOption("features", options);
    setNumFeatures(features.isEmpty() ? 5 : Integer.parseInt(features));
    String s = Utils.getOption("sparsity", options);
    setSparsity(s.isEmpty() ? 0 : Double.parseDouble(s));
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    Vector<String> result = new Vector<>();
    Collections.addAll(result, super.getOptions());
    result.add("-features");
    result.add("" + getNumFeatures());
    result.add("-sparsity");
    result.add("" + getSparsity());
    return result.toArray(new String[0]);
  }

  public int getNumFeatures() {
    return numFeatures;
  }

  public void setNumFeatures(int numFeatures) {
    if (numFeatures < 1) {
      throw new IllegalArgumentException(
          "The number of features must be at least 1, not " + numFeatures);
    }
    this.numFeatures = numFeatures;
  }

  public String numFeaturesTipText() {
    return "The number of features n.";
  }

  public double getSparsity() {
    return sparsity;
  }

  public void setSparsity(double sparsity) {
    if (!(sparsity >= 0 && sparsity <= 1)) {
      throw new IllegalArgumentException(
          "The sparsity is a probability in [0, 1], not " + sparsity);
    }
    this.sparsity = sparsity;
  }

  public String sparsityTipText() {
    return "The probability S that a feature is 0; otherwise it is uniform on [0, 1].";
  }

  @Override
  public boolean getSingleModeFlag() {
    return true;
  }

  @Override
  public Instances defineDataFormat() throws Exception {
    setNumExamplesAct(getNumExamples());
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int i = 1; i <= numFeatures; i++) {
      attributes.add(new Attribute("x" + i));
    }
    m_DatasetFormat = new Instances(getRelationNameToUse(), attributes, 0);
    return m_DatasetFormat;
  }

  @Override
  public Instance generateExample() throws Exception {
    float[] row = SparseSampling.sample(1, numFeatures, sparsity, getRandom());
    double[] values = new double[numFeatures];
    for (int i = 0; i < numFeatures; i++) {
      values[i] = row[i];
    }
    Instance instance = new DenseInstance(1, values);
    instance.setDataset(m_DatasetFormat);
    return instance;
  }

  @Override
  public Instances generateExamples() throws Exception {
    Instances data = new Instances(m_DatasetFormat, getNumExamplesAct());
    for (int i = 0; i < getNumExamplesAct(); i++) {
      data.add(generateExample());
    }
    return data;
  }

  @Override
  public String generateStart() {
    return "";
  }

  @Override
  public String generateFinished() {
    return "";
  }

  /** Weka's own generators lack this tip, so that CheckGOE fails them; ours passes. */
  public String datasetFormatTipText() {
    return "The structure of the generated data, which the generator sets itself";
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return Citations.toyModelsOfSuperposition();
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runDataGenerator(new SparseFeatures(), args);
  }
}
