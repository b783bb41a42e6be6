package weka.superposition.charts;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * An XYPlot whose data area is always square. With equal axis ranges, one unit is as long across as
 * up, so that the angles between feature directions look like the angles they are.
 */
public class EqualAspectXYPlot extends XYPlot {

  private static final long serialVersionUID = -2749152779018380377L;

  public EqualAspectXYPlot(
      XYDataset dataset, ValueAxis domain, ValueAxis range, XYItemRenderer renderer) {
    super(dataset, domain, range, renderer);
  }

  @Override
  public void draw(
      Graphics2D g2,
      Rectangle2D area,
      Point2D anchor,
      PlotState parentState,
      PlotRenderingInfo info) {
    Rectangle2D inner = (Rectangle2D) area.clone();
    getInsets().trim(inner);
    AxisSpace space = calculateAxisSpace(g2, inner);
    Rectangle2D data = space.shrink(inner, null);
    double side = Math.min(data.getWidth(), data.getHeight());
    double dx = data.getWidth() - side;
    double dy = data.getHeight() - side;
    Rectangle2D square =
        new Rectangle2D.Double(
            area.getX() + dx / 2,
            area.getY() + dy / 2,
            area.getWidth() - dx,
            area.getHeight() - dy);
    super.draw(g2, square, anchor, parentState, info);
  }
}
