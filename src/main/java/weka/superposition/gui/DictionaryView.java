package weka.superposition.gui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import weka.core.Instances;
import weka.core.SerializedObject;
import weka.filters.unsupervised.attribute.SparseDictionary;
import weka.gui.GenericObjectEditor;
import weka.gui.PropertyPanel;
import weka.superposition.analysis.DictionaryAnalysis;
import weka.superposition.charts.DictionaryCharts;
import weka.superposition.charts.DictionaryCharts.FeatureCard;
import weka.superposition.describe.DictionaryReport;
import weka.superposition.dictionary.DictionaryTraining;

/**
 * A sparse dictionary trained in a window: the filter's options in Weka's object editor, Train and
 * Stop, a status line after every epoch, and once trained the filter's summary, the histogram of
 * feature densities and the dashboard of the strongest features. Training runs on its own thread,
 * on a copy of the options, and reports to the event thread in order.
 */
public class DictionaryView extends JPanel {

  private static final long serialVersionUID = 2871565902731460216L;

  /** The name of the training threads, by which a test sees that none is left after Stop. */
  public static final String TRAINING_THREAD = "Sparse dictionary training";

  private final Supplier<Instances> data;
  private final GenericObjectEditor editor = new GenericObjectEditor();

  private final JButton trainButton = new JButton("Train");
  private final JButton stopButton = new JButton("Stop");
  private final JLabel status =
      new JLabel("Press Train to learn a dictionary of the current data.");
  private final JTabbedPane tabs = new JTabbedPane();
  private final JTextArea summary = new JTextArea();
  private final ChartPanel densities = new ChartPanel(null, false);
  private final JLabel dashboard = new JLabel("The strongest features appear here after training.");

  private transient TrainingRun run;

  /** Event thread only: the epochs of the current run shown so far. */
  private int epochsDone;

  /** What the window shows of a trained dictionary, made on the training thread. */
  private record Trained(
      String summary, DictionaryAnalysis analysis, JFreeChart densities, BufferedImage dashboard) {}

