package weka.superposition.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static weka.superposition.gui.DriverSupport.find;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.superposition.analysis.Analysis;
import weka.superposition.charts.HiddenWeightCharts;

/** The view's "Weights" tab: there for a classifier's hidden layer, ranked once analysed. */
class SuperpositionViewWeightsTest {

  @TempDir Path dir;

  private static final int UNITS = 49;

  /** 200 rows of 49 features in [0, 1], named as TFMlpActivations names them. */
  private static Instances features() {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int h = 1; h <= UNITS; h++) {
      attributes.add(new Attribute("h" + h));
    }
    Instances data = new Instances("hidden", attributes, 200);
    Random random = new Random(1);
    for (int r = 0; r < 200; r++) {
      double[] row = new double[UNITS];
      for (int h = 0; h < UNITS; h++) {
        // a few strong features, the rest weak: an importance order to find
        row[h] = random.nextDouble() * (h < 5 ? 1 : 0.1);
      }
      data.add(new DenseInstance(1, row));
    }
    return data;
  }

  private static SuperpositionView view(Instances features) {
    return new SuperpositionView(
        () -> features,
        () -> {
          SuperpositionAutoencoder autoencoder = new SuperpositionAutoencoder();
          autoencoder.setEpochs(2);
          return autoencoder;
        });
  }

  private static List<String> tabTitles(SuperpositionView view) {
    return DriverSupport.tabTitles(find(view, JTabbedPane.class, t -> true));
  }

  private static void onEventThread(Runnable task) throws Exception {
    SwingUtilities.invokeAndWait(task);
  }

  @Test
  void theWeightsTabComesWithAHiddenLayerUnrankedThenRankedByTheShownEpoch() throws Exception {
    SuperpositionView view = view(features());
    float[] kernel = new float[784 * UNITS];
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] = (i % 7) / 7f - 0.4f;
    }
    onEventThread(() -> assertFalse(tabTitles(view).contains("Weights"), "no classifier, no tab"));
    onEventThread(() -> view.showHiddenWeights(kernel, 784, UNITS, "weights"));
    onEventThread(
        () -> {
          assertTrue(tabTitles(view).contains("Weights"), tabTitles(view).toString());
          assertNull(view.hiddenWeightsRank(), "unranked before an analysis");
        });

    onEventThread(view::start);
    AtomicBoolean running = new AtomicBoolean(true);
    for (long end = System.currentTimeMillis() + 120_000;
        running.get() && System.currentTimeMillis() < end; ) {
      Thread.sleep(100);
      onEventThread(() -> running.set(view.isRunning()));
    }
    onEventThread(
        () -> {
          List<Analysis> epochs = view.epochs();
          assertEquals(2, epochs.size());
          assertArrayEquals(
              epochs.get(1).importance().rank(),
              view.hiddenWeightsRank(),
              "ranked by the last epoch, which the slider shows");
        });

    List<Path> saved = new ArrayList<>();
    onEventThread(() -> saved.addAll(view.save(new File(dir.toString()))));
    assertTrue(saved.contains(dir.resolve(HiddenWeightCharts.FILE)), saved.toString());
    assertTrue(Files.size(dir.resolve(HiddenWeightCharts.FILE)) > 0);
  }

  @Test
  void inputsThatAreNoSquareImageAreSaidInTheTab() throws Exception {
    SuperpositionView view = view(features());
    onEventThread(() -> view.showHiddenWeights(new float[7 * UNITS], 7, UNITS, "weights"));
    onEventThread(
        () -> {
          JLabel note =
              find(
                  view,
                  JLabel.class,
                  l -> l.getText() != null && l.getText().startsWith("No picture"));
          assertNotNull(note, "the tab says why it has no picture");
          assertTrue(note.getText().contains("not a square"), note.getText());
        });
  }
}
