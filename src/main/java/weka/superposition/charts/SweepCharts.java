package weka.superposition.charts;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import weka.superposition.analysis.ToyImportances;
import weka.superposition.experiments.SparsitySweep.Run;

/** Charts of a sparsity sweep of the toy model, as in Elhage et al.'s figures. */
public final class SweepCharts {

  private SweepCharts() {}

  private static String[] names(int n) {
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = "x" + (i + 1);
    }
    return names;
  }

  /** The features' vectors W_i in the 2-D hidden space, coloured by importance r^i. */
  public static JFreeChart vectors(Run run, double importanceDecay) {
    int n = run.vectors().length;
    double[] importance = new double[n];
    int[] order = new int[n];
    float[] values = ToyImportances.of(n, importanceDecay);
    for (int i = 0; i < n; i++) {
      importance[i] = values[i];
      order[i] = i;
    }
    return SuperpositionCharts.vectors(
        String.format(Locale.ROOT, "W_i, S = %s (seed %d)", run.sparsity(), run.seed()),
        run.vectors(),
        names(n),
        importance,
        order,
        n,
        "importance r^i");
  }

  /** ||W_i|| per feature, the paper's measure of whether a feature is represented. */
  public static JFreeChart norms(Run run) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    String[] names = names(run.norms().length);
    for (int i = 0; i < names.length; i++) {
      data.addValue(run.norms()[i], "||W_i||", names[i]);
    }
    NumberAxis y = ChartStyle.styled(new NumberAxis("||W_i||"));
    y.setRange(0, Math.max(1.2, 1.05 * java.util.Arrays.stream(run.norms()).max().orElse(1)));
    CategoryAxis x = ChartStyle.styled(new CategoryAxis("feature (most important first)"));
    CategoryPlot plot = ChartStyle.gridded(new CategoryPlot(data, x, y, ChartStyle.bars()));
    return ChartStyle.chart(
        String.format(Locale.ROOT, "||W_i||, S = %s", run.sparsity()), plot, false);
  }

  /**
   * The paper's dimensions per feature, m / ||W||_F^2, against 1 / (1 - S) on a log axis: every run
   * a dot, the mean over seeds a line.
   */
  public static JFreeChart dimensionsPerFeature(List<Run> runs) {
    XYSeries each = new XYSeries("runs", false);
    MeanLine bySparsity = new MeanLine();
    for (Run run : runs) {
      each.add(run.inverseDensity(), run.dimensionsPerFeature());
      bySparsity.add(run.inverseDensity(), run.dimensionsPerFeature());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(bySparsity.series("mean over seeds"));
    data.addSeries(each);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesPaint(0, ChartStyle.series(0));
    renderer.setSeriesStroke(0, new BasicStroke(1.6f));
    renderer.setSeriesShapesVisible(0, false);
    renderer.setSeriesPaint(1, ChartStyle.series(1));
    renderer.setSeriesLinesVisible(1, false);
    renderer.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
    LogAxis x = ChartStyle.styled(new LogAxis("1 / (1 - S)"));
    x.setSmallestValue(0.5);
    // ticks at 1, 3.2, 10, 31.6, 100 rather than 10^0.2 steps
    x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.5));
    x.setNumberFormatOverride(new java.text.DecimalFormat("0.#"));
    NumberAxis y = ChartStyle.styled(new NumberAxis("dimensions per feature, m / ||W||_F^2"));
    y.setAutoRangeIncludesZero(true);
    XYPlot plot = ChartStyle.gridded(new XYPlot(data, x, y, renderer));
    return ChartStyle.chart("Dimensions per feature against sparsity", plot, true);
  }
}