  /**
   * @param data the rows to train on, read at Train: the non-class attributes (numeric) are the
   *     inputs, a nominal class gives the features' class shares
   */
  public DictionaryView(Supplier<Instances> data) {
    super(new BorderLayout());
    this.data = data;
    editor.setClassType(SparseDictionary.class);
    editor.setValue(new SparseDictionary());

    JPanel top = new JPanel(new BorderLayout());
    top.setBorder(BorderFactory.createTitledBorder("Sparse dictionary"));
    top.add(new PropertyPanel(editor), BorderLayout.NORTH);
    JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT));
    controls.add(trainButton);
    controls.add(stopButton);
    controls.add(status);
    top.add(controls, BorderLayout.SOUTH);
    trainButton.addActionListener(e -> train());
    stopButton.addActionListener(e -> stop());
    stopButton.setEnabled(false);
    add(top, BorderLayout.NORTH);

    summary.setEditable(false);
    summary.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    tabs.addTab("Summary", new JScrollPane(summary));
    densities.setMinimumDrawWidth(200);
    densities.setMinimumDrawHeight(200);
    densities.setMaximumDrawWidth(4000);
    densities.setMaximumDrawHeight(4000);
    tabs.addTab("Densities", densities);
    dashboard.setHorizontalAlignment(SwingConstants.LEFT);
    dashboard.setVerticalAlignment(SwingConstants.TOP);
    JScrollPane features = new JScrollPane(dashboard);
    features.getVerticalScrollBar().setUnitIncrement(24);
    tabs.addTab("Features", features);
    add(tabs, BorderLayout.CENTER);
  }

  /** Trains a copy of the editor's dictionary on the data, off the event thread. */
  public void train() {
    if (isRunning()) {
      return;
    }
    Instances rows = data.get();
    if (rows == null) {
      status.setText("No data to train on: load data in the Preprocess tab.");
      return;
    }
    SparseDictionary filter;
    try {
      filter = (SparseDictionary) new SerializedObject(editor.getValue()).getObject();
    } catch (Exception e) {
      showFailure(e);
      return;
    }
    trainButton.setEnabled(false);
    stopButton.setEnabled(true);
    status.setText("Training on " + rows.numInstances() + " rows...");
    epochsDone = 0;
    run = TrainingRun.start(TRAINING_THREAD, filter.getEpochs(), mine -> train(mine, filter, rows));
  }

  /**
   * On the training thread. Every event goes to the event thread through invokeLater, so the events
   * arrive in the order they were posted, the end last.
   */
  private void train(TrainingRun mine, SparseDictionary filter, Instances rows) {
    try {
      filter.trainOn(rows, epoch -> SwingUtilities.invokeLater(() -> epochDone(mine, epoch)));
      Trained trained = shown(filter, rows);
      SwingUtilities.invokeLater(() -> finished(mine, trained, null));
    } catch (Throwable e) {
      SwingUtilities.invokeLater(() -> finished(mine, null, e));
    }
  }

  /** The summary, the density histogram and the feature dashboard of a trained filter. */
  private static Trained shown(SparseDictionary filter, Instances rows) {
    DictionaryAnalysis a = filter.getAnalysis();
    JFreeChart histogram =
        DictionaryCharts.densityHistogram(
            a.densityBinEdges(),
            a.densityHistogram(),
            a.deadFeatures(),
            a.denseFeatures(),
            "Feature densities");
    // these rows have no images: the cards show class shares only
    List<FeatureCard> cards =
        DictionaryCharts.featureCards(
            a, DictionaryCharts.DASHBOARD_FEATURES, DictionaryReport.classNames(rows), null, 0, 0);
    BufferedImage image =
        DictionaryCharts.featureDashboard(
            cards,
            String.format(
                Locale.ROOT,
                "The %d strongest (largest mean activation) of %d features",
                cards.size(),
                a.density().length));
    return new Trained(filter.toString(), a, histogram, image);
  }

  private void epochDone(TrainingRun from, DictionaryTraining.Epoch epoch) {
    if (from != run || from.finished() || from.stopped()) {
      return; // an epoch of an earlier run, or one that ended after Stop
    }
    epochsDone = epoch.epoch();
    status.setText(
        String.format(
            Locale.ROOT,
            "Epoch %d of %d, unexplained variance %.3f, dead %d",
            epoch.epoch(),
            from.epochs(),
            epoch.fvu(),
            epoch.dead()));
  }

  /** On the event thread, once the training thread has posted its last event. */
  private void finished(TrainingRun from, Trained trained, Throwable error) {
    if (from != run || !from.finish()) {
      return;
    }
    trainButton.setEnabled(true);
    stopButton.setEnabled(false);
    if (error != null && from.stopped()) {
      status.setText("Stopped after " + epochsDone + " epoch(s).");
    } else if (error != null) {
      showFailure(error);
    } else {
      // also when Stop came after the last epoch: the dictionary is whole
      DictionaryAnalysis a = trained.analysis();
      status.setText(
          String.format(
              Locale.ROOT,
              "Done: unexplained variance %.3f, %.1f active features per row, %d of %d dead",
              a.fvu(),
              a.l0(),
              a.deadFeatures(),
              a.density().length));
      summary.setText(trained.summary());
      summary.setCaretPosition(0);
      densities.setChart(trained.densities());
      dashboard.setText(null);
      dashboard.setIcon(new ImageIcon(trained.dashboard()));
    }
  }

  /**
   * Stops training before the next mini-batch: the status says "Stopped" once the training thread
   * has ended.
   */
  public void stop() {
    if (run != null && run.stop()) {
      stopButton.setEnabled(false);
      status.setText("Stopping...");
    }
  }

  /** Whether a training thread is running (or its end is not shown yet). */
  public boolean isRunning() {
    return TrainingRun.running(run);
  }

  /** The status line's text. */
  public String status() {
    return status.getText();
  }

  /** The dictionary whose options Train uses (a copy of it is trained). */
  public SparseDictionary getDictionary() {
    return (SparseDictionary) editor.getValue();
  }

  public void setDictionary(SparseDictionary dictionary) {
    editor.setValue(dictionary);
  }

  private void showFailure(Throwable e) {
    String message = TrainingRun.rootMessage(e);
    status.setText("Failed: " + message);
    if (isShowing()) {
      JOptionPane.showMessageDialog(this, message, "Sparse dictionary", JOptionPane.ERROR_MESSAGE);
    }
  }
}
