package weka.superposition.gui;

import java.awt.FlowLayout;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * A sweep window's Start, Stop and status line, and what they show as its runs start, go on and
 * end: done, stopped or failed.
 */
final class SweepControls {

  private final JButton start = new JButton("Start");
  private final JButton stop = new JButton("Stop");
  private final JLabel status;

  /** Controls whose status line first says {@code firstStatus}; Stop is off until a start. */
  SweepControls(String firstStatus, Runnable onStart, Runnable onStop) {
    status = new JLabel(firstStatus);
    stop.setEnabled(false);
    start.addActionListener(e -> onStart.run());
    stop.addActionListener(e -> onStop.run());
  }

  /** A row of the window's {@code inputs}, then Start, Stop and the status line. */
  JPanel row(JComponent... inputs) {
    JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT));
    for (JComponent input : inputs) {
      controls.add(input);
    }
    controls.add(start);
    controls.add(stop);
    controls.add(status);
    return controls;
  }

  /** The sweep has started: Stop on, Start off. */
  void started() {
    start.setEnabled(false);
    stop.setEnabled(true);
  }

  void status(String text) {
    status.setText(text);
  }

  /** "{@code done} of {@code total} runs". */
  void progress(int done, int total) {
    status.setText(String.format(Locale.ROOT, "%d of %d runs", done, total));
  }

  /** Called from the sweep's SwingWorker.done() with the worker itself, on the event thread. */
  void finished(Future<?> sweep, int runs) {
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
