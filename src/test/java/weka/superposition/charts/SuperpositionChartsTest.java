package weka.superposition.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.superposition.analysis.Analysis;
import weka.superposition.charts.SuperpositionCharts.VectorLength;
import weka.superposition.testing.TestAnalyses;

class SuperpositionChartsTest {

  @TempDir Path dir;

  private final Analysis analysis = TestAnalyses.random(9, 1);

  @Test
  void featureVectorSegmentsEndAtTheAnalysisPoints() {
    JFreeChart chart = SuperpositionCharts.featureVectors(analysis, VectorLength.FIX1, 3);
    XYPlot plot = chart.getXYPlot();
    XYDataset segments = plot.getDataset(0);
    assertEquals(9, segments.getSeriesCount());
    // drawn least important first: the last series is the most important feature
    int top = analysis.importance().rank()[0];
    assertEquals(analysis.featureNames().get(top), segments.getSeriesKey(8));
    assertEquals(0, segments.getXValue(8, 0), 0);
    assertEquals(analysis.directions().fix1()[top][0], segments.getXValue(8, 1), 1e-12);
    assertEquals(analysis.directions().fix1()[top][1], segments.getYValue(8, 1), 1e-12);
    assertEquals(
        plot.getDomainAxis().getRange(),
        plot.getRangeAxis().getRange(),
        "equal ranges, so that with a square data area angles are true");
  }

  @Test
  void heatMapHoldsTheMatrixInImportanceOrder() {
    JFreeChart chart =
        SuperpositionCharts.heatMap("W^T W", analysis.weights().decoderTimesEncoder());
    XYZDataset data = (XYZDataset) chart.getXYPlot().getDataset();
    assertEquals(81, data.getItemCount(0));
    // item r * n + c is row r, column c
    assertEquals(analysis.weights().decoderTimesEncoder()[2][5], data.getZValue(0, 2 * 9 + 5), 0);
    assertEquals(5, data.getXValue(0, 2 * 9 + 5), 0);
    assertTrue(chart.getXYPlot().getRangeAxis().isInverted(), "row 0 at the top, as imshow");
  }

  @Test
  void imagesHaveTheirSizeAndAreNotBlank() {
    BufferedImage vectors = ChartImages.featureVectors(analysis, 5);
    assertEquals(2 * ChartImages.VECTOR_PANEL_WIDTH, vectors.getWidth());
    assertEquals(ChartImages.VECTOR_PANEL_HEIGHT, vectors.getHeight());
    assertTrue(distinctColours(vectors) > 20, "a drawn chart has many colours");

    BufferedImage weights = ChartImages.weightAnalysis(analysis);
    assertEquals(3 * ChartImages.WEIGHT_PANEL_WIDTH, weights.getWidth());
    assertEquals(2 * ChartImages.WEIGHT_PANEL_HEIGHT, weights.getHeight());
    assertTrue(distinctColours(weights) > 20);
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  @Test
  void pngExportWritesReadableFiles() throws Exception {
    Path file = dir.resolve("plots/vectors.png");

    ChartImages.writePng(ChartImages.featureVectors(analysis, 5), file);

    assertTrue(Files.size(file) > 10_000);
    BufferedImage read = ImageIO.read(file.toFile());
    assertEquals(2 * ChartImages.VECTOR_PANEL_WIDTH, read.getWidth());
    assertEquals(1, Files.list(dir.resolve("plots")).count(), "no .part file left");
  }

  @Test
  void colourScalesRunFromEndToEnd() {
    ColourScale diverging = ColourScale.diverging(2);
    assertEquals(-2, diverging.getLowerBound(), 0);
    assertEquals(new java.awt.Color(247, 247, 247), diverging.colour(0));
    assertEquals(diverging.colour(-2), diverging.colour(-5), "clamped below");
    ColourScale viridis = ColourScale.sequential(0, 1);
    assertEquals(new java.awt.Color(68, 1, 84), viridis.colour(0));
    assertEquals(new java.awt.Color(253, 231, 37), viridis.colour(1));
  }
}
