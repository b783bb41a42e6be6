package weka.superposition.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import weka.superposition.analysis.ToyGeometry;
import weka.superposition.analysis.ToyGeometry.Phase;
import weka.superposition.experiments.ToySweep;

/**
 * The paper's phase diagram (two features in one dimension) and its feature-dimensionality scatter,
 * from the runs of a {@link ToySweep}.
 */
public final class ToySweepCharts {

  private ToySweepCharts() {}

  /** The paper's colours: grey not represented, blue a dedicated dimension, red superposition. */
  private static final Map<Phase, Color> COLOURS =
      new EnumMap<>(
          Map.of(
              Phase.FIRST_ONLY, new Color(200, 200, 200),
              Phase.SUPERPOSITION, new Color(204, 51, 51),
              Phase.SECOND_ONLY, new Color(51, 77, 204),
              Phase.NONE, new Color(40, 40, 40)));

  private static final Map<Phase, String> LABELS =
      new EnumMap<>(
          Map.of(
              Phase.FIRST_ONLY, "extra feature not represented",
              Phase.SUPERPOSITION, "both, in superposition",
              Phase.SECOND_ONLY, "extra feature gets the dimension",
              Phase.NONE, "neither represented"));

  private static LogAxis logAxis(String label, double from, double to) {
    LogAxis axis = ChartStyle.styled(new LogAxis(label));
    axis.setRange(from, to);
    axis.setNumberFormatOverride(new DecimalFormat("0.###"));
    return axis;
  }

  /**
   * Each cell of a phase-diagram sweep as a square coloured by the phase of its seed-1 model, over
   * the relative importance of the extra feature (x) and the feature density 1 - S (y), both
   * logarithmic, as in the paper's figure.
   */
  public static JFreeChart phaseDiagram(ToySweep.Settings settings, List<ToySweep.Run> runs) {
    Map<Phase, XYSeries> series = new EnumMap<>(Phase.class);
    for (Phase phase : Phase.values()) {
      series.put(phase, new XYSeries(LABELS.get(phase), false));
    }
    double minX = Double.MAX_VALUE;
    double maxX = 0;
    double minY = Double.MAX_VALUE;
    double maxY = 0;
    for (ToySweep.Run run : runs) {
      if (run.seed() != 1) {
        continue;
      }
      double x = run.importanceDecay();
      double y = 1 - run.sparsity();
      series.get(ToyGeometry.phase(run.vectors())).add(x, y);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    int cells = (int) Math.round(Math.sqrt(settings.cells().size()));
    double side = Math.max(4, 400.0 / Math.max(1, cells));
    int s = 0;
    for (Phase phase : Phase.values()) {
      data.addSeries(series.get(phase));
      renderer.setSeriesPaint(s, COLOURS.get(phase));
      renderer.setSeriesShape(s, new Rectangle2D.Double(-side / 2, -side / 2, side, side));
      s++;
    }
    // half a cell of margin on each side, on the log scale
    double stepX = cells > 1 ? Math.pow(maxX / minX, 0.5 / (cells - 1)) : 2;
    double stepY = cells > 1 ? Math.pow(maxY / minY, 0.5 / (cells - 1)) : 2;
    XYPlot plot =
        new XYPlot(
            data,
            logAxis("relative importance of the extra feature", minX / stepX, maxX * stepX),
            logAxis("feature density 1 - S", minY / stepY, maxY * stepY),
            renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    return ChartStyle.chart(
        String.format(
            Locale.ROOT,
            "Phase diagram: 2 features in 1 dimension (%d steps of %d, seed 1)",
            settings.training().steps(),
            settings.training().batchSize()),
        plot,
        true);
  }

  /**
   * Every feature's dimensionality D_i against 1 / (1 - S) (logarithmic), the mean over seeds of
   * the dimensions per feature m / ||W||_F^2 as a line, and the fractions the paper marks as dashed
   * lines.
   */
  public static JFreeChart dimensionality(ToySweep.Settings settings, List<ToySweep.Run> runs) {
    XYSeries features = new XYSeries("D_i of each feature", false);
    MeanLine perLevel = new MeanLine();
    for (ToySweep.Run run : runs) {
      double x = 1 / (1 - run.sparsity());
      double frobenius = 0;
      for (double norm : run.norms()) {
        frobenius += norm * norm;
      }
      perLevel.add(x, frobenius > 0 ? settings.bottleneck() / frobenius : 0);
      for (double d : ToyGeometry.dimensionality(run.vectors())) {
        features.add(x, d);
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(features);
    data.addSeries(perLevel.series("m / ||W||_F^2"));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesLinesVisible(0, false);
    renderer.setSeriesPaint(0, new Color(31, 119, 180, 90));
    renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    renderer.setSeriesShapesVisible(1, false);
    renderer.setSeriesPaint(1, Color.BLACK);
    renderer.setSeriesStroke(1, new BasicStroke(1.6f));
    LogAxis x = logAxis("1 / (1 - S)", 0.9, 1.1 * Math.max(1, perLevel.lastX(1)));
    x.setTickUnit(new NumberTickUnit(0.25));
    NumberAxis y = ChartStyle.styled(new NumberAxis("feature dimensionality D_i"));
    y.setRange(0, 1.1);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(225, 225, 225));
    plot.setRangeGridlinesVisible(false);
    for (int f = 0; f < ToyGeometry.FRACTIONS.length; f++) {
      ValueMarker marker =
          new ValueMarker(
              ToyGeometry.FRACTIONS[f],
              new Color(120, 120, 120),
              new BasicStroke(
                  0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {4, 4}, 0));
      marker.setLabel(ToyGeometry.FRACTION_NAMES[f]);
      marker.setLabelFont(ChartStyle.TICK_FONT);
      marker.setLabelAnchor(RectangleAnchor.RIGHT);
      marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      plot.addRangeMarker(marker);
    }
    return ChartStyle.chart(
        String.format(
            Locale.ROOT,
            "Feature dimensionality: %d features in %d dimensions",
            settings.features(),
            settings.bottleneck()),
        plot,
        true);
  }
}
