package weka.superposition.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import weka.superposition.analysis.Analysis;

/**
 * JFreeChart charts of an {@link Analysis}: the seed's feature-vector plots ("imp * len=flex", "imp
 * * len=fix1") and its weight analysis row (||W_i||, b, interference, W^T W, W^T W top 1 %), plus
 * the reconstruction error against its references.
 */
public final class SuperpositionCharts {

  /** Which of the seed's two feature-vector plots. */
  public enum VectorLength {
    /** Direction times scaled importance: length shows the direction's own size too. */
    FLEX("imp * len=flex"),
    /** Unit direction times scaled importance: length shows importance only. */
    FIX1("imp * len=fix1");

    final String title;

    VectorLength(String title) {
      this.title = title;
    }
  }

  private SuperpositionCharts() {}

  /**
   * One segment from the origin and a marker per feature, coloured by scaled importance, axes
   * through the origin, equal aspect ratio; the {@code labelled} most important features are named.
   */
  public static JFreeChart featureVectors(Analysis a, VectorLength length, int labelled) {
    double[][] points = length == VectorLength.FLEX ? a.directions().flex() : a.directions().fix1();
    return vectors(
        length.title + "  (epoch " + a.epoch() + ")",
        points,
        a.featureNames().toArray(new String[0]),
        a.importance().scaled(),
        a.importance().rank(),
        labelled,
        "scaled importance");
  }

