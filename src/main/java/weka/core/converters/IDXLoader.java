package weka.core.converters;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Environment;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.RevisionUtils;
import weka.core.SparseInstance;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.superposition.describe.Citations;
import weka.superposition.io.IdxReader;

/**
 * Loads MNIST-style IDX files: an images file and, beside it or named by {@code -labels}, a label
 * file. The result has the layout of OpenML's {@code mnist_784} ARFF: numeric {@code pixel1 ...
 * pixelN} with the stored values (0-255 for MNIST) and a nominal {@code class} last.
 */
public class IDXLoader extends AbstractFileLoader
    implements BatchConverter, IncrementalConverter, OptionHandler, TechnicalInformationHandler {

  private static final long serialVersionUID = 5306212263451734311L;

  /** Extensions by which Weka's file dialogs and DataSource recognise IDX image files. */
  private static final String[] EXTENSIONS = {
    ".idx3-ubyte", "-idx3-ubyte", ".idx3-ubyte.gz", "-idx3-ubyte.gz", ".idx", ".idx.gz"
  };

  /**
   * Most values per image: each becomes an attribute, and an image file with no images backs no
   * header size with data. 1024 x 1024 is far beyond what Weka's learners handle as attributes.
   */
  static final int MAX_VALUES_PER_IMAGE = 1 << 20;

  /** Largest label: the class attribute gets one value per number from 0 to the largest label. */
  static final int MAX_LABEL = (1 << 16) - 1;

  /** Rows to make room for at first; the header's count is a claim, so the list grows as read. */
  private static final int INITIAL_CAPACITY = 1 << 12;

  private File labelsFile = new File("");

  private boolean sparse;

  /** The open images file while data is being read. */
  private transient IdxReader images;

  private transient String imagesName;

  /** The first image, read ahead so its size is backed by data before the structure is built. */
  private transient double[] firstValues;

  /** The values of the row being read, reused for every sparse row. */
  private transient double[] rowValues;

  /** Class values in the order of the images; null when no label file was found. */
  private transient double[] labels;

  private transient int nextIndex;

  public String globalInfo() {
    return "Reads MNIST-style IDX files (plain or gzipped): an images file (such as "
        + "train-images-idx3-ubyte) together with its label file (train-labels-idx1-ubyte), which "
        + "is looked for beside the images unless the labels option names it. The data has the "
        + "layout of OpenML's mnist_784 ARFF: one numeric attribute per pixel, pixel1 ... pixel784, "
        + "holding the stored values (0-255 for MNIST), and a nominal class {0,...,9}. Without a "
        + "label file the class values are missing.";
  }

  @Override
  public String getFileExtension() {
    return EXTENSIONS[0];
  }

  @Override
  public String[] getFileExtensions() {
    return EXTENSIONS.clone();
  }

  @Override
  public String getFileDescription() {
    return "IDX image files (MNIST)";
  }

  @OptionMetadata(
      displayName = "labels file",
      description =
          "The IDX label file (idx1) of these images. Empty: look beside the images for "
              + "the file whose name has 'labels' for 'images' and 'idx1' for 'idx3' (plain or .gz).",
      commandLineParamName = "labels",
      commandLineParamSynopsis = "-labels <file>",
      displayOrder = 1)
  public File getLabelsFile() {
    return labelsFile;
  }

  public void setLabelsFile(File labelsFile) {
    this.labelsFile = labelsFile == null ? new File("") : labelsFile;
  }

  public String labelsFileTipText() {
    return "The IDX label file of these images; empty to look beside the images file.";
  }

  @OptionMetadata(
      displayName = "sparse",
      description =
          "Give each image as a sparse instance, holding only its non-zero pixels: the same "
              + "values in about a third of the memory for MNIST, whose pixels are mostly 0.",
      commandLineParamName = "sparse",
      commandLineParamSynopsis = "-sparse",
      commandLineParamIsFlag = true,
      displayOrder = 2)
  public boolean getSparse() {
    return sparse;
  }

  public void setSparse(boolean sparse) {
    this.sparse = sparse;
  }

  public String sparseTipText() {
    return "Give each image as a sparse instance with only its non-zero pixels; same values, "
        + "less memory.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    return Option.listOptionsForClass(getClass()).elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    setLabelsFile(new File(""));
    setSparse(false);
    Option.setOptions(options, this, getClass());
  }

  @Override
  public String[] getOptions() {
    return Option.getOptions(this, getClass());
  }

  @Override
  public void reset() throws IOException {
    closeImages();
    super.reset();
    if (m_sourceFile != null) {
      setFile(m_sourceFile);
    }
  }

  @Override
  public void setSource(File file) throws IOException {
    closeImages();
    setRetrieval(NONE);
    if (file == null) {
      throw new IOException("Source file object is null!");
    }
    File resolved = new File(substituteEnvironment(file.getPath()));
    if (!resolved.isFile()) {
      throw new FileNotFoundException("IDX file not found: " + resolved);
    }
    m_sourceFile = file;
    m_File = file.getPath();
    openImages(new FileInputStream(resolved), resolved.getName(), resolved.length());
    try {
      labels = readLabels(resolveLabelsFile(resolved));
    } catch (IOException e) {
      closeImages();
      throw e;
    }
  }

  /** Resolves ${variables} in file names, as Weka's other file loaders do (Knowledge Flow). */
  private String substituteEnvironment(String path) {
    try {
      return (m_env == null ? Environment.getSystemWide() : m_env).substitute(path);
    } catch (Exception e) {
      return path;
    }
  }

  @Override
  public void setSource(InputStream input) throws IOException {
    closeImages();
    setRetrieval(NONE);
    openImages(input, "IDX stream", -1);
    labels = null;
  }

  private void openImages(InputStream input, String name, long length) throws IOException {
    m_structure = null;
    imagesName = name;
    nextIndex = 0;
    firstValues = null;
    try {
      images = new IdxReader(input, name, length);
      checkImageShape(name);
      if (images.hasNext()) {
        firstValues = images.readItem(1);
        rowValues = firstValues.clone();
      }
    } catch (IOException e) {
      closeImages();
      input.close();
      throw e;
    }
  }

  private void checkImageShape(String name) throws IOException {
    if (images.dimensions().length < 2) {
      throw new IOException(
          name
              + " is an IDX file of "
              + images.itemCount()
              + " single values "
              + "(a label file?). Open the images file; its labels are read along with it.");
    }
    if (images.itemSize() == 0) {
      throw new IOException(
          name
              + ": the IDX header declares images of 0 values (a dimension of "
              + "size 0), so there is nothing to load; the header is damaged or the file is not IDX");
    }
    if (images.itemSize() > MAX_VALUES_PER_IMAGE) {
      throw new IOException(
          String.format(
              "%s: the IDX header declares images of %,d values; "
                  + "IDXLoader makes one attribute per value and accepts at most %,d (1024 x 1024)",
              name, images.itemSize(), MAX_VALUES_PER_IMAGE));
    }
  }

  private File resolveLabelsFile(File imagesFile) {
    if (labelsFile.getPath().length() > 0) {
      return labelsFile;
    }
    String name = imagesFile.getName();
    String labelsName = name.replace("images", "labels").replace("idx3", "idx1");
    if (labelsName.equals(name)) {
      return null;
    }
    String plain =
        labelsName.endsWith(".gz") ? labelsName.substring(0, labelsName.length() - 3) : labelsName;
    for (String candidate : new String[] {plain, plain + ".gz"}) {
      File file = new File(imagesFile.getParentFile(), candidate);
      if (file.isFile()) {
        return file;
      }
    }
    return null;
  }

  private double[] readLabels(File file) throws IOException {
    if (file == null) {
      return null;
    }
    if (!file.isFile()) {
      throw new IOException("Label file not found: " + file);
    }
    double[] values;
    try (IdxReader reader =
        new IdxReader(new FileInputStream(file), file.getName(), file.length())) {
      if (!reader.type().isIntegral() || reader.itemSize() != 1) {
        throw new IOException(
            file.getName()
                + " is not an IDX label file: expected one whole "
                + "number per item, found "
                + reader.type()
                + " items of "
                + reader.itemSize()
                + " values");
      }
      checkSameCount(reader, file);
      values = reader.readAllScalars();
    }
    checkLabelRange(values, file);
    return values;
  }

  /** Compares the headers' counts before any label is read, so neither count is trusted alone. */
  private void checkSameCount(IdxReader labelReader, File file) throws IOException {
    if (labelReader.itemCount() != images.itemCount()) {
      throw new IOException(
          String.format(
              "Image/label count mismatch: the header of %s promises "
                  + "%d images but that of %s promises %d labels",
              imagesName, images.itemCount(), file.getName(), labelReader.itemCount()));
    }
  }

  private static void checkLabelRange(double[] values, File file) throws IOException {
    for (double label : values) {
      if (label < 0) {
        throw new IOException(file.getName() + ": negative label " + (long) label);
      }
      if (label > MAX_LABEL) {
        throw new IOException(
            String.format(
                "%s: label %d is too large: the class gets one value "
                    + "per number from 0 to the largest label, and IDXLoader accepts labels up to %,d",
                file.getName(), (long) label, MAX_LABEL));
      }
    }
  }

  @Override
  public Instances getStructure() throws IOException {
    if (images == null && m_structure == null) {
      throw new IOException("No source has been specified");
    }
    if (m_structure == null) {
      m_structure = buildStructure();
    }
    return new Instances(m_structure, 0);
  }

  private Instances buildStructure() {
    ArrayList<Attribute> attributes = new ArrayList<>(images.itemSize() + 1);
    for (int i = 1; i <= images.itemSize(); i++) {
      attributes.add(new Attribute("pixel" + i));
    }
    attributes.add(new Attribute("class", classValues()));
    Instances structure = new Instances(relationName(), attributes, 0);
    structure.setClassIndex(structure.numAttributes() - 1);
    return structure;
  }

  /** {0,...,9} as in OpenML's MNIST, widened when a label file holds larger labels. */
  private List<String> classValues() {
    int largest = 9;
    if (labels != null) {
      for (double label : labels) {
        largest = Math.max(largest, (int) label);
      }
    }
    List<String> values = new ArrayList<>(largest + 1);
    for (int v = 0; v <= largest; v++) {
      values.add(Integer.toString(v));
    }
    return values;
  }

  private String relationName() {
    String name = imagesName;
    for (String extension : EXTENSIONS) {
      if (name.endsWith(extension)) {
        return name.substring(0, name.length() - extension.length());
      }
    }
    return name;
  }

  @Override
  public Instances getDataSet() throws IOException {
    if (getRetrieval() == INCREMENTAL) {
      throw new IOException("Cannot mix getting instances in both incremental and batch modes");
    }
    Instances structure = getStructure();
    setRetrieval(BATCH);
    Instances data = new Instances(structure, Math.min(images.itemCount(), INITIAL_CAPACITY));
    Instance row;
    while ((row = readNext(structure)) != null) {
      data.add(row);
    }
    return data;
  }

  @Override
  public Instance getNextInstance(Instances structure) throws IOException {
    if (getRetrieval() == BATCH) {
      throw new IOException("Cannot mix getting instances in both incremental and batch modes");
    }
    setRetrieval(INCREMENTAL);
    if (m_structure == null) {
      getStructure();
    }
    return readNext(structure);
  }

  private Instance readNext(Instances structure) throws IOException {
    if (images == null || (firstValues == null && !images.hasNext())) {
      closeImages();
      return null;
    }
    double[] values;
    if (firstValues != null) {
      values = firstValues;
    } else if (sparse) {
      // a sparse instance copies what it keeps, so one array serves every row (a new one per row
      // made 376 MB of garbage for MNIST's 60,000 rows, which grew the Explorer's heap by as much)
      values = rowValues;
      images.readItem(values, 0);
    } else {
      values = images.readItem(1);
    }
    firstValues = null;
    values[values.length - 1] = labels == null ? Utils.missingValue() : labels[nextIndex];
    nextIndex++;
    Instance row = sparse ? sparseRow(values) : new DenseInstance(1.0, values);
    row.setDataset(structure);
    return row;
  }

  /**
   * The non-zero values of {@code values} as a sparse row of weight 1, as {@code new
   * SparseInstance(1.0, values)} makes it; that constructor first makes two arrays of the row's
   * full width, 565 MB of garbage for MNIST's 60,000 rows (which grew the Explorer's heap by as
   * much), where these exact ones make 108 MB.
   */
  static SparseInstance sparseRow(double[] values) {
    int count = 0;
    for (double value : values) {
      if (value != 0) {
        count++;
      }
    }
    double[] stored = new double[count];
    int[] indices = new int[count];
    for (int i = 0, k = 0; i < values.length; i++) {
      if (values[i] != 0) {
        stored[k] = values[i];
        indices[k++] = i;
      }
    }
    return new SparseInstance(1.0, stored, indices, values.length);
  }

  private void closeImages() throws IOException {
    firstValues = null;
    if (images != null) {
      IdxReader open = images;
      images = null;
      open.close();
    }
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return Citations.mnist();
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  /**
   * Prints the data of an IDX file as ARFF. Usage: {@code IDXLoader <images file> [-labels
   * <file>]}.
   */
  public static void main(String[] args) {
    runFileLoader(new IDXLoader(), args);
  }
}
