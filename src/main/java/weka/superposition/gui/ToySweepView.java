package weka.superposition.gui;

import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingWorker;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import weka.superposition.autoencoder.ToyTraining;
import weka.superposition.charts.ToySweepCharts;
import weka.superposition.experiments.FeatureDimensionality;
import weka.superposition.experiments.PhaseDiagram;
import weka.superposition.experiments.ToySweep;

/**
 * The paper's phase diagram (2 features in 1 dimension) or its feature-dimensionality experiment in
 * the Explorer: trains the toy models on all cores off the event thread, as the paper's code trains
 * them, and redraws the figure as runs finish.
 */
public class ToySweepView extends JPanel {

  private static final long serialVersionUID = 6200851129465038514L;

  private final JComboBox<String> experiment =
      new JComboBox<>(new String[] {PhaseDiagram.EXPERIMENT, FeatureDimensionality.EXPERIMENT});
  private final JSpinner size = new JSpinner(new SpinnerNumberModel(10, 2, 40, 1));
  private final JSpinner steps = new JSpinner(new SpinnerNumberModel(10_000, 100, 100_000, 1000));
  private final SweepControls controls =
      new SweepControls(
          "Grid: cells a side (phase diagram) or density levels.", this::start, this::stop);
  private final ChartPanel chart = new ChartPanel(null, false);
  private transient SwingWorker<List<ToySweep.Run>, ToySweep.Run> worker;

  public ToySweepView() {
    super(new BorderLayout());
    add(
        controls.row(experiment, new JLabel("Grid"), size, new JLabel("Steps"), steps),
        BorderLayout.NORTH);
    add(chart, BorderLayout.CENTER);
  }

  /** The sweep the controls describe; the dimensionality experiment with 100 features in 10. */
  ToySweep.Settings settings() {
    int n = (Integer) size.getValue();
    ToyTraining training = ToyTraining.PAPER.withSteps((Integer) steps.getValue());
    return PhaseDiagram.EXPERIMENT.equals(experiment.getSelectedItem())
        ? PhaseDiagram.settings(n, 1, training)
        : FeatureDimensionality.settings(100, 10, n, 1, training);
  }

  private static JFreeChart figure(ToySweep.Settings s, List<ToySweep.Run> runs) {
    return PhaseDiagram.EXPERIMENT.equals(s.experiment())
        ? ToySweepCharts.phaseDiagram(s, runs)
        : ToySweepCharts.dimensionality(s, runs);
  }

  /** Starts the sweep the controls describe. */
  public void start() {
    ToySweep.Settings s = settings();
    List<ToySweep.Run> runs = new ArrayList<>();
    controls.started();
    worker =
        new SwingWorker<>() {
          @Override
          protected List<ToySweep.Run> doInBackground() throws Exception {
            return ToySweep.run(
                s, ToySweep.Shard.ALL, ToySweep.defaultThreads(), (run, d, t) -> publish(run));
          }

          @Override
          protected void process(List<ToySweep.Run> chunks) {
            runs.addAll(chunks);
            chart.setChart(figure(s, runs));
            controls.progress(runs.size(), s.jobs());
          }

          @Override
          protected void done() {
            controls.finished(this, runs.size());
          }
        };
    worker.execute();
  }

  /** Stops the runs under way at their next step. */
  public void stop() {
    if (worker != null) {
      worker.cancel(true);
    }
  }
}
