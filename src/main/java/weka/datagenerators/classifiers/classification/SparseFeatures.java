package weka.datagenerators.classifiers.classification;

import java.util.Enumeration;
import java.util.List;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.TechnicalInformation;
import weka.core.Utils;
import weka.superposition.data.SparseSampling;
import weka.superposition.describe.Citations;

/**
 * The synthetic features of Elhage et al. 2022, "Toy Models of Superposition": n numeric features,
 * each independently 0 with probability S (the sparsity) and otherwise uniform on [0, 1]. There is
 * no class: the toy model reconstructs the features. (It lives among the classification generators
 * because that is where Weka's Explorer looks for generators.)
 */
public class SparseFeatures extends FeatureGenerator {

  private static final long serialVersionUID = -3466291245309011224L;

  private static final int DEFAULT_FEATURES = 5;

  private double sparsity = 0;

  public SparseFeatures() {
    super(DEFAULT_FEATURES);
  }

  public String globalInfo() {
    return "Generates the synthetic data of \"Toy Models of Superposition\" (Elhage and colleagues, "
        + "2022): n numeric features x1 to xn, each independently 0 with probability S (the sparsity) and "
        + "otherwise uniform on [0, 1]; no class. Train the SuperpositionAutoencoder filter's toy "
        + "model on it: with S = 0 only the most important features are kept, at right angles; as "
        + "S grows toward 1 more features share the same dimensions (superposition).";
  }

  @Override
  public Enumeration<Option> listOptions() {
    return listOptionsWith(
        option("features", "num", "The number of features (default 5)."),
        option("sparsity", "num", "The probability S that a feature is 0 (default 0)."));
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    super.setOptions(options);
    setNumFeatures(intOption("features", options, DEFAULT_FEATURES));
    setSparsity(doubleOption("sparsity", options, 0));
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    return getOptionsWith(
        List.of("-features", "" + getNumFeatures(), "-sparsity", "" + getSparsity()));
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
  public Instances defineDataFormat() throws Exception {
    setNumExamplesAct(getNumExamples());
    m_DatasetFormat = new Instances(getRelationNameToUse(), numericAttributes(getNumFeatures()), 0);
    return m_DatasetFormat;
  }

  @Override
  public Instance generateExample() throws Exception {
    int n = getNumFeatures();
    return row(SparseSampling.sample(1, n, sparsity, getRandom()), n);
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return Citations.toyModelsOfSuperposition();
  }

  public static void main(String[] args) {
    runDataGenerator(new SparseFeatures(), args);
  }
}
