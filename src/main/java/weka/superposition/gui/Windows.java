package weka.superposition.gui;

import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.WindowConstants;

/** The package's windows: opened whole on the screen, and stopping their work when closed. */
public final class Windows {

  private Windows() {}

  /**
   * Shows {@code content} in a new window of about {@code size}, shrunk to the screen's usable area
   * and centred in it; {@code onClose} runs when the window is closed.
   */
  public static JFrame open(String title, JComponent content, Dimension size, Runnable onClose) {
    JFrame frame = new JFrame(title);
    frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    frame.addWindowListener(
        new WindowAdapter() {
          @Override
          public void windowClosed(WindowEvent e) {
            onClose.run();
          }
        });
    frame.getContentPane().add(content);
    frame.setBounds(onScreen(size));
    frame.setVisible(true);
    return frame;
  }

  /** Where a window of {@code size} fits: a 1150 x 720 window would hang off a small screen. */
  static Rectangle onScreen(Dimension size) {
    Rectangle usable = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    return fit(size, usable);
  }

  /** {@code size} shrunk to {@code usable} and centred in it. */
  static Rectangle fit(Dimension size, Rectangle usable) {
    int width = Math.min(size.width, usable.width);
    int height = Math.min(size.height, usable.height);
    return new Rectangle(
        usable.x + (usable.width - width) / 2,
        usable.y + (usable.height - height) / 2,
        width,
        height);
  }
}