  /**
   * 2-D vectors as segments from the origin with a marker at the end, coloured by {@code colour}
   * (the colour bar spans its values), equal aspect ratio, axes through the origin; drawn in
   * reverse {@code order} so that the first are on top, and the first {@code labelled} of them
   * named.
   */
  public static JFreeChart vectors(
      String title,
      double[][] points,
      String[] names,
      double[] colour,
      int[] order,
      int labelled,
      String colourLabel) {
    XYSeriesCollection segments = new XYSeriesCollection();
    XYSeriesCollection ends = new XYSeriesCollection();
    double limit = 0;
    for (int r = order.length - 1; r >= 0; r--) {
      int i = order[r];
      XYSeries segment = new XYSeries(names[i], false);
      segment.add(0, 0);
      segment.add(points[i][0], points[i][1]);
      segments.addSeries(segment);
      XYSeries end = new XYSeries(names[i], false);
      end.add(points[i][0], points[i][1]);
      ends.addSeries(end);
      limit = Math.max(limit, Math.max(Math.abs(points[i][0]), Math.abs(points[i][1])));
    }
    limit = limit > 0 ? limit * 1.12 : 1;
    ColourScale colours =
        ColourScale.sequential(
            Arrays.stream(colour).min().orElse(0), Arrays.stream(colour).max().orElse(1));

    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    XYLineAndShapeRenderer markers = new XYLineAndShapeRenderer(false, true);
    for (int s = 0; s < segments.getSeriesCount(); s++) {
      int r = order.length - 1 - s;
      Color c = colours.colour(colour[order[r]]);
      lines.setSeriesPaint(s, c);
      lines.setSeriesStroke(s, new BasicStroke(1.6f));
      markers.setSeriesPaint(s, c);
      markers.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
      markers.setSeriesItemLabelsVisible(s, r < labelled);
      // neighbours in rank take turns above and below their point, so that the labels of
      // features with nearly the same vector do not print over each other
      markers.setSeriesPositiveItemLabelPosition(
          s,
          r % 2 == 0
              ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER)
              : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_CENTER));
      markers.setSeriesNegativeItemLabelPosition(s, markers.getSeriesPositiveItemLabelPosition(s));
    }
    markers.setDefaultItemLabelGenerator(
        (dataset, series, item) -> dataset.getSeriesKey(series).toString());
    markers.setDefaultItemLabelFont(ChartStyle.TICK_FONT);

    NumberAxis x = axis("x", -limit, limit);
    NumberAxis y = axis("y", -limit, limit);
    XYPlot plot = new EqualAspectXYPlot(segments, x, y, lines);
    plot.setDataset(1, ends);
    plot.setRenderer(1, markers);
    BasicStroke dashed =
        new BasicStroke(
            0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f);
    plot.addDomainMarker(new ValueMarker(0, Color.GRAY, dashed));
    plot.addRangeMarker(new ValueMarker(0, Color.GRAY, dashed));
    ChartStyle.gridded(plot);

    JFreeChart chart = ChartStyle.chart(title, plot, false);
    chart.addSubtitle(colourBar(colours, colourLabel));
    return chart;
  }

  /** A per-feature value against importance rank (0 = most important), as the seed plots them. */
  public static JFreeChart byRank(String title, String yLabel, Analysis a, double[]... series) {
    return byRank(title, yLabel, a, new String[0], series);
  }

  /** Several named per-feature series against importance rank. */
  public static JFreeChart byRank(
      String title, String yLabel, Analysis a, String[] names, double[]... series) {
    int[] rank = a.importance().rank();
    XYSeriesCollection data = new XYSeriesCollection();
    for (int s = 0; s < series.length; s++) {
      XYSeries line = new XYSeries(s < names.length ? names[s] : yLabel, false);
      for (int r = 0; r < rank.length; r++) {
        line.add(r, series[s][rank[r]]);
      }
      data.addSeries(line);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int s = 0; s < series.length; s++) {
      renderer.setSeriesPaint(s, ChartStyle.series(s));
      renderer.setSeriesShape(s, new Ellipse2D.Double(-2, -2, 4, 4));
    }
    NumberAxis x = axis("importance rank", 0, Math.max(1, rank.length - 1));
    NumberAxis y = ChartStyle.styled(new NumberAxis(yLabel));
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = ChartStyle.gridded(new XYPlot(data, x, y, renderer));
    JFreeChart chart = ChartStyle.chart(title, plot, series.length > 1);
    if (series.length > 1) {
      chart.getLegend().setFrame(BlockBorder.NONE);
    }
    return chart;
  }

  /**
   * A matrix (rows and columns in importance order) as a heat map, row 0 at the top as in
   * matplotlib's imshow, with a colour scale centred on 0 and a colour bar.
   */
  public static JFreeChart heatMap(String title, double[][] matrix) {
    int n = matrix.length;
    double[] xs = new double[n * n];
    double[] ys = new double[n * n];
    double[] zs = new double[n * n];
    double limit = 0;
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        xs[r * n + c] = c;
        ys[r * n + c] = r;
        zs[r * n + c] = matrix[r][c];
        limit = Math.max(limit, Math.abs(matrix[r][c]));
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("matrix", new double[][] {xs, ys, zs});
    ColourScale colours = ColourScale.diverging(limit);
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(colours);
    NumberAxis x = axis("feature (importance rank)", -0.5, n - 0.5);
    NumberAxis y = axis("feature (importance rank)", -0.5, n - 0.5);
    y.setInverted(true);
    XYPlot plot = new EqualAspectXYPlot(data, x, y, renderer);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setBackgroundPaint(Color.WHITE);
    JFreeChart chart = ChartStyle.chart(title, plot, false);
    chart.addSubtitle(colourBar(colours, null));
    return chart;
  }

  /** The reconstruction MSE beside predicting the mean and the rank-m PCA reconstruction. */
  public static JFreeChart errorAgainstReferences(Analysis a) {
    Analysis.Summary s = a.summary();
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(s.mse(), "MSE", "autoencoder");
    data.addValue(s.meanPredictorMse(), "MSE", "feature means");
    data.addValue(s.pcaMse(), "MSE", "PCA (" + a.bottleneck() + ")");
    NumberAxis y = ChartStyle.styled(new NumberAxis("reconstruction MSE (training data)"));
    org.jfree.chart.axis.CategoryAxis x =
        ChartStyle.styled(new org.jfree.chart.axis.CategoryAxis());
    BarRenderer renderer = ChartStyle.bars();
    renderer.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("0.0000")));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(ChartStyle.TICK_FONT);
    CategoryPlot plot = ChartStyle.gridded(new CategoryPlot(data, x, y, renderer));
    plot.setOrientation(PlotOrientation.VERTICAL);
    JFreeChart chart = ChartStyle.chart("Error and its references", plot, false);
    String clusters =
        s.clusters() == 0
            ? "no important feature has a direction"
            : String.format(
                Locale.ROOT,
                "%d important features in %d clusters; two largest: %.0f %% " + "of importance%s",
                s.importantFeatures(),
                s.clusters(),
                100 * s.topTwoShare(),
                Double.isNaN(s.topTwoAngle())
                    ? ""
                    : String.format(Locale.ROOT, ", %.0f degrees apart", s.topTwoAngle()));
    TextTitle subtitle = new TextTitle(clusters, ChartStyle.TICK_FONT);
    subtitle.setPosition(RectangleEdge.BOTTOM);
    chart.addSubtitle(subtitle);
    return chart;
  }

  /** The seed's weight analysis row, in its order, plus the error panel. */
  public static JFreeChart[] weightAnalysis(Analysis a) {
    Analysis.Weights w = a.weights();
    JFreeChart[] charts = {
      byRank("||W_i||", "||W_i|| (encoder)", a, w.norm()),
      byRank("b", "decoder bias", a, w.bias()),
      byRank(
          "interference",
          "sum of squared dot products",
          a,
          new String[] {"notebook (\"cos sim\")", "paper"},
          w.interferenceNotebook(),
          w.interferencePaper()),
      heatMap("W^T W (decoder x encoder)", w.decoderTimesEncoder()),
      heatMap("W^T W, top 1 %", w.top1Percent()),
      errorAgainstReferences(a)
    };
    for (JFreeChart chart : charts) {
      // every panel says its epoch: a slider or a saved file shows any of them
      chart.setTitle(chart.getTitle().getText() + "  (epoch " + a.epoch() + ")");
    }
    return charts;
  }

  private static NumberAxis axis(String label, double lower, double upper) {
    NumberAxis axis = ChartStyle.styled(new NumberAxis(label));
    axis.setRange(lower, upper);
    return axis;
  }

  /** A vertical colour bar of {@code scale} with its values, for the right of a chart. */
  static PaintScaleLegend colourBar(ColourScale scale, String label) {
    NumberAxis axis = ChartStyle.styled(new NumberAxis(label));
    axis.setRange(scale.getLowerBound(), scale.getUpperBound());
    PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    legend.setStripWidth(12);
    legend.setMargin(new RectangleInsets(8, 6, 8, 2));
    legend.setSubdivisionCount(64);
    return legend;
  }
}
