package weka.superposition.charts;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.title.PaintScaleLegend;

/**
 * The hidden units' input weights as pictures, from plain data: each unit's weights from the inputs
 * laid out as the square image the inputs came from (MNIST's 784 pixels as 28 x 28), one tile per
 * unit, all tiles on one diverging scale (blue negative, white 0, red positive) with its colour
 * bar. What a unit responds to reads as red strokes, what it responds against as blue ones.
 */
public final class HiddenWeightCharts {

  /** The picture's file name. */
  public static final String FILE = "hidden-weights.png";

  /** Tiles are drawn about this wide: a whole number of screen pixels per input, at least one. */
  private static final int TILE_TARGET = 112;

  // the geometry: a title band (title and two lines of explanation), then the grid of labelled
  // tiles, with the colour bar at its right
  private static final int MARGIN = 12;
  private static final int TITLE_HEIGHT = 64;
  private static final int LABEL_HEIGHT = 16;
  private static final int GAP = 8;
  private static final int BAR_WIDTH = 90;
  private static final int MIN_WIDTH = 720;
  private static final int MIN_COLUMN_WIDTH = 56;

  private static final Color TILE_FRAME = new Color(200, 200, 200);

  private HiddenWeightCharts() {}

  /**
   * The hidden units' input weights as a grid of square tiles, {@code ceil(sqrt(units))} tiles a
   * row; each tile labelled with its unit ("h17": unit 16 of 0..N-1, named as {@code
   * TFMlpActivations} names its activations) and, when ranks are given, its importance rank ("h17
   * #3"), the tiles then in importance order (else in unit order).
   *
   * @param kernel the hidden layer's kernel {@code [inputs, units]} row-major, as {@code
   *     TFMlpClassifier.hiddenLayer()} gives it: {@code kernel[i * units + u]} is the weight from
   *     input {@code i} to unit {@code u}; input {@code i} is pixel {@code (i / side, i % side)}
   * @param importanceRank the units from the most to the least important, as {@code
   *     Analysis.Importance.rank()} gives them; null for none
   * @param title the picture's title; null for none
   * @throws IllegalArgumentException when the kernel does not have {@code inputs x units} values,
   *     {@code inputs} is not a square number, or the ranks are not each unit once
   */
  public static BufferedImage hiddenWeights(
      float[] kernel, int inputs, int units, int[] importanceRank, String title) {
    return draw(kernel, importanceRank, title, Layout.of(inputs, units));
  }

  /**
   * {@link #hiddenWeights(float[], int, int, int[], String)} as large as fits in {@code width x
   * height} pixels (a window's): the most whole screen pixels per input that fit, up to the default
   * picture's; one per input when none fit, the picture then larger than asked.
   */
  public static BufferedImage hiddenWeights(
      float[] kernel,
      int inputs,
      int units,
      int[] importanceRank,
      String title,
      int width,
      int height) {
    Layout layout = Layout.of(inputs, units);
    while (layout.scale > 1 && (layout.width() > width || layout.height() > height)) {
      layout = layout.scaled(layout.scale - 1);
    }
    return draw(kernel, importanceRank, title, layout);
  }

