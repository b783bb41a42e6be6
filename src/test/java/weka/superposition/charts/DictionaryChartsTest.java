package weka.superposition.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.superposition.analysis.DictionaryAnalysis;
import weka.superposition.analysis.DictionaryWeights;
import weka.superposition.charts.DictionaryCharts.FeatureCard;
import weka.superposition.charts.DictionaryCharts.FrontierSeries;

class DictionaryChartsTest {

  @TempDir Path dir;

  private static final int SIDE = 28;

  private static final String[] DIGITS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

  private static float[] filled(float value) {
    float[] image = new float[SIDE * SIDE];
    Arrays.fill(image, value);
    return image;
  }

  /** Left half at 255, right half 0: shows that values go row by row. */
  private static float[] leftHalf() {
    float[] image = new float[SIDE * SIDE];
    for (int r = 0; r < SIDE; r++) {
      for (int c = 0; c < SIDE / 2; c++) {
        image[r * SIDE + c] = 255;
      }
    }
    return image;
  }

  private static FeatureCard card(int feature, float[][] images, double[] effects) {
    return new FeatureCard(
        feature,
        0.023,
        images,
        SIDE,
        SIDE,
        new double[] {0.05, 0.02, 0.03, 0.01, 0.01, 0.02, 0.01, 0.91, 0.02, 0.02},
        DIGITS,
        effects,
        0.91);
  }

  private static final double[] EFFECTS = {-0.4, -0.1, 0.2, 0, -0.3, 0.1, -0.2, 1.5, 0.1, -0.6};

  private static Color pixel(BufferedImage image, int x, int y) {
    return new Color(image.getRGB(x, y));
  }

  private static Color centre(BufferedImage image, Rectangle tile) {
    return pixel(image, tile.x + tile.width / 2, tile.y + tile.height / 2);
  }

  private static boolean dark(Color c) {
    return c.getRed() < 40 && c.getGreen() < 40 && c.getBlue() < 40;
  }

  private static boolean white(Color c) {
    return c.getRed() > 245 && c.getGreen() > 245 && c.getBlue() > 245;
  }

  @Test
  void dashboardTilesShowTheirImagesInkOnPaper() {
    float[][] images = {filled(255), leftHalf(), filled(0.5f), null, filled(0)};
    BufferedImage image =
        DictionaryCharts.featureDashboard(
            List.of(card(3, images, EFFECTS), card(17, images, EFFECTS)), "features");

    for (int c = 0; c < 2; c++) {
      assertTrue(dark(centre(image, DictionaryCharts.tileBounds(c, 0))), "255 everywhere: black");
      Rectangle half = DictionaryCharts.tileBounds(c, 1);
      int y = half.y + half.height / 2;
      assertTrue(dark(pixel(image, half.x + half.width / 4, y)), "the left half is ink");
      assertTrue(white(pixel(image, half.x + 3 * half.width / 4, y)), "the right half paper");
      assertTrue(
          dark(centre(image, DictionaryCharts.tileBounds(c, 2))),
          "0..1 pixels are scaled by their own maximum too");
      assertEquals(DictionaryCharts.NO_IMAGE, centre(image, DictionaryCharts.tileBounds(c, 3)));
      assertTrue(white(centre(image, DictionaryCharts.tileBounds(c, 4))), "all 0: blank paper");
      assertEquals(
          DictionaryCharts.NO_IMAGE,
          centre(image, DictionaryCharts.tileBounds(c, 15)),
          "five images: the last slots are empty");
    }
  }

  @Test
  void dashboardStacksOneRowPerCard() {
    float[][] images = {filled(255)};
    BufferedImage one = DictionaryCharts.featureDashboard(List.of(card(1, images, EFFECTS)), "t");
    List<FeatureCard> eight = new ArrayList<>();
    for (int f = 0; f < 8; f++) {
      eight.add(card(f, images, EFFECTS));
    }
    BufferedImage stacked = DictionaryCharts.featureDashboard(eight, "t");

    assertEquals(DictionaryCharts.DASHBOARD_WIDTH, one.getWidth());
    assertTrue(
        one.getWidth() >= 800 && one.getHeight() >= 250, one.getWidth() + "x" + one.getHeight());
    assertEquals(stacked.getWidth(), one.getWidth());
    int perCard = (stacked.getHeight() - one.getHeight()) / 7;
    assertEquals(stacked.getHeight(), one.getHeight() + 7 * perCard, "every row the same height");
    Rectangle last = DictionaryCharts.tileBounds(7, 0);
    assertTrue(last.y + last.height < stacked.getHeight());
    assertTrue(dark(centre(stacked, last)));
  }

