package weka.superposition.gui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GridLayout;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSlider;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import weka.core.Instances;
import weka.core.SerializedObject;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.gui.Logger;
import weka.superposition.analysis.Analysis;
import weka.superposition.autoencoder.AutoencoderTraining;
import weka.superposition.charts.ChartImages;
import weka.superposition.charts.HiddenWeightCharts;
import weka.superposition.charts.SuperpositionCharts;
import weka.superposition.charts.SuperpositionCharts.VectorLength;
import weka.superposition.describe.AnalysisReport;

/**
 * Trains the autoencoder on a data set off the event thread and shows it as it learns: the
 * feature-vector plots redrawn after every epoch (a slider steps back through them), the weight
 * analysis, and the summary with the error's references; for a classifier's hidden units, their
 * input weights as pictures ({@link #showHiddenWeights}); Stop, and Save as PNG.
 */
public class SuperpositionView extends JPanel {

  private static final long serialVersionUID = -6467066911062287651L;

  private final Supplier<Instances> data;
  private final Supplier<SuperpositionAutoencoder> settings;

  private final JButton startButton = new JButton("Start");
  private final JButton stopButton = new JButton("Stop");
  private final JButton saveButton = new JButton("Save as PNG...");
  private final JLabel status = new JLabel("Press Start to train the autoencoder.");
  private final ChartPanel flexPanel = chartPanel();
  private final ChartPanel fix1Panel = chartPanel();
  private final JSlider epochSlider = new JSlider(1, 1, 1);
  private final JPanel weightPanel = new JPanel(new GridLayout(2, 3));
  private final JTextArea summary = new JTextArea();
  private final JTabbedPane tabs = new JTabbedPane();

  /** The "Weights" tab, in the view once {@link #showHiddenWeights} gave it a hidden layer. */
  private final JPanel weightsTab = new JPanel(new BorderLayout());

  private final FittedImage weightsImage = new FittedImage();
  private final JLabel weightsNote = new JLabel(" ");
  private transient HiddenLayer hiddenLayer;

  /** The weights' picture may be shown this much smaller than drawn, no smaller. */
  private static final double WEIGHTS_SHRINK = 0.85;

  private transient int[] weightsRank;

  private final JLabel shown = new JLabel(" ");

  private final List<Analysis> epochs = new ArrayList<>();
  private transient TrainingRun run;
  private transient AutoencoderTraining.Result result;
  private transient Supplier<String> startCheck = () -> null;
  private transient Logger log;
  private int shownEpoch;

  /** A classifier's hidden layer, as {@link HiddenWeightCharts#hiddenWeights} draws it. */
  private record HiddenLayer(float[] kernel, int inputs, int units, String title) {}

