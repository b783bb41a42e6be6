package weka.superposition.gui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSlider;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.SwingWorker;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import weka.core.Instances;
import weka.core.SerializedObject;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.superposition.analysis.Analysis;
import weka.superposition.autoencoder.AutoencoderTraining;
import weka.superposition.charts.ChartImages;
import weka.superposition.charts.SuperpositionCharts;
import weka.superposition.charts.SuperpositionCharts.VectorLength;
import weka.superposition.report.AnalysisReport;

/**
 * Trains the autoencoder on a data set off the event thread and shows it as it learns: the
 * feature-vector plots redrawn after every epoch (a slider steps back through them), the weight
 * analysis, and the summary with the error's references; Stop, and Save as PNG.
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

  private final List<Analysis> epochs = new ArrayList<>();
  private transient SwingWorker<AutoencoderTraining.Result, Analysis> worker;
  private transient AutoencoderTraining.Result result;

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

    JPanel vectors = new JPanel(new BorderLayout());
    JPanel plots = new JPanel(new GridLayout(1, 2));
    plots.add(flexPanel);
    plots.add(fix1Panel);
    vectors.add(plots, BorderLayout.CENTER);
    JPanel sliderRow = new JPanel(new BorderLayout());
    sliderRow.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
    sliderRow.add(new JLabel("Epoch  "), BorderLayout.WEST);
    sliderRow.add(epochSlider, BorderLayout.CENTER);
    epochSlider.setEnabled(false);
    epochSlider.setPaintLabels(true);
    epochSlider.setMajorTickSpacing(1);
    epochSlider.addChangeListener(e -> showEpoch(epochSlider.getValue()));
    vectors.add(sliderRow, BorderLayout.SOUTH);
    tabs.addTab("Feature vectors", vectors);
    tabs.addTab("Weight analysis", weightPanel);
    summary.setEditable(false);
    summary.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    tabs.addTab("Summary", new JScrollPane(summary));
    add(tabs, BorderLayout.CENTER);
  }

  private static ChartPanel chartPanel() {
    ChartPanel panel = new ChartPanel(null, false);
    panel.setMinimumDrawWidth(200);
    panel.setMinimumDrawHeight(200);
    panel.setMaximumDrawWidth(4000);
    panel.setMaximumDrawHeight(4000);
    return panel;
  }

  /** Starts training on a copy of the settings, analysing after every epoch. */
  public void start() {
    if (worker != null && !worker.isDone()) {
      return;
    }
    SuperpositionAutoencoder filter;
    Instances features = data.get();
    try {
      filter = (SuperpositionAutoencoder) new SerializedObject(settings.get()).getObject();
    } catch (Exception e) {
      showError(e);
      return;
    }
    if (features == null) {
      showError(new IllegalStateException("No data to train on"));
      return;
    }
    filter.setAnalyseEveryEpoch(true);
    epochs.clear();
    result = null;
    startButton.setEnabled(false);
    stopButton.setEnabled(true);
    saveButton.setEnabled(false);
    status.setText("Training on " + features.numInstances() + " rows...");
    worker =
        new SwingWorker<>() {
          @Override
          protected AutoencoderTraining.Result doInBackground() throws Exception {
            return filter.trainOn(
                features,
                (record, analysis) -> {
                  if (analysis != null) {
                    publish(analysis);
                  }
                });
          }

          @Override
          protected void process(List<Analysis> chunks) {
            epochs.addAll(chunks);
            Analysis last = epochs.get(epochs.size() - 1);
            status.setText(
                String.format(
                    Locale.ROOT,
                    "Epoch %d of %d: MSE %.5f (feature means " + "%.5f, PCA %.5f)",
                    last.epoch(),
                    filter.getEpochs(),
                    last.summary().mse(),
                    last.summary().meanPredictorMse(),
                    last.summary().pcaMse()));
            epochSlider.setMaximum(epochs.size());
            epochSlider.setEnabled(epochs.size() > 1);
            epochSlider.setValue(epochs.size());
            showEpoch(epochs.size());
            saveButton.setEnabled(true);
          }

          @Override
          protected void done() {
            finished(this);
          }
        };
    worker.execute();
  }

  private void finished(SwingWorker<AutoencoderTraining.Result, Analysis> done) {
    startButton.setEnabled(true);
    stopButton.setEnabled(false);
    try {
      result = done.get();
      status.setText(
          String.format(
              Locale.ROOT,
              "Done: MSE %.5f (feature means %.5f, PCA %.5f)",
              result.analysis().summary().mse(),
              result.analysis().summary().meanPredictorMse(),
              result.analysis().summary().pcaMse()));
      summary.setText(AnalysisReport.summary(result));
    } catch (CancellationException e) {
      status.setText("Stopped after " + epochs.size() + " epoch(s).");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      status.setText("Failed: " + rootMessage(e));
      showError(e);
    }
  }

  /** Stops training at the next mini-batch; its TensorFlow session is closed. */
  public void stop() {
    if (worker != null) {
      worker.cancel(true);
    }
  }

  /** The analyses received so far, one per epoch. */
  public List<Analysis> epochs() {
    return List.copyOf(epochs);
  }

  private void showEpoch(int epoch) {
    if (epoch < 1 || epoch > epochs.size()) {
      return;
    }
    Analysis a = epochs.get(epoch - 1);
    flexPanel.setChart(SuperpositionCharts.featureVectors(a, VectorLength.FLEX, 5));
    fix1Panel.setChart(SuperpositionCharts.featureVectors(a, VectorLength.FIX1, 5));
    weightPanel.removeAll();
    for (JFreeChart chart : SuperpositionCharts.weightAnalysis(a)) {
      weightPanel.add(chartPanel(chart));
    }
    weightPanel.revalidate();
    weightPanel.repaint();
    if (result == null) {
      summary.setText(
          String.format(
              Locale.ROOT,
              "Epoch %d: MSE %.5f, feature means %.5f, PCA " + "%.5f%n",
              a.epoch(),
              a.summary().mse(),
              a.summary().meanPredictorMse(),
              a.summary().pcaMse()));
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

  /** Writes the plots of every epoch so far and the weight analysis of the last into a folder. */
  public List<java.nio.file.Path> save(File folder) {
    try {
      List<java.nio.file.Path> files =
          ChartImages.writePlots(epochs, epochs.get(epochs.size() - 1), folder.toPath());
      status.setText("Saved " + files.size() + " PNG files in " + folder);
      return files;
    } catch (Exception e) {
      showError(e);
      return List.of();
    }
  }

  private void showError(Exception e) {
    if (isShowing()) {
      JOptionPane.showMessageDialog(
          this, rootMessage(e), "Superposition", JOptionPane.ERROR_MESSAGE);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    if (e instanceof java.util.concurrent.ExecutionException && e.getCause() != null) {
      cause = e.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
