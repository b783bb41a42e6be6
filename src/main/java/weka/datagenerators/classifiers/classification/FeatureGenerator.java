package weka.datagenerators.classifiers.classification;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.datagenerators.ClassificationGenerator;

/**
 * What the package's generators of synthetic features share: a number of features, 10000 rows by
 * default, one row at a time (single mode), no comments before or after the data, the reading and
 * listing of options. Abstract, so that Weka's class discovery does not offer it among the
 * generators.
 */
public abstract class FeatureGenerator extends ClassificationGenerator
    implements TechnicalInformationHandler {

  private static final long serialVersionUID = 6164794232869512915L;

  private int numFeatures;

  /** A generator of {@code numFeatures} features by default. */
  protected FeatureGenerator(int numFeatures) {
    super();
    setNumExamples(defaultNumExamples());
    setNumFeatures(numFeatures);
  }

  @Override
  protected int defaultNumExamples() {
    return 10000;
  }

  public int getNumFeatures() {
    return numFeatures;
  }

  public void setNumFeatures(int numFeatures) {
    this.numFeatures = atLeastOne("features", numFeatures);
  }

  /** {@code number}, the number of {@code what}; throws, naming both, when it is below 1. */
  protected static int atLeastOne(String what, int number) {
    if (number < 1) {
      throw new IllegalArgumentException(
          "The number of " + what + " must be at least 1, not " + number);
    }
    return number;
  }

  /** An option with a value, as Weka lists it: {@code -flag <argument>} and its description. */
  protected static Option option(String flag, String argument, String description) {
    return new Option("\t" + description, flag, 1, "-" + flag + " <" + argument + ">");
  }

  /** Weka's options of every generator, then {@code more}. */
  protected final Enumeration<Option> listOptionsWith(Option... more) {
    Vector<Option> result = enumToVector(super.listOptions());
    result.addAll(List.of(more));
    return result.elements();
  }

  /**
   * The whole number given to {@code -flag} in {@code options} (taken out), or {@code otherwise}.
   */
  protected static int intOption(String flag, String[] options, int otherwise) throws Exception {
    String value = Utils.getOption(flag, options);
    return value.isEmpty() ? otherwise : Integer.parseInt(value);
  }

  /** The number given to {@code -flag} in {@code options} (taken out), or {@code otherwise}. */
  protected static double doubleOption(String flag, String[] options, double otherwise)
      throws Exception {
    String value = Utils.getOption(flag, options);
    return value.isEmpty() ? otherwise : Double.parseDouble(value);
  }

  /** Weka's options of every generator, then {@code more}: flags and their values. */
  protected final String[] getOptionsWith(List<String> more) {
    List<String> result = new ArrayList<>(List.of(super.getOptions()));
    result.addAll(more);
    return result.toArray(new String[0]);
  }

  @Override
  public boolean getSingleModeFlag() {
    return true;
  }

  /** Numeric attributes x1 to xn, to which a generator may add a class. */
  protected static ArrayList<Attribute> numericAttributes(int n) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      attributes.add(new Attribute("x" + i));
    }
    return attributes;
  }

  /**
   * A row of the generated data, of weight 1: the first {@code n} of {@code features}, then {@code
   * more} (a class).
   */
  protected final Instance row(float[] features, int n, double... more) {
    double[] values = new double[n + more.length];
    for (int i = 0; i < n; i++) {
      values[i] = features[i];
    }
    System.arraycopy(more, 0, values, n, more.length);
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
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }
}
