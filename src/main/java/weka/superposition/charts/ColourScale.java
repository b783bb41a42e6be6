package weka.superposition.charts;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/** Continuous colour scales: sequential (viridis) for importance, diverging for signed matrices. */
public final class ColourScale implements PaintScale, Serializable {

  private static final long serialVersionUID = 2212585209004536471L;

  /** Anchors of matplotlib's viridis, from 0 to 1. */
  private static final Color[] VIRIDIS = {
    new Color(68, 1, 84),
    new Color(59, 82, 139),
    new Color(33, 145, 140),
    new Color(94, 201, 98),
    new Color(253, 231, 37)
  };

  /** Blue, white, red: matplotlib's RdBu reversed, white at the middle. */
  private static final Color[] DIVERGING = {
    new Color(5, 48, 97),
    new Color(67, 147, 195),
    new Color(247, 247, 247),
    new Color(214, 96, 77),
    new Color(103, 0, 31)
  };

  private final double lower;
  private final double upper;
  private final Color[] anchors;

  private ColourScale(double lower, double upper, Color[] anchors) {
    this.lower = lower;
    this.upper = upper > lower ? upper : lower + 1;
    this.anchors = anchors;
  }

  /** Viridis from {@code lower} to {@code upper}. */
  public static ColourScale sequential(double lower, double upper) {
    return new ColourScale(lower, upper, VIRIDIS);
  }

  /** Blue-white-red centred on 0, symmetric: from -limit to +limit. */
  public static ColourScale diverging(double limit) {
    double l = limit > 0 ? limit : 1;
    return new ColourScale(-l, l, DIVERGING);
  }

  @Override
  public double getLowerBound() {
    return lower;
  }

  @Override
  public double getUpperBound() {
    return upper;
  }

  @Override
  public Paint getPaint(double value) {
    return colour(value);
  }

  public Color colour(double value) {
    double t = (value - lower) / (upper - lower);
    t = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
    double position = t * (anchors.length - 1);
    int i = Math.min(anchors.length - 2, (int) position);
    double f = position - i;
    Color a = anchors[i];
    Color b = anchors[i + 1];
    return new Color(
        mix(a.getRed(), b.getRed(), f),
        mix(a.getGreen(), b.getGreen(), f),
        mix(a.getBlue(), b.getBlue(), f));
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }
}