  @Test
  void cardsShowTheMostOftenActiveFeaturesWithTheirTopRowsImages() {
    // feature 1 reads x1 (3 of 4 rows), feature 2 reads x2 (1 row), feature 3 -x1 (never)
    DictionaryWeights w =
        new DictionaryWeights(
            2,
            3,
            0,
            new float[] {1, 0, -1, 0, 1, 0},
            new float[3],
            new float[] {1, 0, 0, 1, -1, 0},
            new float[2]);
    float[] rows = {1, 0, 2, 0, 3, 0, 0, 1};
    DictionaryAnalysis a = DictionaryAnalysis.of(w, rows, 4, new int[] {0, 0, 0, 1}, 2, null);
    String[] names = {"a", "b"};
    List<FeatureCard> cards =
        DictionaryCharts.featureCards(a, 2, names, r -> new float[] {r}, 1, 1);
    assertEquals(List.of(1, 2), cards.stream().map(FeatureCard::feature).toList());
    // the top rows' images, highest activation first
    assertEquals(
        List.of(2f, 1f, 0f), Arrays.stream(cards.get(0).topImages()).map(i -> i[0]).toList());
    assertEquals(List.of(1.0, 0.0), Arrays.stream(cards.get(0).classShares()).boxed().toList());
    assertEquals(1.0, cards.get(1).purity());
    // rows without images: cards with class shares only
    FeatureCard noImages = DictionaryCharts.featureCards(a, 1, names, null, 0, 0).get(0);
    assertEquals(0, noImages.topImages().length);
    assertEquals(0.75, noImages.density());
  }

