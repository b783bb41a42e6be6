package weka.filters.unsupervised.attribute;

import java.util.ArrayList;
import java.util.List;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Randomizable;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformationHandler;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;
import weka.filters.SimpleBatchFilter;
import weka.superposition.data.Headers;
import weka.superposition.data.Rows;
import weka.superposition.data.TagOptions;
import weka.superposition.io.ExplorerLog;

/**
 * What the filters share that learn a model on the first batch from the numeric attributes other
 * than the class (the features) and replace the features by what the model makes of each row,
 * keeping the class and the row's weight: the capabilities, the checks on the data, the reading of
 * the options, and messages that start with the filter's name. Abstract, so that Weka's class
 * discovery does not offer it among the filters.
 */
public abstract class FirstBatchFeatureFilter extends SimpleBatchFilter
    implements Randomizable, WeightedInstancesHandler, TechnicalInformationHandler {

  private static final long serialVersionUID = 2950373625408157392L;

  /** The filter's name, with which its messages start. */
  protected final String name() {
    return getClass().getSimpleName();
  }

  /** An exception whose message is {@code message} after the filter's name. */
  protected final WekaException error(String message) {
    return new WekaException(name() + ": " + message);
  }

  /** An exception with the message of {@code cause} (a bad setting or value) after the name. */
  protected final WekaException error(RuntimeException cause) {
    return new WekaException(name() + ": " + cause.getMessage(), cause);
  }

  // ---------------------------------------------------------------- options

  /** Sets every file option to none (the empty path). */
  protected abstract void clearFileOptions();

  /**
   * Reads {@code options} as Weka does, after checking each option that names a tag: an option left
   * out means its default, also for the files.
   */
  @Override
  public void setOptions(String[] options) throws Exception {
    clearFileOptions();
    TagOptions.requireKnown(name(), this, options);
    super.setOptions(options);
  }

  // ---------------------------------------------------------------- filtering

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enable(Capability.NUMERIC_ATTRIBUTES);
    result.enableAllClasses();
    result.enable(Capability.MISSING_CLASS_VALUES);
    result.enable(Capability.NO_CLASS);
    return result;
  }

  @Override
  public boolean batchFinished() throws Exception {
    if (getInputFormat() != null && !isFirstBatchDone() && getInputFormat().isEmpty()) {
      throw error("the data have no rows to train on");
    }
    return super.batchFinished();
  }

  @Override
  public boolean input(Instance instance) throws Exception {
    Headers.requireSame(name(), getInputFormat(), instance);
    return super.input(instance);
  }

  @Override
  public boolean input(Instances instances) throws Exception {
    Headers.requireSame(name(), getInputFormat(), instances);
    return super.input(instances);
  }

  @Override
  protected Instances process(Instances instances) throws Exception {
    List<Integer> features = Rows.featureIndices(instances);
    float[] data = featureMatrix(instances, features);
    if (!isFirstBatchDone()) {
      firstBatch(instances, features, data);
    }
    return transform(instances, features, data);
  }

  /** Learns the model from the first batch: its {@code features} as the matrix {@code data}. */
  protected abstract void firstBatch(Instances instances, List<Integer> features, float[] data)
      throws Exception;

  /** The output rows for {@code instances}, whose {@code features} are the matrix {@code data}. */
  protected abstract Instances transform(Instances instances, List<Integer> features, float[] data)
      throws Exception;

  /**
   * Makes {@code data} the input format and the first batch, as far as training: the indices of its
   * features, once the options are checked against them.
   */
  protected final List<Integer> startFirstBatch(Instances data) throws Exception {
    setInputFormat(data);
    determineOutputFormat(data);
    return Rows.featureIndices(data);
  }

  /** The {@code features} of every row as a row-major matrix; throws naming a bad value. */
  protected final float[] featureMatrix(Instances instances, List<Integer> features)
      throws WekaException {
    try {
      return Rows.featureMatrix(instances, features);
    } catch (IllegalArgumentException e) {
      throw error(e);
    }
  }

  /** The names of the {@code features} of {@code data}, in order. */
  protected static List<String> names(Instances data, List<Integer> features) {
    return features.stream().map(i -> data.attribute(i).name()).toList();
  }

  /**
   * The output format: {@code attributes}, then a copy of the class of {@code input} if it has one,
   * named after the input's relation and {@code suffix}.
   */
  protected static Instances outputFormat(
      Instances input, ArrayList<Attribute> attributes, String suffix) {
    if (input.classIndex() >= 0) {
      attributes.add((Attribute) input.classAttribute().copy());
    }
    Instances format = new Instances(input.relationName() + "-" + suffix, attributes, 0);
    format.setClassIndex(input.classIndex() >= 0 ? attributes.size() - 1 : -1);
    return format;
  }

  /**
   * Adds to {@code out} the row made of {@code values}, whose last place takes the class of {@code
   * row} when there is one, with the weight of {@code row}.
   */
  protected static void addRow(Instances out, Instance row, double[] values) {
    if (out.classIndex() >= 0) {
      values[out.classIndex()] = row.classValue();
    }
    out.add(new DenseInstance(row.weight(), values));
  }

  /** Shows {@code summary} in the Explorer's log, and on standard error with debug output. */
  protected final void report(String summary) {
    if (getDebug()) {
      System.err.println(summary);
    }
    ExplorerLog.log(name() + ":\n" + summary);
  }

  /** What the description says before the first batch. */
  protected final String notTrainedYet() {
    return name() + ": not trained yet (no first batch).";
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }
}
