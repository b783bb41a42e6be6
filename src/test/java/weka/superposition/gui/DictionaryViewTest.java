package weka.superposition.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartPanel;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.filters.unsupervised.attribute.SparseDictionary;

/** The sparse dictionary window without a screen: Train to the end, and Stop mid-run. */
class DictionaryViewTest {

  /** 8 non-negative inputs; the first four are larger in class a, the last four in class b. */
  private static Instances twoClasses(int rows) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int j = 1; j <= 8; j++) {
      attributes.add(new Attribute("x" + j));
    }
    attributes.add(new Attribute("class", List.of("a", "b")));
    Instances data = new Instances("two", attributes, rows);
    data.setClassIndex(8);
    Random random = new Random(3);
    for (int r = 0; r < rows; r++) {
      int c = r % 2;
      double[] values = new double[9];
      for (int j = 0; j < 8; j++) {
        values[j] = Math.max(0, random.nextGaussian() * 0.3 + ((j < 4) == (c == 0) ? 1 : 0));
      }
      values[8] = c;
      data.add(new DenseInstance(1, values));
    }
    return data;
  }

  private static <T> T onEventThread(Supplier<T> what) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> result.set(what.get()));
    return result.get();
  }

  /** Waits up to {@code millis} for the status to start with {@code prefix}; returns it. */
  private static String waitForStatus(DictionaryView view, String prefix, long millis)
      throws Exception {
    long end = System.currentTimeMillis() + millis;
    String status = onEventThread(view::status);
    while (!status.startsWith(prefix)
        && !status.startsWith("Failed")
        && System.currentTimeMillis() < end) {
      Thread.sleep(50);
      status = onEventThread(view::status);
    }
    return status;
  }

  /** Presses Train and waits up to two minutes for the status to start with {@code prefix}. */
  private static String trainUntil(DictionaryView view, String prefix) throws Exception {
    SwingUtilities.invokeAndWait(view::train);
    return waitForStatus(view, prefix, 120_000);
  }

  private static DictionaryView view(Instances data, int epochs) throws Exception {
    return onEventThread(
        () -> {
          DictionaryView view = new DictionaryView(() -> data);
          SparseDictionary options = new SparseDictionary();
          options.setNumFeatures(16);
          options.setEpochs(epochs);
          options.setMiniBatchSize(64);
          view.setDictionary(options);
          return view;
        });
  }

  @Test
  void trainShowsTheSummaryTheDensitiesAndTheFeatures() throws Exception {
    DictionaryView view = view(twoClasses(400), 3);
    String status = trainUntil(view, "Done");
    assertTrue(status.startsWith("Done: unexplained variance "), status);
    SwingUtilities.invokeAndWait(
        () -> {
          JTabbedPane tabs = DriverSupport.find(view, JTabbedPane.class, t -> true);
          assertEquals(3, tabs.getTabCount());
          assertEquals(List.of("Summary", "Densities", "Features"), DriverSupport.tabTitles(tabs));
          JTextArea summary = DriverSupport.find(view, JTextArea.class, t -> true);
          assertTrue(
              summary.getText().contains("Fraction of variance unexplained"), summary.getText());
          assertNotNull(DriverSupport.find(view, ChartPanel.class, p -> true).getChart());
          JLabel dashboard = DriverSupport.find(view, JLabel.class, l -> l.getIcon() != null);
          // 8 cards of a class-shares dashboard
          assertTrue(dashboard.getIcon().getIconHeight() > 8 * 200, "dashboard height");
          // the options editor's dictionary is a template: the trained copy is another
          assertEquals(null, view.getDictionary().getResult());
        });
  }

  @Test
  void stopEndsTheTrainingThreadAndNoLaterEpochOverwritesStopped() throws Exception {
    DictionaryView view = view(twoClasses(4000), 10_000);
    // epochs of 4,000 rows take milliseconds: wait for any epoch's status, not one in particular
    String epoch = trainUntil(view, "Epoch ");
    assertTrue(epoch.matches("Epoch \\d+ of 10000, unexplained variance .*"), epoch);
    SwingUtilities.invokeAndWait(view::stop);
    String stopped = waitForStatus(view, "Stopped", 30_000);
    assertTrue(stopped.matches("Stopped after \\d+ epoch\\(s\\)\\."), stopped);
    assertTrue(
        Thread.getAllStackTraces().keySet().stream()
            .noneMatch(t -> t.isAlive() && t.getName().equals(DictionaryView.TRAINING_THREAD)),
        "a training thread is left after Stop");
    Thread.sleep(300);
    assertEquals(stopped, onEventThread(view::status));
    assertFalse(onEventThread(view::isRunning));
  }
}
