package weka.superposition.gui;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import javax.swing.JButton;
import javax.swing.JLabel;

/** What a sweep window shows when its runs end: done, stopped or failed, and the buttons reset. */
final class SweepStatus {

  private SweepStatus() {}

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
