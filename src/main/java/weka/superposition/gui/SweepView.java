package weka.superposition.gui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingWorker;
import org.jfree.chart.ChartPanel;
import weka.superposition.charts.SweepCharts;
import weka.superposition.experiments.SparsitySweep;
import weka.superposition.experiments.SparsitySweep.Run;
import weka.superposition.experiments.ToySweep;
import weka.superposition.report.SweepReport;

/**
 * Elhage et al.'s sparsity sweep in the Explorer: trains the toy model (5 features into 2
 * dimensions, importance 0.9^i, 10,000 steps) for each sparsity and seed off the event thread, and
 * shows per sparsity the W_i of the first seed and their norms, and the dimensions per feature
 * against 1 / (1 - S).
 */
public class SweepView extends JPanel {

  private static final long serialVersionUID = 1918300434120557744L;

  private final JTextField sparsities = new JTextField(listed(SweepReport.DEFAULT_SPARSITIES), 24);
  private final JSpinner seeds = new JSpinner(new SpinnerNumberModel(3, 1, 20, 1));
  private final SweepControls controls =
      new SweepControls("5 features into 2 dimensions, importance 0.9^i.", this::start, this::stop);
  private final JPanel rows = new JPanel(new GridLayout(0, 2));
  private final ChartPanel dimensions = new ChartPanel(null, false);
  private final List<Run> runs = new ArrayList<>();
  private transient SwingWorker<List<Run>, Run> worker;

  public SweepView() {
    super(new BorderLayout());
    add(
        controls.row(new JLabel("Sparsities"), sparsities, new JLabel("Seeds"), seeds),
        BorderLayout.NORTH);
    dimensions.setPreferredSize(new Dimension(420, 360));
    JPanel center = new JPanel(new BorderLayout());
    center.add(new JScrollPane(rows), BorderLayout.CENTER);
    center.add(dimensions, BorderLayout.EAST);
    add(center, BorderLayout.CENTER);
  }

  /** Starts the sweep with the sparsities and seeds in the controls. */
  public void start() {
    double[] values;
    try {
      values =
          Arrays.stream(sparsities.getText().split("[,\\s]+"))
              .filter(t -> !t.isEmpty())
              .mapToDouble(Double::parseDouble)
              .toArray();
    } catch (NumberFormatException e) {
      controls.status("Sparsities: numbers in [0, 1) separated by commas");
      return;
    }
    ToySweep.Settings settings = SparsitySweep.paper(values, (Integer) seeds.getValue());
    runs.clear();
    rows.removeAll();
    controls.started();
    worker =
        new SwingWorker<>() {
          @Override
          protected List<Run> doInBackground() throws Exception {
            return SparsitySweep.run(settings, (run, done, total) -> publish(run));
          }

          @Override
          protected void process(List<Run> chunks) {
            for (Run run : chunks) {
              runs.add(run);
              if (run.seed() == 1) {
                rows.add(
                    panel(
                        new ChartPanel(
                            SweepCharts.vectors(run, SparsitySweep.importanceDecay(settings)))));
                rows.add(panel(new ChartPanel(SweepCharts.norms(run))));
              }
            }
            dimensions.setChart(SweepCharts.dimensionsPerFeature(runs));
            controls.progress(runs.size(), settings.jobs());
            rows.revalidate();
          }

          @Override
          protected void done() {
            controls.finished(this, runs.size());
          }
        };
    worker.execute();
  }

  /** "0, 0.5, ..." as typed: the report's defaults are the sweep's one definition. */
  static String listed(double[] sparsities) {
    return Arrays.stream(sparsities)
        .mapToObj(s -> s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static ChartPanel panel(ChartPanel panel) {
    panel.setPreferredSize(new Dimension(380, 330));
    return panel;
  }

  /** Stops at the next mini-batch. */
  public void stop() {
    if (worker != null) {
      worker.cancel(true);
    }
  }
}
