package weka.superposition.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HiddenWeightChartsTest {

  @TempDir Path dir;

  private static final int INPUTS = 784;
  private static final int UNITS = 49;

  /** Every weight of unit {@code positive} is +1, every other unit's -1/2. */
  private static float[] kernelWithPositiveUnit(int positive) {
    float[] kernel = new float[INPUTS * UNITS];
    for (int i = 0; i < INPUTS; i++) {
      for (int u = 0; u < UNITS; u++) {
        kernel[i * UNITS + u] = u == positive ? 1f : -0.5f;
      }
    }
    return kernel;
  }

  private static Color centre(BufferedImage image, Rectangle tile) {
    return new Color(image.getRGB(tile.x + tile.width / 2, tile.y + tile.height / 2));
  }

  private static boolean reddish(Color c) {
    return c.getRed() > c.getBlue() + 60;
  }

  private static boolean bluish(Color c) {
    return c.getBlue() > c.getRed() + 60;
  }

  @Test
  void mnistsFortyNineUnitsAreASevenBySevenGridOfTwentyEightPixelTilesWithAColourBar() {
    BufferedImage image =
        HiddenWeightCharts.hiddenWeights(kernelWithPositiveUnit(0), INPUTS, UNITS, null, "t");
    Rectangle first = HiddenWeightCharts.tileBounds(0, INPUTS, UNITS);
    Rectangle last = HiddenWeightCharts.tileBounds(48, INPUTS, UNITS);
    // a whole number of screen pixels per input, the same for every tile
    assertEquals(0, first.width % 28);
    assertEquals(first.width, first.height);
    assertEquals(first.getSize(), last.getSize());
    // the 49th tile is the last of the 7th row, the 8th the first of the second
    assertEquals(first.x, HiddenWeightCharts.tileBounds(7, INPUTS, UNITS).x);
    assertTrue(HiddenWeightCharts.tileBounds(7, INPUTS, UNITS).y > first.y + first.height);
    assertEquals(HiddenWeightCharts.tileBounds(6, INPUTS, UNITS).x, last.x);
    // the grid fits, with the colour bar to its right
    assertTrue(last.y + last.height < image.getHeight());
    assertTrue(last.x + last.width + 80 < image.getWidth());
  }

  @Test
  void drawnToFitAWindowItTakesTheMostPixelsPerInputThatFit() {
    float[] kernel = kernelWithPositiveUnit(0);
    BufferedImage full = HiddenWeightCharts.hiddenWeights(kernel, INPUTS, UNITS, null, "t");
    assertEquals(
        full.getHeight(),
        HiddenWeightCharts.hiddenWeights(kernel, INPUTS, UNITS, null, "t", 4000, 4000).getHeight(),
        "never larger than the default");
    BufferedImage fitted =
        HiddenWeightCharts.hiddenWeights(kernel, INPUTS, UNITS, null, "t", 1100, 600);
    assertTrue(fitted.getWidth() <= 1100 && fitted.getHeight() <= 600, fitted.toString());
    BufferedImage oneLarger =
        HiddenWeightCharts.hiddenWeights(kernel, INPUTS, UNITS, null, "t", 1100, 600 + 7 * 28);
    assertTrue(oneLarger.getHeight() > 600, "a pixel more per input would have fitted");
    // one pixel per input when nothing fits: larger than asked, never empty
    BufferedImage tiny = HiddenWeightCharts.hiddenWeights(kernel, INPUTS, UNITS, null, "t", 10, 10);
    assertTrue(tiny.getHeight() > 7 * 28, tiny.toString());
  }

  @Test
  void aTileOfPositiveWeightsShowsThePositiveColourAtItsCentreOnTheSharedScale() {
    BufferedImage image =
        HiddenWeightCharts.hiddenWeights(kernelWithPositiveUnit(17), INPUTS, UNITS, null, null);
    // unranked: tile 17 is unit 17, the only positive one, at the scale's end (dark red)
    Color positive = centre(image, HiddenWeightCharts.tileBounds(17, INPUTS, UNITS));
    assertTrue(reddish(positive), positive.toString());
    assertEquals(ColourScale.diverging(1).colour(1), positive);
    // the others, -1/2 on the same scale (the largest |weight| 1), halfway to the darkest blue
    Color negative = centre(image, HiddenWeightCharts.tileBounds(16, INPUTS, UNITS));
    assertTrue(bluish(negative), negative.toString());
    assertEquals(ColourScale.diverging(1).colour(-0.5), negative);
  }

  @Test
  void inputsGoRowByRowIntoTheTile() {
    float[] kernel = new float[4 * 2];
    // unit 1: the top row of its 2 x 2 tile positive, the bottom row negative
    kernel[0 * 2 + 1] = 1;
    kernel[1 * 2 + 1] = 1;
    kernel[2 * 2 + 1] = -1;
    kernel[3 * 2 + 1] = -1;
    BufferedImage image = HiddenWeightCharts.hiddenWeights(kernel, 4, 2, null, null);
    Rectangle tile = HiddenWeightCharts.tileBounds(1, 4, 2);
    Color top = new Color(image.getRGB(tile.x + tile.width / 2, tile.y + tile.height / 4));
    Color bottom = new Color(image.getRGB(tile.x + tile.width / 2, tile.y + 3 * tile.height / 4));
    assertTrue(reddish(top), top.toString());
    assertTrue(bluish(bottom), bottom.toString());
  }

  @Test
  void importanceRanksOrderTheTiles() {
    int[] rank = new int[UNITS];
    for (int r = 0; r < UNITS; r++) {
      rank[r] = (r + 17) % UNITS; // unit 17 the most important, then 18, ...
    }
    BufferedImage image =
        HiddenWeightCharts.hiddenWeights(kernelWithPositiveUnit(17), INPUTS, UNITS, rank, "t");
    assertTrue(reddish(centre(image, HiddenWeightCharts.tileBounds(0, INPUTS, UNITS))));
    for (int position = 1; position < UNITS; position++) {
      assertTrue(
          bluish(centre(image, HiddenWeightCharts.tileBounds(position, INPUTS, UNITS))),
          "tile " + position);
    }
  }

  @Test
  void badShapesAndRanksAreRefused() {
    float[] kernel = kernelWithPositiveUnit(0);
    assertThrows(
        IllegalArgumentException.class,
        () -> HiddenWeightCharts.hiddenWeights(kernel, INPUTS, UNITS - 1, null, null));
    IllegalArgumentException notSquare =
        assertThrows(
            IllegalArgumentException.class,
            () -> HiddenWeightCharts.hiddenWeights(new float[10 * 3], 10, 3, null, null));
    assertTrue(notSquare.getMessage().contains("not a square"), notSquare.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> HiddenWeightCharts.hiddenWeights(null, INPUTS, UNITS, null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> HiddenWeightCharts.hiddenWeights(new float[0], 0, 0, null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> HiddenWeightCharts.hiddenWeights(kernel, INPUTS, UNITS, new int[UNITS - 1], null));
    int[] twice = new int[UNITS];
    for (int r = 0; r < UNITS; r++) {
      twice[r] = r;
    }
    twice[1] = 0;
    IllegalArgumentException repeated =
        assertThrows(
            IllegalArgumentException.class,
            () -> HiddenWeightCharts.hiddenWeights(kernel, INPUTS, UNITS, twice, null));
    assertTrue(repeated.getMessage().contains("unit 0 comes twice"), repeated.getMessage());
  }

  @Test
  void theWriterWritesHiddenWeightsPngIntoTheFolder() throws Exception {
    Path file =
        HiddenWeightCharts.writeHiddenWeights(
            kernelWithPositiveUnit(0), INPUTS, UNITS, null, "t", dir);
    assertEquals(dir.resolve("hidden-weights.png"), file);
    BufferedImage read = ImageIO.read(file.toFile());
    BufferedImage drawn =
        HiddenWeightCharts.hiddenWeights(kernelWithPositiveUnit(0), INPUTS, UNITS, null, "t");
    assertEquals(drawn.getWidth(), read.getWidth());
    assertEquals(drawn.getHeight(), read.getHeight());
  }
}