  @Test
  void anEmptyDashboardIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DictionaryCharts.featureDashboard(List.of(), "t"));
    assertTrue(e.getMessage().contains("at least one feature card"), e.getMessage());
  }

  @Test
  void aCardWithoutImagesClassesOrClassifierRenders() {
    FeatureCard bare = new FeatureCard(5, 0, null, 0, 0, null, null, null, Double.NaN);
    FeatureCard noImages =
        new FeatureCard(6, 0.5, new float[0][], SIDE, SIDE, null, null, null, 0.2);

    BufferedImage image = DictionaryCharts.featureDashboard(List.of(bare, noImages), null);

    assertEquals(DictionaryCharts.NO_IMAGE, centre(image, DictionaryCharts.tileBounds(0, 0)));
    assertEquals(DictionaryCharts.NO_IMAGE, centre(image, DictionaryCharts.tileBounds(1, 5)));
    assertEquals("feature 5 - density 0 % - purity n/a", bare.title());
    CategoryPlot logits = DictionaryCharts.logitEffects(bare).getCategoryPlot();
    assertEquals(0, logits.getDataset().getColumnCount());
    assertEquals("no classifier", logits.getNoDataMessage());
    assertEquals(
        0, DictionaryCharts.classShares(bare).getCategoryPlot().getDataset().getColumnCount());
  }

  @Test
  void cardsCheckTheirShapes() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new FeatureCard(
                1, 0.1, new float[][] {new float[10]}, SIDE, SIDE, null, null, null, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FeatureCard(1, 0.1, null, SIDE, SIDE, new double[3], DIGITS, null, 1));
  }

  @Test
  void cardTitleNamesFeatureDensityAndPurity() {
    assertEquals("feature 17 - density 2.3 % - purity 0.91", card(17, null, EFFECTS).title());
    assertEquals(
        "feature 2 - density 0.012 % - purity 0.50",
        new FeatureCard(2, 0.000123, null, SIDE, SIDE, null, null, null, 0.5).title());
  }

  @Test
  void logitEffectsDivergeFromAZeroLine() {
    JFreeChart chart = DictionaryCharts.logitEffects(card(1, null, EFFECTS));
    CategoryPlot plot = chart.getCategoryPlot();
    assertEquals(10, plot.getDataset().getColumnCount());
    assertEquals(1.5, plot.getDataset().getValue(0, 7).doubleValue(), 0);
    Color raises = (Color) plot.getRenderer().getItemPaint(0, 7);
    Color lowers = (Color) plot.getRenderer().getItemPaint(0, 0);
    assertNotEquals(raises, lowers);
    assertTrue(raises.getRed() > raises.getBlue(), "raising a logit is red");
    assertTrue(lowers.getBlue() > lowers.getRed(), "lowering it blue");
    assertEquals(
        0, ((ValueMarker) plot.getRangeMarkers(Layer.FOREGROUND).iterator().next()).getValue(), 0);
  }

  @Test
  void densityHistogramHasItsBinsMarkerAndCounts() {
    double[] edges = {-4, -3, -2, -1, 0};
    int[] counts = {3, 40, 100, 5};

    JFreeChart chart = DictionaryCharts.densityHistogram(edges, counts, 12, 5, "densities");

    XYPlot plot = chart.getXYPlot();
    IntervalXYDataset data = (IntervalXYDataset) plot.getDataset();
    assertEquals(4, data.getItemCount(0));
    assertEquals(-3, data.getStartXValue(0, 1), 0);
    assertEquals(-2, data.getEndXValue(0, 1), 0);
    assertEquals(40, data.getYValue(0, 1), 0);
    assertEquals("log10 feature density", plot.getDomainAxis().getLabel());
    ValueMarker dense = (ValueMarker) plot.getDomainMarkers(Layer.FOREGROUND).iterator().next();
    assertEquals(-1, dense.getValue(), 1e-12);
    assertEquals("dense", dense.getLabel());
    String subtitle = ((TextTitle) chart.getSubtitle(0)).getText();
    assertTrue(subtitle.contains("5 dense") && subtitle.contains("12 dead"), subtitle);
    assertThrows(
        IllegalArgumentException.class,
        () -> DictionaryCharts.densityHistogram(new double[4], counts, 0, 0, "t"));
    // every feature dead: no bins, still a chart
    DictionaryCharts.densityHistogram(new double[0], new int[0], 196, 0, "all dead")
        .createBufferedImage(400, 300);
  }

  private static List<FrontierSeries> frontierSeries(double lowest) {
    return List.of(
        new FrontierSeries(
            "trained seed 1", new double[] {20, 5, 10}, new double[] {0.05, 0.3, 0.12}),
        new FrontierSeries(
            "untrained network", new double[] {5, 10, 20}, new double[] {0.5, 0.3, lowest}));
  }

  @Test
  void frontierNamesItsSeriesInTheLegend() {
    JFreeChart chart =
        DictionaryCharts.frontier(frontierSeries(0.2), new double[] {1, 0.6, 0.4, 0.3}, "f");

    LegendItemCollection legend = chart.getXYPlot().getLegendItems();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < legend.getItemCount(); i++) {
      names.add(legend.get(i).getLabel());
    }
    assertEquals(List.of("trained seed 1", "untrained network", DictionaryCharts.PCA_NAME), names);
    XYPlot plot = chart.getXYPlot();
    assertInstanceOf(LogarithmicAxis.class, plot.getRangeAxis(), "every FVU above 0: log scale");
    assertEquals(5, plot.getDataset().getXValue(0, 0), 0, "points sorted by L0");
    assertEquals(3, plot.getDataset().getXValue(2, 3), 0, "PCA-j at L0 = j");
    assertEquals(0.3, plot.getDataset().getYValue(2, 3), 0);
  }

  @Test
  void frontierFallsBackToLinearWhenAValueIsZero() {
    JFreeChart fromSeries =
        DictionaryCharts.frontier(frontierSeries(0), new double[] {1, 0.6}, "f");
    JFreeChart fromPca =
        DictionaryCharts.frontier(frontierSeries(0.2), new double[] {1, 0.5, 0}, "f");

    for (JFreeChart chart : List.of(fromSeries, fromPca)) {
      assertEquals(
          NumberAxis.class, chart.getXYPlot().getRangeAxis().getClass(), "linear, not logarithmic");
      chart.createBufferedImage(400, 300);
    }
    JFreeChart empty = DictionaryCharts.frontier(List.of(), null, "empty");
    assertEquals(0, empty.getXYPlot().getDataset().getSeriesCount());
    empty.createBufferedImage(400, 300);
  }

  @Test
  void writersLeaveThreeReadablePngs() throws Exception {
    Path folder = dir.resolve("plots");
    List<FeatureCard> cards = List.of(card(1, new float[][] {filled(255)}, EFFECTS));

    Path features = DictionaryCharts.writeFeatureDashboard(cards, "features", folder);
    Path density =
        DictionaryCharts.writeDensityHistogram(
            new double[] {-3, -2, -1, 0}, new int[] {4, 9, 2}, 1, 2, "densities", folder);
    Path frontier =
        DictionaryCharts.writeFrontier(frontierSeries(0.2), new double[] {1, 0.5}, "f", folder);

    assertEquals(folder.resolve("dictionary-features.png"), features);
    assertEquals(folder.resolve("dictionary-density.png"), density);
    assertEquals(folder.resolve("dictionary-frontier.png"), frontier);
    BufferedImage read = ImageIO.read(density.toFile());
    assertEquals(DictionaryCharts.DENSITY_WIDTH, read.getWidth());
    assertEquals(DictionaryCharts.DENSITY_HEIGHT, read.getHeight());
    read = ImageIO.read(frontier.toFile());
    assertEquals(DictionaryCharts.FRONTIER_WIDTH, read.getWidth());
    assertEquals(DictionaryCharts.DASHBOARD_WIDTH, ImageIO.read(features.toFile()).getWidth());
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(3, files.count(), "no .part file left");
    }
  }
}
