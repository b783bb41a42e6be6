package weka.superposition.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import weka.superposition.analysis.Analysis;
import weka.superposition.charts.SuperpositionCharts.VectorLength;
import weka.superposition.io.AtomicFiles;

/** Charts drawn side by side into images, and images written as PNG files. */
public final class ChartImages {

  /** Panel size of the feature-vector plots: square plots with a colour bar beside them. */
  public static final int VECTOR_PANEL_WIDTH = 560;

  public static final int VECTOR_PANEL_HEIGHT = 500;

  /** Panel size of the weight analysis, three panels a row. */
  public static final int WEIGHT_PANEL_WIDTH = 520;

  public static final int WEIGHT_PANEL_HEIGHT = 420;

  private ChartImages() {}

  /** The charts in rows of {@code columns}, each {@code width x height} pixels. */
  public static BufferedImage grid(List<JFreeChart> charts, int columns, int width, int height) {
    int rows = (charts.size() + columns - 1) / columns;
    BufferedImage image =
        new BufferedImage(
            width * Math.min(columns, charts.size()), height * rows, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(image);
    try {
      for (int i = 0; i < charts.size(); i++) {
        charts
            .get(i)
            .draw(
                g,
                new Rectangle2D.Double(
                    (i % columns) * width, (i / columns) * height, width, height));
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Graphics on {@code image}, painted white, with anti-aliased shapes and text. */
  static Graphics2D canvas(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    return g;
  }

  /** The seed's two feature-vector plots, flex and fix1, side by side. */
  public static BufferedImage featureVectors(Analysis analysis, int labelled) {
    return grid(
        List.of(
            SuperpositionCharts.featureVectors(analysis, VectorLength.FLEX, labelled),
            SuperpositionCharts.featureVectors(analysis, VectorLength.FIX1, labelled)),
        2,
        VECTOR_PANEL_WIDTH,
        VECTOR_PANEL_HEIGHT);
  }

  /** The weight analysis and the error panel, in two rows of three. */
  public static BufferedImage weightAnalysis(Analysis analysis) {
    return grid(
        List.of(SuperpositionCharts.weightAnalysis(analysis)),
        3,
        WEIGHT_PANEL_WIDTH,
        WEIGHT_PANEL_HEIGHT);
  }

  /** The most important features are named in the feature-vector plots. */
  public static final int LABELLED_FEATURES = 5;

  /**
   * Writes the feature-vector plots of every analysed epoch and of {@code last}, and the weight
   * analysis of {@code last}, into {@code folder}; returns the files written.
   */
  public static List<Path> writePlots(List<Analysis> epochAnalyses, Analysis last, Path folder)
      throws IOException {
    List<Path> written = new ArrayList<>();
    for (Analysis epoch : epochAnalyses) {
      written.add(writeEpochPlot(epoch, folder));
    }
    written.addAll(writeFinalPlots(last, folder));
    return written;
  }

  /** Writes the feature-vector plots of an analysed epoch; returns the file written. */
  public static Path writeEpochPlot(Analysis epoch, Path folder) throws IOException {
    Path file = folder.resolve(String.format("feature-vectors-epoch-%02d.png", epoch.epoch()));
    writePng(featureVectors(epoch, LABELLED_FEATURES), file);
    return file;
  }

  /**
   * Writes the feature-vector plots and the weight analysis after training; returns the files
   * written.
   */
  public static List<Path> writeFinalPlots(Analysis last, Path folder) throws IOException {
    Path vectors = folder.resolve("feature-vectors.png");
    writePng(featureVectors(last, LABELLED_FEATURES), vectors);
    Path weights = folder.resolve("weight-analysis.png");
    writePng(weightAnalysis(last), weights);
    return List.of(vectors, weights);
  }

  /** Writes {@code image} as a PNG, whole or not at all. */
  public static void writePng(BufferedImage image, Path file) throws IOException {
    AtomicFiles.write(
        file,
        part -> {
          if (!ImageIO.write(image, "png", part.toFile())) {
            throw new IOException("No PNG writer available");
          }
        });
  }
}
