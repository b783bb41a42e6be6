package weka.superposition.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.superposition.autoencoder.ModelType;
import weka.superposition.report.SweepReport;

/** The GUI's pure helpers: window placement, the data check, the sweep's default list. */
class GuiHelpersTest {

  @Test
  void aWindowLargerThanTheScreenIsShrunkAndCentredOnIt() {
    Rectangle usable = new Rectangle(0, 30, 1000, 700);
    assertEquals(new Rectangle(0, 30, 1000, 700), Windows.fit(new Dimension(1150, 720), usable));
    assertEquals(new Rectangle(100, 80, 800, 600), Windows.fit(new Dimension(800, 600), usable));
  }

  private static Instances data(int features, double value) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int i = 1; i <= features; i++) {
      attributes.add(new Attribute("x" + i));
    }
    Instances data = new Instances("d", attributes, 2);
    double[] row = new double[features];
    row[0] = value;
    data.add(new DenseInstance(1, row));
    return data;
  }

  private static SuperpositionAutoencoder autoencoder(ModelType type) {
    SuperpositionAutoencoder a = new SuperpositionAutoencoder();
    a.setModelType(new SelectedTag(type.ordinal(), SuperpositionAutoencoder.TAGS_MODEL_TYPE));
    return a;
  }

  @Test
  void hiddenActivationsPassAndRawPixelsAreNamedWithWhatToLoad() {
    SuperpositionAutoencoder seedModel = new SuperpositionAutoencoder();
    assertNull(FeatureCheck.warning(data(49, 0.8), seedModel));
    String pixels = FeatureCheck.warning(data(784, 255), seedModel);
    assertTrue(
        pixels.contains("784 numeric attributes (more than 200), values from 0 to 255")
            && pixels.contains("while its reconstructions lie in [0, 1]")
            && pixels.contains("TFMlpActivations"),
        pixels);
  }

  @Test
  void largeValuesAreReachableForTheToyModelOnly() {
    assertNull(FeatureCheck.warning(data(5, 40), autoencoder(ModelType.TOY)));
    assertTrue(
        FeatureCheck.warning(data(5, 40), new SuperpositionAutoencoder())
            .contains("values from 0 to 40"));
  }

  @Test
  void theSweepOffersTheReportsDefaultSparsities() {
    assertEquals(
        "0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99", SweepView.listed(SweepReport.DEFAULT_SPARSITIES));
  }
}