  private static BufferedImage draw(
      float[] kernel, int[] importanceRank, String title, Layout layout) {
    int units = layout.units;
    check(kernel, layout.side * layout.side, units, importanceRank);
    double limit = 0;
    for (float w : kernel) {
      limit = Math.max(limit, Math.abs(w)); // NaN does not count
    }
    ColourScale colours = ColourScale.diverging(limit);

    BufferedImage image =
        new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = ChartImages.canvas(image);
    try {
      g.setColor(Color.BLACK);
      if (title != null) {
        g.setFont(ChartStyle.TITLE_FONT);
        g.drawString(title, MARGIN, 22);
      }
      g.setFont(ChartStyle.TICK_FONT);
      g.drawString(
          String.format(
              Locale.ROOT,
              "One tile per hidden unit: its weights from the %d x %d inputs. Red positive, blue "
                  + "negative, one scale for all tiles (largest |weight| %.3g).",
              layout.side,
              layout.side,
              limit),
          MARGIN,
          40);
      g.drawString(
          importanceRank != null
              ? "Tiles in the autoencoder's importance order, #1 the most important."
              : "Tiles in unit order.",
          MARGIN,
          54);

      for (int position = 0; position < units; position++) {
        int unit = importanceRank == null ? position : importanceRank[position];
        Rectangle bounds = layout.tile(position);
        g.setRenderingHint(
            RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(
            tile(kernel, units, unit, layout.side, colours),
            bounds.x,
            bounds.y,
            bounds.width,
            bounds.height,
            null);
        g.setColor(TILE_FRAME);
        g.drawRect(bounds.x - 1, bounds.y - 1, bounds.width + 1, bounds.height + 1);
        g.setColor(Color.BLACK);
        g.setFont(ChartStyle.LABEL_FONT);
        // named h1..hN, as TFMlpActivations names the units' activations
        String label = "h" + (unit + 1) + (importanceRank == null ? "" : " #" + (position + 1));
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(
            label, bounds.x + (bounds.width - metrics.stringWidth(label)) / 2, bounds.y - 4);
      }

      Rectangle first = layout.tile(0);
      PaintScaleLegend bar = SuperpositionCharts.colourBar(colours, "input weight");
      // about three values each side of 0: a tick at every fit is too dense to read
      NumberAxis values = (NumberAxis) bar.getAxis();
      values.setTickUnit(
          (NumberTickUnit)
              values.getStandardTickUnits().getCeilingTickUnit(colours.getUpperBound() / 6));
      bar.draw(
          g,
          new Rectangle2D.Double(
              layout.gridRight() + GAP, first.y, BAR_WIDTH, layout.gridBottom() - first.y));
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Writes {@link #hiddenWeights} as {@value #FILE} into {@code folder}; returns the file written.
   */
  public static Path writeHiddenWeights(
      float[] kernel, int inputs, int units, int[] importanceRank, String title, Path folder)
      throws IOException {
    Path file = folder.resolve(FILE);
    ChartImages.writePng(hiddenWeights(kernel, inputs, units, importanceRank, title), file);
    return file;
  }

  /**
   * Where the tile at {@code position} (0 the first, row by row) lies in the picture of {@code
   * units} units with {@code inputs} inputs each.
   */
  static Rectangle tileBounds(int position, int inputs, int units) {
    return Layout.of(inputs, units).tile(position);
  }

  private static void check(float[] kernel, int inputs, int units, int[] importanceRank) {
    if (kernel == null || (long) inputs * units != kernel.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "A kernel of %s values is not %d inputs x %d hidden units",
              kernel == null ? "no" : Integer.toString(kernel.length),
              inputs,
              units));
    }
    if (importanceRank == null) {
      return;
    }
    if (importanceRank.length != units) {
      throw new IllegalArgumentException(
          importanceRank.length + " importance ranks for " + units + " hidden units");
    }
    boolean[] seen = new boolean[units];
    for (int unit : importanceRank) {
      if (unit < 0 || unit >= units || seen[unit]) {
        throw new IllegalArgumentException(
            "The importance ranks must list each of the "
                + units
                + " hidden units once; unit "
                + unit
                + (unit < 0 || unit >= units ? " does not exist" : " comes twice"));
      }
      seen[unit] = true;
    }
  }

  /** Unit {@code unit}'s weights as a {@code side x side} image, input 0 at the top left. */
  private static BufferedImage tile(
      float[] kernel, int units, int unit, int side, ColourScale colours) {
    BufferedImage tile = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < side * side; i++) {
      tile.setRGB(i % side, i / side, colours.colour(kernel[i * units + unit]).getRGB());
    }
    return tile;
  }

  /** Where everything lies: {@code columns x rows} cells of a label above a tile. */
  private record Layout(int side, int scale, int units, int columns, int rows) {

    /** The default layout: tiles about {@link #TILE_TARGET} wide. */
    static Layout of(int inputs, int units) {
      if (units <= 0) {
        throw new IllegalArgumentException("No hidden units to draw (" + units + ")");
      }
      int side = (int) Math.round(Math.sqrt(inputs));
      if (inputs <= 0 || side * side != inputs) {
        throw new IllegalArgumentException(
            inputs
                + " inputs are not a square image (such as MNIST's 784 pixels, 28 x 28): "
                + "the weights have no picture");
      }
      int columns = (int) Math.ceil(Math.sqrt(units));
      return new Layout(
          side, Math.max(1, TILE_TARGET / side), units, columns, (units + columns - 1) / columns);
    }

    /** The same grid with {@code pixels} screen pixels per input. */
    Layout scaled(int pixels) {
      return new Layout(side, pixels, units, columns, rows);
    }

    int tileSide() {
      return side * scale;
    }

    /** A column is as wide as its tiles, and as their labels ("h49 #49") when tiles are small. */
    int columnWidth() {
      return Math.max(tileSide(), MIN_COLUMN_WIDTH);
    }

    Rectangle tile(int position) {
      int x =
          MARGIN + (position % columns) * (columnWidth() + GAP) + (columnWidth() - tileSide()) / 2;
      int y =
          TITLE_HEIGHT + LABEL_HEIGHT + (position / columns) * (LABEL_HEIGHT + tileSide() + GAP);
      return new Rectangle(x, y, tileSide(), tileSide());
    }

    int gridRight() {
      return MARGIN + columns * (columnWidth() + GAP) - GAP;
    }

    int gridBottom() {
      return TITLE_HEIGHT + rows * (LABEL_HEIGHT + tileSide() + GAP) - GAP;
    }

    /** Wide enough for the grid and its colour bar, and for the explanation under the title. */
    int width() {
      return Math.max(MIN_WIDTH, gridRight() + GAP + BAR_WIDTH + MARGIN);
    }

    int height() {
      return gridBottom() + MARGIN;
    }
  }
}
