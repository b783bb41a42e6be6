package weka.superposition.charts;

import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleInsets;

/** The one look of the package's charts: fonts, white plots with light grid lines, padding. */
final class ChartStyle {

  static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
  private static final Color GRID = new Color(225, 225, 225);

  /** Series colours in order, matplotlib's first five (tab10): blue, orange, green, red, purple. */
  private static final Color[] SERIES = {
    new Color(31, 119, 180),
    new Color(255, 127, 14),
    new Color(44, 160, 44),
    new Color(214, 39, 40),
    new Color(148, 103, 189)
  };

  private ChartStyle() {}

  /** {@code axis} with the package's label and tick fonts. */
  static <A extends Axis> A styled(A axis) {
    axis.setLabelFont(LABEL_FONT);
    axis.setTickLabelFont(TICK_FONT);
    return axis;
  }

  /** A white plot with light grid lines both ways. */
  static XYPlot gridded(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    return plot;
  }

  /** A white bar plot with light horizontal grid lines. */
  static CategoryPlot gridded(CategoryPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(GRID);
    return plot;
  }

  /** The colour of series {@code s}, repeating after five. */
  static Color series(int s) {
    return SERIES[s % SERIES.length];
  }

  /** Flat blue bars, no shadow. */
  static BarRenderer bars() {
    return flat(new BarRenderer());
  }

  /** {@code renderer} with flat blue bars, no shadow. */
  static <R extends BarRenderer> R flat(R renderer) {
    renderer.setSeriesPaint(0, series(0));
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    return renderer;
  }

  /** Flat blue bars over numeric intervals (histograms), no shadow, a white line between bars. */
  static XYBarRenderer xyBars() {
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setSeriesPaint(0, series(0));
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(true);
    renderer.setSeriesOutlinePaint(0, Color.WHITE);
    return renderer;
  }

  /** A chart on white with the package's title font. */
  static JFreeChart chart(String title, Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(4, 4, 4, 8));
    if (legend) {
      chart.getLegend().setItemFont(TICK_FONT);
    }
    return chart;
  }
}
