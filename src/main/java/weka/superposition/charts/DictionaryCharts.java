package weka.superposition.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import weka.superposition.analysis.DictionaryAnalysis;

/**
 * The pictures of a sparse dictionary (a sparse autoencoder trained on a network's hidden
 * activations), from plain data: a dashboard of its features (the rows that activate each most, its
 * classes, its effect on the logits), the histogram of feature densities, and the sparsity frontier
 * (FVU against L0) beside the dense PCA baseline.
 */
public final class DictionaryCharts {

  /** File names of the three pictures. */
  public static final String FEATURES_FILE = "dictionary-features.png";

  public static final String DENSITY_FILE = "dictionary-density.png";

  public static final String FRONTIER_FILE = "dictionary-frontier.png";

  /** A feature firing on more than this fraction of rows is dense. */
  public static final double DENSE = 0.1;

  /** Size of the density histogram and of the frontier. */
  public static final int DENSITY_WIDTH = 760;

  public static final int DENSITY_HEIGHT = 440;

  public static final int FRONTIER_WIDTH = 760;

  public static final int FRONTIER_HEIGHT = 540;

  /** The dashboard draws at most this many top images per feature, in a square grid. */
  public static final int TOP_IMAGES = 16;

  private static final int TILES_PER_SIDE = 4;

  // the dashboard's geometry: a title band, then per card a title line and a body of
  // [tile grid | class shares | logit effects]
  private static final int MARGIN = 12;
  private static final int TITLE_HEIGHT = 40;
  private static final int CARD_TITLE_HEIGHT = 26;
  private static final int TILE = 56;
  private static final int TILE_GAP = 2;
  private static final int TILE_GRID = TILES_PER_SIDE * TILE + (TILES_PER_SIDE - 1) * TILE_GAP;
  private static final int PANEL_WIDTH = 400;
  private static final int BODY_HEIGHT = TILE_GRID + 16;
  private static final int CARD_HEIGHT = CARD_TITLE_HEIGHT + BODY_HEIGHT + 8;
  static final int DASHBOARD_WIDTH = 2 * MARGIN + TILE_GRID + 16 + 2 * PANEL_WIDTH;

  /** An image slot with no image: a light grey, so that it reads as empty, not as a blank digit. */
  static final Color NO_IMAGE = new Color(238, 238, 238);

  private static final Color TILE_FRAME = new Color(200, 200, 200);
  private static final Color RULE = new Color(190, 190, 190);

