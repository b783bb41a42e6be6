package weka.superposition.gui;

import java.awt.Component;
import java.awt.Container;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * What the GUI drivers share: checks that print what they found, finding components, screenshots.
 */
final class DriverSupport {

  private DriverSupport() {}

  /** Throws with {@code what} unless {@code condition}; prints "OK what" otherwise. */
  static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
    System.out.println("OK " + what);
  }

  /** The first component under {@code root} of {@code type} that passes {@code test}, or null. */
  static <T extends Component> T find(
      Container root, Class<T> type, java.util.function.Predicate<T> test) {
    for (Component c : root.getComponents()) {
      if (type.isInstance(c) && test.test(type.cast(c))) {
        return type.cast(c);
      }
      if (c instanceof Container container) {
        T found = find(container, type, test);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * A new visible frame of {@code width x height} holding what {@code content} makes; both made on
   * the event thread.
   */
  static JFrame showInFrame(
      String title, Supplier<? extends JComponent> content, int width, int height)
      throws Exception {
    AtomicReference<JFrame> frame = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          JFrame f = new JFrame(title);
          f.getContentPane().add(content.get());
          f.setSize(width, height);
          f.setVisible(true);
          frame.set(f);
        });
    return frame.get();
  }

  /** {@code component} as it is painted now, written to {@code file} as PNG. */
  static void screenshot(Component component, File file) throws Exception {
    BufferedImage image =
        new BufferedImage(component.getWidth(), component.getHeight(), BufferedImage.TYPE_INT_RGB);
    SwingUtilities.invokeAndWait(
        () -> {
          var g = image.createGraphics();
          component.paint(g);
          g.dispose();
        });
    file.getParentFile().mkdirs();
    ImageIO.write(image, "png", file);
    System.out.println("OK screenshot " + file);
  }
}
