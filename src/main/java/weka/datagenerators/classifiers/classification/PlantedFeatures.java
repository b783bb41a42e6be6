package weka.datagenerators.classifiers.classification;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.TechnicalInformation;
import weka.core.Utils;
import weka.superposition.data.PlantedFeatures.Sample;
import weka.superposition.data.PlantedFeatures.Settings;
import weka.superposition.describe.Citations;
import weka.superposition.io.AtomicFiles;

/**
 * Data with known sparse directions ({@link weka.superposition.data.PlantedFeatures}): m random
 * unit directions in n dimensions, each row a sparse non-negative combination of them, as test data
 * for a sparse dictionary. The class names the row's strongest feature, since Weka's Explorer only
 * looks for generators among the classification generators and those need a class; the option
 * {@code -directions} writes the true directions for comparison with a learned dictionary.
 */
public class PlantedFeatures extends FeatureGenerator {

  private static final long serialVersionUID = 4181304729657405382L;

  /** The value of the class when no feature is active in a row. */
  public static final String NONE = "none";

  private static final int DEFAULT_DIMENSIONS = 20;
  private static final int DEFAULT_FEATURES = 40;
  private static final double DEFAULT_ACTIVE = 3;

  private int dimensions = DEFAULT_DIMENSIONS;
  private double expectedActive = DEFAULT_ACTIVE;
  private File directionsFile = new File("");

  /** The planted directions, made by {@link #defineDataFormat}. */
  private transient weka.superposition.data.PlantedFeatures planted;

  public PlantedFeatures() {
    super(DEFAULT_FEATURES);
  }

  public String globalInfo() {
    return "Generates rows with known sparse directions, after Sharkey, Braun and Millidge (2022): "
        + "m random unit directions in n dimensions, each row the sum of the active ones times "
        + "their magnitudes, for testing whether a sparse dictionary finds features held in "
        + "superposition. Each feature is active in a row independently with probability "
        + "active / m, with a magnitude uniform on [0, 1]; the directions are isotropic Gaussian "
        + "draws scaled to length 1. The attributes are x1 to xn. Weka's data generators need a "
        + "class, so the last attribute names the row's strongest active feature (f1 to fm, or "
        + "none when no feature is active). The option -directions also writes the true "
        + "directions as CSV, one row per feature with a header line x1 to xn, to compare with a "
        + "learned dictionary.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    return listOptionsWith(
        option(
            "dimensions",
            "num",
            "The number of dimensions n (default " + DEFAULT_DIMENSIONS + ")."),
        option(
            "features",
            "num",
            "The number of features m, each a direction (default " + DEFAULT_FEATURES + ")."),
        option(
            "active",
            "num",
            "The expected number of active features per row, at most m (default 3)."),
        option(
            "directions",
            "file",
            "Also writes the true directions to this CSV file (default: none)."));
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    super.setOptions(options);
    setDimensions(intOption("dimensions", options, DEFAULT_DIMENSIONS));
    setNumFeatures(intOption("features", options, DEFAULT_FEATURES));
    setExpectedActive(doubleOption("active", options, DEFAULT_ACTIVE));
    setDirectionsFile(new File(Utils.getOption("directions", options)));
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> options =
        new ArrayList<>(
            List.of(
                "-dimensions", "" + getDimensions(),
                "-features", "" + getNumFeatures(),
                "-active", "" + getExpectedActive()));
    if (!directionsFile.getPath().isEmpty() && !m_CreatingRelationName) {
      options.addAll(List.of("-directions", directionsFile.getPath()));
    }
    return getOptionsWith(options);
  }

  /** Weka's name for the data, without the directions file's path. */
  @Override
  protected String defaultRelationName() {
    m_CreatingRelationName = true;
    try {
      return super.defaultRelationName();
    } finally {
      m_CreatingRelationName = false;
    }
  }

  public int getDimensions() {
    return dimensions;
  }

  public void setDimensions(int dimensions) {
    this.dimensions = atLeastOne("dimensions", dimensions);
  }

  public String dimensionsTipText() {
    return "The number of dimensions n, the attributes x1 to xn";
  }

  public String numFeaturesTipText() {
    return "The number of features m, each a random unit direction; more than n puts them in "
        + "superposition";
  }

  public double getExpectedActive() {
    return expectedActive;
  }

  /** Above 0; that it is at most the number of features is checked when the data is defined. */
  public void setExpectedActive(double expectedActive) {
    if (!(expectedActive > 0)) {
      throw new IllegalArgumentException(
          "The expected number of active features per row must be above 0, not " + expectedActive);
    }
    this.expectedActive = expectedActive;
  }

  public String expectedActiveTipText() {
    return "The expected number of active features per row, above 0 and at most m; each feature "
        + "is active with probability active / m";
  }

  public File getDirectionsFile() {
    return directionsFile;
  }

  public void setDirectionsFile(File directionsFile) {
    this.directionsFile = directionsFile == null ? new File("") : directionsFile;
  }

  public String directionsFileTipText() {
    return "If set, the CSV file the true directions are written to, one row per feature";
  }

  /**
   * The header: x1 to xn and the class {@code strongest}; makes the directions from the seed and,
   * when {@code -directions} is set, writes them.
   */
  @Override
  public Instances defineDataFormat() throws Exception {
    planted =
        new weka.superposition.data.PlantedFeatures(
            new Settings(dimensions, getNumFeatures(), expectedActive, getSeed()));
    setNumExamplesAct(getNumExamples());
    ArrayList<Attribute> attributes = numericAttributes(dimensions);
    List<String> classes = new ArrayList<>();
    for (int j = 1; j <= getNumFeatures(); j++) {
      classes.add("f" + j);
    }
    classes.add(NONE);
    attributes.add(new Attribute("strongest", classes));
    m_DatasetFormat = new Instances(getRelationNameToUse(), attributes, 0);
    m_DatasetFormat.setClassIndex(dimensions);
    if (!directionsFile.getPath().isEmpty()) {
      writeDirections(planted.directions(), dimensions, directionsFile);
    }
    return m_DatasetFormat;
  }

  /** The directions as CSV: a header line x1 to xn, then one row per feature. */
  static void writeDirections(float[] directions, int n, File file) throws IOException {
    AtomicFiles.write(
        file.toPath(),
        part -> {
          try (PrintWriter out =
              new PrintWriter(Files.newBufferedWriter(part, StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            for (int d = 1; d <= n; d++) {
              line.append(d > 1 ? "," : "").append('x').append(d);
            }
            out.print(line.append('\n'));
            for (int j = 0; j < directions.length / n; j++) {
              line.setLength(0);
              for (int d = 0; d < n; d++) {
                line.append(d > 0 ? "," : "").append(directions[j * n + d]);
              }
              out.print(line.append('\n'));
            }
            if (out.checkError()) {
              throw new IOException("Could not write the directions to " + part);
            }
          }
        });
  }

  @Override
  public Instance generateExample() throws Exception {
    if (planted == null) {
      throw new IllegalStateException("defineDataFormat() must be called before generating");
    }
    Random random = getRandom();
    Sample sample = planted.sample(1, random);
    int strongest = sample.strongest(0);
    return row(sample.data(), dimensions, strongest < 0 ? getNumFeatures() : strongest);
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return Citations.sparseAutoencoders();
  }

  public static void main(String[] args) {
    runDataGenerator(new PlantedFeatures(), args);
  }
}
