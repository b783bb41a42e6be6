package weka.knowledgeflow.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.core.WekaException;
import weka.filters.unsupervised.attribute.Standardize;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.FlowRunner;
import weka.knowledgeflow.StepManagerImpl;
import weka.superposition.testing.TestData;

/** The analysis step and the package's KnowledgeFlow template, run headless with FlowRunner. */
class SuperpositionAnalysisStepTest {

  static final String TEMPLATE = "weka/gui/knowledgeflow/templates/superpositionExperiment.kf";

  /** The template's text with the loader pointed at {@code arff} and short trainings. */
  static String templateOn(Path arff, int mlpEpochs, int autoencoderEpochs) throws IOException {
    String json;
    try (InputStream in =
        SuperpositionAnalysisStepTest.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
      assertNotNull(in, "the template is a resource of the package jar: " + TEMPLATE);
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return replaceOnce(
        replaceOnce(
            replaceOnce(json, "${user.dir}/mnist_train.arff", arff.toString()),
            "TFMlpClassifier -epochs 10 ",
            "TFMlpClassifier -epochs " + mlpEpochs + " "),
        "-bottleneck 2 -epochs 20 ",
        "-bottleneck 2 -epochs " + autoencoderEpochs + " ");
  }

  private static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    assertTrue(at >= 0, "the template holds " + from);
    assertEquals(-1, text.indexOf(from, at + 1), "the template holds " + from + " once");
    return text.replace(from, to);
  }

  /** Runs {@code flow} to its end, its log's lines into {@code log}. */
  static void run(Flow flow, List<String> log) throws Exception {
    FlowRunner runner = new FlowRunner();
    runner.setLogger(
        new weka.gui.Logger() {
          @Override
          public void logMessage(String message) {
            log.add(message);
          }

          @Override
          public void statusMessage(String message) {}
        });
    runner.setFlow(flow);
    runner.run();
    runner.waitUntilFinished();
  }

  private static <T> T step(Flow flow, String name, Class<T> type) {
    StepManagerImpl manager = flow.findStep(name);
    assertNotNull(manager, "the flow has a step " + name);
    return type.cast(manager.getManagedStep());
  }

  @Test
  void theTemplateRunsTheSeedExperimentOnMnistAndShowsPlotsAndSummary(@TempDir Path dir)
      throws Exception {
    Path arff = dir.resolve("mnist600.arff");
    TestData.saveArff(TestData.mnist600(), arff);

    Flow flow = Flow.JSONToFlow(templateOn(arff, 2, 3));
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    run(flow, log);

    String errors = String.join("\n", log.stream().filter(l -> l.contains("ERROR")).toList());
    assertEquals("", errors, "the flow logged no errors");

    Map<String, BufferedImage> images = step(flow, "ImageViewer", ImageViewer.class).getImages();
    assertEquals(2, images.size(), "two plots: " + images.keySet());
    assertTrue(
        images.keySet().stream()
            .anyMatch(t -> t.endsWith(SuperpositionAnalysis.FEATURE_VECTORS_TITLE)));
    assertTrue(
        images.keySet().stream()
            .anyMatch(t -> t.endsWith(SuperpositionAnalysis.WEIGHT_ANALYSIS_TITLE)));
    for (BufferedImage image : images.values()) {
      assertTrue(image.getWidth() > 500 && image.getHeight() > 300);
      assertTrue(distinctColours(image) > 10, "a plot, not a blank image");
    }

    Map<String, String> texts = step(flow, "TextViewer", TextViewer.class).getResults();
    assertEquals(1, texts.size(), "one summary: " + texts.keySet());
    String summary = texts.values().iterator().next();
    // the hidden layer's 49 units are the autoencoder's features; 3 epochs as configured
    assertTrue(summary.startsWith("Autoencoder: 49 -> 2 -> 49 (notebook model)"), summary);
    assertTrue(summary.contains(", 3 epochs, seed 1"), summary);
    assertTrue(summary.contains("Reconstruction MSE on the training data"), summary);
  }

  @Test
  void anotherFilterThanTheAutoencoderIsRefused(@TempDir Path dir) throws Exception {
    Path arff = dir.resolve("mnist600.arff");
    Instances mnist = TestData.mnist600();
    TestData.saveArff(new Instances(mnist, 0, 50), arff);
    Flow flow = Flow.JSONToFlow(templateOn(arff, 1, 1));
    step(flow, "SuperpositionAnalysis", SuperpositionAnalysis.class)
        .setAutoencoder(new Standardize());
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    WekaException e = assertThrows(WekaException.class, () -> run(flow, log));
    assertTrue(e.getMessage().contains("initialize"), e.getMessage());
    assertTrue(
        log.stream().anyMatch(l -> l.contains("must be a SuperpositionAutoencoder")),
        String.join("\n", log));
    assertTrue(step(flow, "ImageViewer", ImageViewer.class).getImages().isEmpty());
  }

  @Test
  void aSavedFlowKeepsTheAutoencoderAndItsSettings(@TempDir Path dir) throws Exception {
    Flow flow = Flow.JSONToFlow(templateOn(dir.resolve("any.arff"), 1, 7));
    Flow reloaded = Flow.JSONToFlow(flow.toJSON());
    SuperpositionAnalysis step =
        step(reloaded, "SuperpositionAnalysis", SuperpositionAnalysis.class);
    SuperpositionAutoencoder autoencoder =
        assertInstanceOf(SuperpositionAutoencoder.class, step.getAutoencoder());
    assertEquals(7, autoencoder.getEpochs());
    assertEquals(2, autoencoder.getBottleneck());
  }

  @Test
  void thePackageRegistersTheStepsAndTheTemplate() throws Exception {
    Properties props = new Properties();
    try (InputStream in =
        Files.newInputStream(Path.of("src/main/weka-package/PluginManager.props"))) {
      props.load(in);
    }
    assertEquals(
        List.of(SuperpositionAnalysis.class.getName(), HiddenWeights.class.getName()),
        List.of(props.getProperty("weka.knowledgeflow.steps.Step").split(",")));
    String resources = props.getProperty("*resources*");
    assertTrue(
        resources.contains("[weka.knowledgeflow.plugin.templates|") && resources.contains(TEMPLATE),
        resources);
  }

  private static int distinctColours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
