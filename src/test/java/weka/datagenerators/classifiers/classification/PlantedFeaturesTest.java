package weka.datagenerators.classifiers.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.Utils;
import weka.datagenerators.DataGenerator;
import weka.superposition.data.PlantedFeatures.Sample;
import weka.superposition.data.PlantedFeatures.Settings;

class PlantedFeaturesTest {

  private static final String OPTIONS = "-n 50 -dimensions 5 -features 8 -active 2 -S 3";

  @TempDir Path dir;

  /** The rows the generator should give for {@link #OPTIONS}, from the plain-Java sampler. */
  private static Sample expected() {
    return new weka.superposition.data.PlantedFeatures(new Settings(5, 8, 2, 3))
        .sample(50, new Random(3));
  }

  private static void assertPlantedRows(Instances data) {
    Sample sample = expected();
    assertEquals(50, data.numInstances());
    for (int r = 0; r < 50; r++) {
      for (int d = 0; d < 5; d++) {
        assertEquals(sample.data()[r * 5 + d], data.instance(r).value(d), 1e-6, "row " + r);
      }
      int strongest = sample.strongest(r);
      assertEquals(strongest < 0 ? "none" : "f" + (strongest + 1), data.instance(r).stringValue(5));
    }
  }

  private static void assertHeader(Instances data) {
    assertEquals(6, data.numAttributes());
    for (int d = 0; d < 5; d++) {
      assertEquals("x" + (d + 1), data.attribute(d).name());
      assertTrue(data.attribute(d).isNumeric());
    }
    Attribute strongest = data.attribute(5);
    assertEquals("strongest", strongest.name());
    assertTrue(strongest.isNominal());
    assertEquals(
        List.of("f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "none"),
        java.util.Collections.list(strongest.enumerateValues()));
  }

  @Test
  void generatesThePlantedRowsWithTheirStrongestFeatureAsClass() throws Exception {
    PlantedFeatures generator = new PlantedFeatures();
    generator.setOptions(Utils.splitOptions(OPTIONS));
    generator.setOutput(new PrintWriter(Writer.nullWriter()));
    generator.defineDataFormat();

    Instances data = generator.generateExamples();

    assertHeader(data);
    assertEquals(5, data.classIndex());
    assertPlantedRows(data);
    PlantedFeatures copy = new PlantedFeatures();
    copy.setOptions(generator.getOptions());
    assertArrayEquals(generator.getOptions(), copy.getOptions());
  }

  @Test
  void writesArffAndTheTrueDirectionsAsCsv() throws Exception {
    Path arff = dir.resolve("planted.arff");
    Path csv = dir.resolve("directions.csv");

    DataGenerator.makeData(
        new PlantedFeatures(), Utils.splitOptions(OPTIONS + " -o " + arff + " -directions " + csv));

    Instances data;
    try (Reader in = Files.newBufferedReader(arff)) {
      data = new Instances(in);
    }
    assertHeader(data);
    assertPlantedRows(data);
    assertTrue(data.relationName().endsWith("-active_2.0"), "no file path in the relation name");
    List<String> lines = Files.readAllLines(csv);
    assertEquals("x1,x2,x3,x4,x5", lines.get(0));
    assertEquals(1 + 8, lines.size(), "a header and one line per feature");
    float[] directions =
        new weka.superposition.data.PlantedFeatures(new Settings(5, 8, 2, 3)).directions();
    for (int j = 0; j < 8; j++) {
      String[] cells = lines.get(1 + j).split(",");
      assertEquals(5, cells.length);
      for (int d = 0; d < 5; d++) {
        assertEquals(directions[j * 5 + d], Float.parseFloat(cells[d]), "feature " + (j + 1));
      }
    }
  }

  @Test
  void noDirectionsFileUnlessAsked() throws Exception {
    PlantedFeatures generator = new PlantedFeatures();
    assertEquals("", generator.getDirectionsFile().getPath());
    assertTrue(
        List.of(generator.getOptions()).stream().noneMatch(o -> o.equals("-directions")),
        "no -directions among the default options");
  }

  @Test
  void badSettingsAreNamed() throws Exception {
    PlantedFeatures generator = new PlantedFeatures();
    assertThrows(IllegalArgumentException.class, () -> generator.setDimensions(0));
    assertThrows(IllegalArgumentException.class, () -> generator.setNumFeatures(0));
    Exception active =
        assertThrows(IllegalArgumentException.class, () -> generator.setExpectedActive(0));
    assertTrue(active.getMessage().contains("active"), active.getMessage());
    // more active than there are features is found when the data is defined
    generator.setOptions(Utils.splitOptions("-features 4 -active 5"));
    Exception tooMany = assertThrows(IllegalArgumentException.class, generator::defineDataFormat);
    assertTrue(tooMany.getMessage().contains("at most the 4 features"), tooMany.getMessage());
  }
}
