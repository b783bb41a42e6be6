package weka.superposition.gui;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;

/** A sweep window's run controls, and what it shows when its runs end: done, stopped or failed. */
final class SweepStatus {

  private SweepStatus() {}

  /** Start, Stop and the status line at the end of a sweep window's controls; Stop off at first. */
  static void addRunControls(
      JPanel controls,
      JButton start,
      JButton stop,
      JLabel status,
      Runnable onStart,
      Runnable onStop) {
    controls.add(start);
    controls.add(stop);
    controls.add(status);
    stop.setEnabled(false);
    start.addActionListener(e -> onStart.run());
    stop.addActionListener(e -> onStop.run());
  }

  /** Called from the sweep's SwingWorker.done() with the worker itself, on the event thread. */
  static void finished(Future<?> sweep, JButton start, JButton stop, JLabel status, int runs) {
    start.setEnabled(true);
    stop.setEnabled(false);
    try {
      sweep.get();
      status.setText("Done: " + runs + " runs.");
    } catch (CancellationException e) {
      status.setText("Stopped after " + runs + " runs.");
    } catch (Exception e) {
      status.setText("Failed: " + e.getCause());
    }
  }
}