  /**
   * What the dashboard shows of one feature.
   *
   * @param feature the feature's index in the dictionary
   * @param density the fraction of rows on which it fires
   * @param topImages the rows that activate it most, most first, each {@code imageWidth *
   *     imageHeight} values row by row (pixels in any non-negative range, each image scaled by its
   *     own maximum); at most {@link #TOP_IMAGES} are drawn; null or empty when there are none, a
   *     null entry an empty slot
   * @param classShares per class, the share of its activation (0..1); null when unknown
   * @param classNames the classes' names; null names them 0, 1, ...
   * @param logitEffects per class, the change of the logit when the feature fires; null when there
   *     is no classifier
   * @param purity the share of its largest class; NaN when unknown
   */
  public record FeatureCard(
      int feature,
      double density,
      float[][] topImages,
      int imageWidth,
      int imageHeight,
      double[] classShares,
      String[] classNames,
      double[] logitEffects,
      double purity) {

    public FeatureCard {
      if (topImages != null) {
        for (float[] image : topImages) {
          if (image != null && (imageWidth <= 0 || image.length != imageWidth * imageHeight)) {
            throw new IllegalArgumentException(
                String.format(
                    Locale.ROOT,
                    "feature %d: a top image has %d values, not %d x %d",
                    feature,
                    image.length,
                    imageWidth,
                    imageHeight));
          }
        }
      }
      int classes = classNames != null ? classNames.length : -1;
      for (double[] perClass : new double[][] {classShares, logitEffects}) {
        if (perClass != null && classes >= 0 && perClass.length != classes) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "feature %d: %d values per class for %d class names",
                  feature,
                  perClass.length,
                  classes));
        }
      }
    }

    /** The feature's title: "feature 17 - density 2.3 % - purity 0.91". */
    public String title() {
      return String.format(
          Locale.ROOT,
          "feature %d - density %s - purity %s",
          feature,
          Double.isFinite(density) ? significant(100 * density) + " %" : "n/a",
          Double.isFinite(purity) ? String.format(Locale.ROOT, "%.2f", purity) : "n/a");
    }

    private String className(int c) {
      return classNames != null ? classNames[c] : Integer.toString(c);
    }
  }

  /**
   * One dictionary's points on the sparsity frontier, e.g. one per L1 coefficient.
   *
   * @param l0 per point, the mean number of active features per row
   * @param fvu per point, the fraction of variance unexplained by the reconstruction
   */
  public record FrontierSeries(String name, double[] l0, double[] fvu) {

    public FrontierSeries {
      if (l0.length != fvu.length) {
        throw new IllegalArgumentException(
            name + ": " + l0.length + " L0 values for " + fvu.length + " FVU values");
      }
    }
  }

  private DictionaryCharts() {}

  /** Features a dashboard shows: the strongest (largest mean activation). */
  public static final int DASHBOARD_FEATURES = 8;

  /**
   * The dashboard's cards of an analysis: its {@code count} strongest features (largest mean
   * activation: the most of the reconstruction, since every direction has unit norm), each with the
   * images of its top rows, its class shares, its logit effects and its purity (where the analysis
   * has them).
   *
   * @param classNames the classes' names, or null
   * @param image the {@code imageWidth x imageHeight} image of a training row, or null when the
   *     rows have no images (the cards then say "no images")
   */
  public static List<FeatureCard> featureCards(
      DictionaryAnalysis a,
      int count,
      String[] classNames,
      IntFunction<float[]> image,
      int imageWidth,
      int imageHeight) {
    List<FeatureCard> cards = new ArrayList<>();
    IntStream.range(0, a.density().length)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer k) -> -a.meanActivation()[k]))
        .limit(count)
        .forEach(
            k -> {
              int[] rows = a.topRows()[k];
              float[][] tiles = new float[image == null ? 0 : rows.length][];
              for (int i = 0; i < tiles.length; i++) {
                tiles[i] = image.apply(rows[i]);
              }
              cards.add(
                  new FeatureCard(
                      k + 1,
                      a.density()[k],
                      tiles,
                      imageWidth,
                      imageHeight,
                      a.featureClassShares() == null ? null : a.featureClassShares()[k],
                      classNames,
                      a.logitEffects() == null ? null : a.logitEffects()[k],
                      a.featurePurity() == null ? Double.NaN : a.featurePurity()[k]));
            });
    return cards;
  }

  /**
   * One row per card, stacked in order under {@code title}: the card's top images as a 4 x 4 grid
   * of tiles (black ink on white, each image scaled by its own maximum; empty slots light grey),
   * its class shares as bars, and its effect on the logits as bars diverging from a zero line (red
   * raises a logit, blue lowers it).
   *
   * @throws IllegalArgumentException when there are no cards
   */
  public static BufferedImage featureDashboard(List<FeatureCard> cards, String title) {
    if (cards == null || cards.isEmpty()) {
      throw new IllegalArgumentException("A feature dashboard needs at least one feature card");
    }
    BufferedImage image =
        new BufferedImage(
            DASHBOARD_WIDTH,
            TITLE_HEIGHT + cards.size() * CARD_HEIGHT + MARGIN,
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = ChartImages.canvas(image);
    try {
      if (title != null) {
        g.setColor(Color.BLACK);
        g.setFont(ChartStyle.TITLE_FONT.deriveFont(17f));
        g.drawString(title, MARGIN, 27);
      }
      for (int c = 0; c < cards.size(); c++) {
        drawCard(g, cards.get(c), c);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Where card {@code card}'s tile {@code tile} (0..15, row by row) lies in the dashboard. */
  static Rectangle tileBounds(int card, int tile) {
    int x = MARGIN + (tile % TILES_PER_SIDE) * (TILE + TILE_GAP);
    int y =
        TITLE_HEIGHT
            + card * CARD_HEIGHT
            + CARD_TITLE_HEIGHT
            + 8
            + (tile / TILES_PER_SIDE) * (TILE + TILE_GAP);
    return new Rectangle(x, y, TILE, TILE);
  }

  private static void drawCard(Graphics2D g, FeatureCard card, int index) {
    int y = TITLE_HEIGHT + index * CARD_HEIGHT;
    if (index > 0) {
      g.setColor(RULE);
      g.drawLine(MARGIN, y - 4, DASHBOARD_WIDTH - MARGIN, y - 4);
    }
    g.setColor(Color.BLACK);
    g.setFont(ChartStyle.LABEL_FONT.deriveFont(Font.BOLD, 14f));
    g.drawString(card.title(), MARGIN, y + 18);

    int images = card.topImages() == null ? 0 : Math.min(TOP_IMAGES, card.topImages().length);
    for (int t = 0; t < TOP_IMAGES; t++) {
      Rectangle bounds = tileBounds(index, t);
      float[] pixels = t < images ? card.topImages()[t] : null;
      if (pixels == null) {
        g.setColor(NO_IMAGE);
        g.fill(bounds);
      } else {
        g.setRenderingHint(
            RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(
            tile(pixels, card.imageWidth(), card.imageHeight()),
            bounds.x,
            bounds.y,
            bounds.width,
            bounds.height,
            null);
      }
      g.setColor(TILE_FRAME);
      g.drawRect(bounds.x, bounds.y, bounds.width - 1, bounds.height - 1);
    }
    if (images == 0) {
      Rectangle first = tileBounds(index, 0);
      g.setColor(Color.DARK_GRAY);
      g.setFont(ChartStyle.LABEL_FONT);
      String none = "no images";
      FontMetrics metrics = g.getFontMetrics();
      g.drawString(
          none,
          first.x + (TILE_GRID - metrics.stringWidth(none)) / 2,
          first.y + (TILE_GRID + metrics.getAscent()) / 2);
    }

    int bodyY = y + CARD_TITLE_HEIGHT;
    int panelX = MARGIN + TILE_GRID + 16;
    classShares(card).draw(g, new Rectangle2D.Double(panelX, bodyY, PANEL_WIDTH, BODY_HEIGHT));
    logitEffects(card)
        .draw(g, new Rectangle2D.Double(panelX + PANEL_WIDTH, bodyY, PANEL_WIDTH, BODY_HEIGHT));
  }

  /** A grey image of the pixels, black at their maximum and white at 0 and below. */
  private static BufferedImage tile(float[] pixels, int width, int height) {
    float max = 0;
    for (float p : pixels) {
      max = Math.max(max, p);
    }
    BufferedImage tile = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        float v = max > 0 ? Math.max(0, pixels[r * width + c]) / max : 0;
        int grey = Math.round(255 * (1 - v));
        tile.setRGB(c, r, (grey << 16) | (grey << 8) | grey);
      }
    }
    return tile;
  }

  /** The card's class shares as bars from 0 to 1. */
  static JFreeChart classShares(FeatureCard card) {
    NumberAxis y = ChartStyle.styled(new NumberAxis("share"));
    y.setRange(0, 1.05);
    CategoryPlot plot = panel(card, card.classShares(), y, ChartStyle.bars());
    plot.setNoDataMessage("no class distribution");
    return panelChart("class shares", plot);
  }

  /** The card's effect on each logit, red above the zero line and blue below. */
  static JFreeChart logitEffects(FeatureCard card) {
    double[] effects = card.logitEffects();
    ColourScale diverging = ColourScale.diverging(1);
    Color raises = diverging.colour(0.7);
    Color lowers = diverging.colour(-0.7);
    BarRenderer renderer =
        ChartStyle.flat(
            new BarRenderer() {
              private static final long serialVersionUID = 1L;

              @Override
              public Paint getItemPaint(int row, int column) {
                return effects[column] < 0 ? lowers : raises;
              }
            });
    NumberAxis y = ChartStyle.styled(new NumberAxis("logit change"));
    y.setAutoRangeIncludesZero(true);
    CategoryPlot plot = panel(card, effects, y, renderer);
    plot.setNoDataMessage("no classifier");
    plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1f)));
    return panelChart("effect on logits", plot);
  }

  private static CategoryPlot panel(
      FeatureCard card, double[] values, NumberAxis y, BarRenderer renderer) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    if (values != null) {
      for (int c = 0; c < values.length; c++) {
        data.addValue(values[c], "value", card.className(c));
      }
    }
    CategoryAxis x = ChartStyle.styled(new CategoryAxis());
    x.setCategoryMargin(0.15);
    CategoryPlot plot = ChartStyle.gridded(new CategoryPlot(data, x, y, renderer));
    plot.setNoDataMessageFont(ChartStyle.LABEL_FONT);
    return plot;
  }

  private static JFreeChart panelChart(String title, CategoryPlot plot) {
    JFreeChart chart = ChartStyle.chart(title, plot, false);
    chart.getTitle().setFont(ChartStyle.LABEL_FONT);
    return chart;
  }

  /**
   * The features' densities as a histogram over log10(density): bar i spans {@code binEdges[i]} to
   * {@code binEdges[i + 1]} (edges in log10 of the density) and holds {@code counts[i]} features.
   * Dead features (density 0) have no place on the axis and dense ones are named by count in the
   * subtitle; a dashed line marks the dense threshold, log10(0.1).
   */
  public static JFreeChart densityHistogram(
      double[] binEdges, int[] counts, int dead, int dense, String title) {
    if (counts.length > 0 && binEdges.length != counts.length + 1) {
      throw new IllegalArgumentException(
          binEdges.length + " bin edges for " + counts.length + " bins; need one more edge");
    }
    int n = counts.length;
    double[][] bars = new double[6][n];
    for (int i = 0; i < n; i++) {
      bars[0][i] = (binEdges[i] + binEdges[i + 1]) / 2;
      bars[1][i] = binEdges[i];
      bars[2][i] = binEdges[i + 1];
      bars[3][i] = counts[i];
      bars[4][i] = 0;
      bars[5][i] = counts[i];
    }
    DefaultIntervalXYDataset data = new DefaultIntervalXYDataset();
    data.addSeries("features", bars);

    double threshold = Math.log10(DENSE);
    NumberAxis x = ChartStyle.styled(new NumberAxis("log10 feature density"));
    double lower = n > 0 ? Math.min(binEdges[0], threshold) : -4;
    double upper = n > 0 ? Math.max(binEdges[n], threshold) : 0;
    double pad = 0.03 * (upper - lower);
    x.setRange(lower - pad, upper + pad);
    NumberAxis y = ChartStyle.styled(new NumberAxis("features"));
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    y.setAutoRangeIncludesZero(true);
    XYPlot plot = ChartStyle.gridded(new XYPlot(data, x, y, ChartStyle.xyBars()));
    plot.setNoDataMessage("no live features");
    plot.setNoDataMessageFont(ChartStyle.LABEL_FONT);
    ValueMarker marker = new ValueMarker(threshold, Color.DARK_GRAY, dashed());
    marker.setLabel("dense");
    marker.setLabelFont(ChartStyle.TICK_FONT);
    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    plot.addDomainMarker(marker);

    JFreeChart chart = ChartStyle.chart(title, plot, false);
    int live = 0;
    for (int count : counts) {
      live += count;
    }
    chart.addSubtitle(
        new TextTitle(
            String.format(
                Locale.ROOT,
                "%d features with a density: %d dense (above %s %%); %d dead (never fire)",
                live,
                dense,
                significant(100 * DENSE),
                dead),
            ChartStyle.LABEL_FONT));
    return chart;
  }

  /** The name of the dense baseline in the frontier's legend. */
  public static final String PCA_NAME = "PCA-j at j = L0";

  /**
   * Each dictionary's FVU against its L0, a line with markers per series, and the dense baseline:
   * the first j principal components, at L0 = j, through (j, {@code pcaFvu[j]}) for every j given
   * ({@code pcaFvu} may be null). The FVU axis is logarithmic when every value is above 0, linear
   * otherwise. Points that are not finite are left out.
   */
  public static JFreeChart frontier(List<FrontierSeries> series, double[] pcaFvu, String title) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    boolean positive = true;
    for (int s = 0; s < series.size(); s++) {
      FrontierSeries one = series.get(s);
      XYSeries line = new XYSeries(one.name(), true, true);
      for (int i = 0; i < one.l0().length; i++) {
        positive &= add(line, one.l0()[i], one.fvu()[i]);
      }
      data.addSeries(line);
      renderer.setSeriesPaint(s, ChartStyle.series(s));
      renderer.setSeriesStroke(s, new BasicStroke(1.6f));
      renderer.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    }
    if (pcaFvu != null) {
      XYSeries pca = new XYSeries(PCA_NAME, true, true);
      for (int j = 0; j < pcaFvu.length; j++) {
        positive &= add(pca, j, pcaFvu[j]);
      }
      int s = data.getSeriesCount();
      data.addSeries(pca);
      renderer.setSeriesPaint(s, Color.DARK_GRAY);
      renderer.setSeriesStroke(s, dashed(1.4f));
      renderer.setSeriesShapesVisible(s, false);
    }
    NumberAxis x = ChartStyle.styled(new NumberAxis("L0 (mean active features per row)"));
    x.setAutoRangeIncludesZero(true);
    String fvu = "FVU (fraction of variance unexplained)";
    ValueAxis y;
    if (positive) {
      // ticks at 1, 2, ..., 9 times each power of 10 (labelled while few decades are shown),
      // rather than LogAxis's even steps of the exponent (0.631, 0.398, ...)
      LogarithmicAxis log = ChartStyle.styled(new LogarithmicAxis(fvu + ", log scale"));
      log.setStrictValuesFlag(false);
      y = log;
    } else {
      NumberAxis linear = ChartStyle.styled(new NumberAxis(fvu));
      linear.setAutoRangeIncludesZero(true);
      y = linear;
    }
    XYPlot plot = ChartStyle.gridded(new XYPlot(data, x, y, renderer));
    plot.setNoDataMessage("no points");
    plot.setNoDataMessageFont(ChartStyle.LABEL_FONT);
    JFreeChart chart = ChartStyle.chart(title, plot, true);
    chart.getLegend().setFrame(BlockBorder.NONE);
    return chart;
  }

  /** Adds the point when both are finite; whether the y value is above 0 or left out. */
  private static boolean add(XYSeries line, double x, double y) {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      return true;
    }
    line.add(x, y);
    return y > 0;
  }

  /** Writes the feature dashboard to {@link #FEATURES_FILE} in {@code folder}. */
  public static Path writeFeatureDashboard(List<FeatureCard> cards, String title, Path folder)
      throws IOException {
    Path file = folder.resolve(FEATURES_FILE);
    ChartImages.writePng(featureDashboard(cards, title), file);
    return file;
  }

  /** Writes the density histogram to {@link #DENSITY_FILE} in {@code folder}. */
  public static Path writeDensityHistogram(
      double[] binEdges, int[] counts, int dead, int dense, String title, Path folder)
      throws IOException {
    Path file = folder.resolve(DENSITY_FILE);
    JFreeChart chart = densityHistogram(binEdges, counts, dead, dense, title);
    ChartImages.writePng(ChartImages.grid(List.of(chart), 1, DENSITY_WIDTH, DENSITY_HEIGHT), file);
    return file;
  }

  /** Writes the frontier to {@link #FRONTIER_FILE} in {@code folder}. */
  public static Path writeFrontier(
      List<FrontierSeries> series, double[] pcaFvu, String title, Path folder) throws IOException {
    Path file = folder.resolve(FRONTIER_FILE);
    JFreeChart chart = frontier(series, pcaFvu, title);
    ChartImages.writePng(
        ChartImages.grid(List.of(chart), 1, FRONTIER_WIDTH, FRONTIER_HEIGHT), file);
    return file;
  }

  private static BasicStroke dashed() {
    return dashed(0.9f);
  }

  private static BasicStroke dashed(float width) {
    return new BasicStroke(
        width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);
  }

  /** {@code value} to two significant digits, without an exponent: 2.3, 0.012, 45. */
  private static String significant(double value) {
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(value).round(new MathContext(2)).stripTrailingZeros().toPlainString();
  }
}