  /**
   * @param data the features to study (all non-class attributes numeric), read at Start
   * @param settings the autoencoder whose options to use, read at Start (a copy is trained)
   */
  public SuperpositionView(Supplier<Instances> data, Supplier<SuperpositionAutoencoder> settings) {
    super(new BorderLayout());
    this.data = data;
    this.settings = settings;

    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT));
    buttons.add(startButton);
    buttons.add(stopButton);
    buttons.add(saveButton);
    buttons.add(status);
    startButton.addActionListener(e -> start());
    stopButton.addActionListener(e -> stop());
    saveButton.addActionListener(e -> chooseFolderAndSave());
    stopButton.setEnabled(false);
    saveButton.setEnabled(false);
    add(buttons, BorderLayout.NORTH);

    JPanel plots = new JPanel(new GridLayout(1, 2));
    plots.add(flexPanel);
    plots.add(fix1Panel);
    tabs.addTab("Feature vectors", plots);
    tabs.addTab("Weight analysis", weightPanel);
    summary.setEditable(false);
    summary.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    tabs.addTab("Summary", new JScrollPane(summary));
    add(tabs, BorderLayout.CENTER);
    weightsNote.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
    weightsTab.add(weightsNote, BorderLayout.NORTH);
    weightsTab.add(weightsImage, BorderLayout.CENTER);
    add(sliderRow(), BorderLayout.SOUTH);
  }

  /** The epoch slider, below the tabs because it drives all of them, and what it shows. */
  private JPanel sliderRow() {
    JPanel row = new JPanel(new BorderLayout());
    row.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
    row.add(new JLabel("Epoch  "), BorderLayout.WEST);
    row.add(epochSlider, BorderLayout.CENTER);
    row.add(shown, BorderLayout.SOUTH);
    epochSlider.setEnabled(false);
    epochSlider.setPaintLabels(true);
    epochSlider.setMajorTickSpacing(1);
    epochSlider.addChangeListener(e -> showEpoch(epochSlider.getValue()));
    return row;
  }

  private static ChartPanel chartPanel() {
    ChartPanel panel = new ChartPanel(null, false);
    panel.setMinimumDrawWidth(200);
    panel.setMinimumDrawHeight(200);
    panel.setMaximumDrawWidth(4000);
    panel.setMaximumDrawHeight(4000);
    return panel;
  }

  /**
   * A check of the data before training: a warning to confirm (with "Train anyway?"), or null to
   * train at once.
   */
  public void setStartCheck(Supplier<String> check) {
    startCheck = check;
  }

  /** The Explorer's log, whose status bar follows this view's status; null for none. */
  public void setLog(Logger log) {
    this.log = log;
  }

  /**
   * Adds the tab "Weights": the hidden units' input weights of the classifier whose activations are
   * the features, one square tile per unit ({@link HiddenWeightCharts}); in unit order until an
   * epoch's analysis ranks the units, then in the importance order of the epoch the slider shows.
   * Where the inputs are not a square image, the tab says so instead.
   *
   * @param kernel the hidden layer's kernel {@code [inputs, units]} row-major; unit {@code u} is
   *     feature {@code u} of the data
   */
  public void showHiddenWeights(float[] kernel, int inputs, int units, String title) {
    hiddenLayer = new HiddenLayer(kernel, inputs, units, title);
    if (tabs.indexOfComponent(weightsTab) < 0) {
      tabs.addTab("Weights", weightsTab);
    }
    drawHiddenWeights(shownEpoch == 0 ? null : epochs.get(shownEpoch - 1));
  }

  /**
   * The units in the order the "Weights" tab shows them, most important first; null while unranked
   * (no analysis yet, or one of other features).
   */
  int[] hiddenWeightsRank() {
    return weightsRank == null ? null : weightsRank.clone();
  }

  /** Redraws the "Weights" tab, ranked by {@code analysis} (null: unranked). */
  private void drawHiddenWeights(Analysis analysis) {
    if (hiddenLayer == null) {
      return;
    }
    int[] rank = ranks(analysis);
    try {
      // drawn for the tab's size, each input a whole number of pixels, again when it changes; a
      // little larger than the tab and scaled down, rather than at one pixel less per input
      weightsImage.setImage(
          (width, height) ->
              HiddenWeightCharts.hiddenWeights(
                  hiddenLayer.kernel(),
                  hiddenLayer.inputs(),
                  hiddenLayer.units(),
                  rank,
                  hiddenLayer.title(),
                  (int) (width / WEIGHTS_SHRINK),
                  (int) (height / WEIGHTS_SHRINK)));
      weightsRank = rank;
      weightsNote.setText(
          rank == null
              ? "Unranked: the tiles take the autoencoder's importance order after its first epoch."
              : "Ranked by the importance in epoch " + analysis.epoch() + "'s analysis.");
    } catch (IllegalArgumentException e) {
      weightsImage.setImage(null);
      weightsRank = null;
      weightsNote.setText("No picture of the weights: " + e.getMessage());
    }
  }

  /** The hidden units by importance in {@code analysis}; null when it does not rank them all. */
  private int[] ranks(Analysis analysis) {
    return analysis == null || analysis.importance().rank().length != hiddenLayer.units()
        ? null
        : analysis.importance().rank();
  }

  private BufferedImage hiddenWeights(int[] rank) {
    return HiddenWeightCharts.hiddenWeights(
        hiddenLayer.kernel(), hiddenLayer.inputs(), hiddenLayer.units(), rank, hiddenLayer.title());
  }

  /** Starts training on a copy of the settings, analysing after every epoch. */
  public void start() {
    if (isRunning()) {
      return;
    }
    if (!confirmed(startCheck.get())) {
      return;
    }
    SuperpositionAutoencoder filter;
    Instances features;
    try {
      features = data.get();
      filter = (SuperpositionAutoencoder) new SerializedObject(settings.get()).getObject();
    } catch (Exception e) {
      showError(e);
      return;
    }
    if (features == null) {
      showError(new IllegalStateException("No data to train on: load data in the Preprocess tab"));
      return;
    }
    filter.setAnalyseEveryEpoch(true);
    epochs.clear();
    result = null;
    shownEpoch = 0;
    drawHiddenWeights(null);
    epochSlider.setValue(1);
    epochSlider.setMaximum(1);
    epochSlider.setEnabled(false);
    startButton.setEnabled(false);
    stopButton.setEnabled(true);
    saveButton.setEnabled(false);
    setStatus("Training on " + features.numInstances() + " rows...");
    run =
        TrainingRun.start(
            TRAINING_THREAD, filter.getEpochs(), mine -> train(mine, filter, features));
  }

  /** The name of the training threads, by which a test sees that none is left after Stop. */
  public static final String TRAINING_THREAD = "Superposition training";

  private boolean confirmed(String warning) {
    return warning == null
        || JOptionPane.showConfirmDialog(
                this,
                warning + "\n\nTrain anyway?",
                "Superposition: these data may not be features",
                JOptionPane.YES_NO_OPTION,
                JOptionPane.WARNING_MESSAGE)
            == JOptionPane.YES_OPTION;
  }

  /** On the training thread: every event goes to the event thread, tagged with its run. */
  private void train(TrainingRun mine, SuperpositionAutoencoder filter, Instances features) {
    try {
      AutoencoderTraining.Result trained =
          filter.trainOn(
              features,
              (record, analysis) -> {
                if (mine.stopped()) {
                  throw new InterruptedException("Training stopped");
                }
                if (analysis != null) {
                  SwingUtilities.invokeLater(() -> epochDone(mine, analysis));
                }
              });
      SwingUtilities.invokeLater(() -> finished(mine, trained, null));
    } catch (Throwable e) {
      SwingUtilities.invokeLater(() -> finished(mine, null, e));
    }
  }

  private void epochDone(TrainingRun from, Analysis analysis) {
    if (from != run || from.stopped()) {
      return; // an epoch that ended after Stop, or of an earlier run
    }
    boolean following = epochs.isEmpty() || epochSlider.getValue() == epochs.size();
    epochs.add(analysis);
    setStatus("Epoch " + analysis.epoch() + " of " + from.epochs() + ": " + errors(analysis));
    epochSlider.setMaximum(epochs.size());
    epochSlider.setEnabled(epochs.size() > 1);
    if (following) {
      epochSlider.setValue(epochs.size());
    }
    showEpoch(epochSlider.getValue());
    saveButton.setEnabled(true);
  }

  /** On the event thread, once the training thread has nothing left to do. */
  private void finished(TrainingRun from, AutoencoderTraining.Result trained, Throwable error) {
    if (from != run || !from.finish()) {
      return;
    }
    startButton.setEnabled(true);
    stopButton.setEnabled(false);
    if (from.stopped()) {
      setStatus("Stopped after " + epochs.size() + " epoch(s).");
    } else if (error != null) {
      setStatus("Failed: " + rootMessage(error));
      showError(error);
    } else {
      result = trained;
      setStatus("Done: " + errors(trained.analysis()));
      // the filter itself writes the summary into the Explorer's log
      showSummary(AnalysisReport.summary(trained));
    }
  }

  /**
   * Stops training at the next mini-batch or at the end of the epoch's analysis; the window says
   * "Stopped" once the training thread has ended and its TensorFlow session is closed.
   */
  public void stop() {
    // also when the thread has ended but its last epochs still wait on the event queue
    if (run != null && run.stop()) {
      stopButton.setEnabled(false);
      setStatus("Stopping...");
    }
  }

  /** Whether a training thread is running. */
  public boolean isRunning() {
    return TrainingRun.running(run);
  }

  /** The analyses received so far, one per epoch. */
  public List<Analysis> epochs() {
    return List.copyOf(epochs);
  }

  /** Shows one epoch in every tab at once: all charts are built from the same analysis. */
  private void showEpoch(int epoch) {
    if (epoch < 1 || epoch > epochs.size() || epoch == shownEpoch) {
      return;
    }
    shownEpoch = epoch;
    Analysis a = epochs.get(epoch - 1);
    JFreeChart flex = SuperpositionCharts.featureVectors(a, VectorLength.FLEX, 5);
    JFreeChart fix1 = SuperpositionCharts.featureVectors(a, VectorLength.FIX1, 5);
    JFreeChart[] weights = SuperpositionCharts.weightAnalysis(a);
    flexPanel.setChart(flex);
    fix1Panel.setChart(fix1);
    weightPanel.removeAll();
    for (JFreeChart chart : weights) {
      weightPanel.add(chartPanel(chart));
    }
    weightPanel.revalidate();
    weightPanel.repaint();
    drawHiddenWeights(a);
    String line = "Showing epoch " + a.epoch() + " of " + epochs.size() + ": " + errors(a);
    shown.setText(line);
    if (result == null) {
      showSummary(line + System.lineSeparator());
    }
  }

  /** "MSE m (feature means f, PCA p)": the error of {@code a} and its two references. */
  private static String errors(Analysis a) {
    return String.format(
        Locale.ROOT,
        "MSE %.5f (feature means %.5f, PCA %.5f)",
        a.summary().mse(),
        a.summary().meanPredictorMse(),
        a.summary().pcaMse());
  }

  /** The summary from its first line: a long text would otherwise open scrolled to its end. */
  private void showSummary(String text) {
    summary.setText(text);
    summary.setCaretPosition(0);
  }

  private void setStatus(String text) {
    status.setText(text);
    if (log != null) {
      log.statusMessage(text);
    }
  }

  private static ChartPanel chartPanel(JFreeChart chart) {
    ChartPanel panel = chartPanel();
    panel.setChart(chart);
    return panel;
  }

  private void chooseFolderAndSave() {
    JFileChooser chooser = new JFileChooser();
    chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
    chooser.setDialogTitle("Folder for the PNG files");
    if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
      save(chooser.getSelectedFile());
    }
  }

  /**
   * Writes the plots of every epoch so far and the weight analysis of the last into a folder, and
   * the hidden units' input weights ranked by the last, where the view has them as a picture.
   */
  public List<java.nio.file.Path> save(File folder) {
    try {
      Analysis last = epochs.get(epochs.size() - 1);
      List<java.nio.file.Path> files =
          new ArrayList<>(ChartImages.writePlots(epochs, last, folder.toPath()));
      if (weightsImage.image() != null) {
        java.nio.file.Path file = folder.toPath().resolve(HiddenWeightCharts.FILE);
        ChartImages.writePng(hiddenWeights(ranks(last)), file);
        files.add(file);
      }
      setStatus("Saved " + files.size() + " PNG files in " + folder);
      return files;
    } catch (Exception e) {
      showError(e);
      return List.of();
    }
  }

  private void showError(Throwable e) {
    if (isShowing()) {
      JOptionPane.showMessageDialog(
          this, rootMessage(e), "Superposition", JOptionPane.ERROR_MESSAGE);
    }
  }

  private static String rootMessage(Throwable e) {
    if (e instanceof java.util.concurrent.ExecutionException && e.getCause() != null) {
      Throwable cause = e.getCause();
      return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
    return TrainingRun.rootMessage(e);
  }

  /**
   * An image drawn for the component's size, centred, scaled down when it is still larger; drawn
   * again when the size changes; empty without one.
   */
  private static final class FittedImage extends JComponent {

    private static final long serialVersionUID = 6071412523914373870L;

    /** The size to draw for before the component has one. */
    private static final Dimension FIRST_SIZE = new Dimension(1100, 600);

    private transient BiFunction<Integer, Integer, BufferedImage> drawing;
    private transient BufferedImage image;
    private Dimension drawnFor;

    /**
     * Draws at once for the component's size, so that a drawing that refuses its data throws here.
     *
     * @param drawing an image for a width and a height; null for none
     */
    void setImage(BiFunction<Integer, Integer, BufferedImage> drawing) {
      this.drawing = drawing;
      this.image = null;
      this.drawnFor = null;
      if (drawing != null) {
        drawFor(getWidth() > 0 && getHeight() > 0 ? getSize() : FIRST_SIZE);
      }
      repaint();
    }

    BufferedImage image() {
      return image;
    }

    private void drawFor(Dimension size) {
      image = drawing.apply(size.width, size.height);
      drawnFor = size;
    }

    @Override
    protected void paintComponent(Graphics g) {
      if (drawing == null) {
        return;
      }
      if (!getSize().equals(drawnFor) && getWidth() > 0 && getHeight() > 0) {
        drawFor(getSize());
      }
      double scale =
          Math.min(
              1,
              Math.min(
                  getWidth() / (double) image.getWidth(),
                  getHeight() / (double) image.getHeight()));
      int width = (int) Math.round(image.getWidth() * scale);
      int height = (int) Math.round(image.getHeight() * scale);
      Graphics2D g2 = (Graphics2D) g.create();
      try {
        g2.setRenderingHint(
            RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g2.drawImage(
            image, (getWidth() - width) / 2, (getHeight() - height) / 2, width, height, null);
      } finally {
        g2.dispose();
      }
    }
  }
}
