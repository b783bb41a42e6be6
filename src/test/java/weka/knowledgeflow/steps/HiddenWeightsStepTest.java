package weka.knowledgeflow.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.functions.TFMlpClassifier;
import weka.classifiers.rules.ZeroR;
import weka.core.Instances;
import weka.core.converters.ArffLoader;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.StepManager;
import weka.knowledgeflow.StepManagerImpl;
import weka.superposition.testing.TestData;

/**
 * The HiddenWeights step in a flow run headless with FlowRunner: ArffLoader -> ClassAssigner ->
 * TrainingSetMaker -> Classifier -> HiddenWeights -> ImageViewer.
 */
class HiddenWeightsStepTest {

  /** The flow on {@code arff}, training {@code classifier}; its ImageViewer is "ImageViewer". */
  private static Flow flow(Path arff, weka.classifiers.Classifier classifier) throws Exception {
    ArffLoader arffLoader = new ArffLoader();
    arffLoader.setFile(arff.toFile());
    Loader loader = new Loader();
    loader.setLoader(arffLoader);
    ClassAssigner classAssigner = new ClassAssigner();
    classAssigner.setClassColumn("last");
    Classifier classifierStep = new Classifier();
    classifierStep.setClassifier(classifier);

    Flow flow = new Flow();
    StepManagerImpl load = add(flow, loader);
    StepManagerImpl assign = add(flow, classAssigner);
    StepManagerImpl trainingSet = add(flow, new TrainingSetMaker());
    StepManagerImpl train = add(flow, classifierStep);
    StepManagerImpl weights = add(flow, new HiddenWeights());
    StepManagerImpl viewer = add(flow, new ImageViewer());
    connect(load, StepManager.CON_DATASET, assign);
    connect(assign, StepManager.CON_DATASET, trainingSet);
    connect(trainingSet, StepManager.CON_TRAININGSET, train);
    connect(train, StepManager.CON_BATCH_CLASSIFIER, weights);
    connect(weights, StepManager.CON_IMAGE, viewer);
    return flow;
  }

  private static StepManagerImpl add(Flow flow, Step step) {
    StepManagerImpl manager = new StepManagerImpl(step);
    flow.addStep(manager);
    return manager;
  }

  private static void connect(StepManagerImpl from, String type, StepManagerImpl to) {
    assertTrue(
        from.addOutgoingConnection(type, to),
        to.getName() + " accepts a " + type + " connection from " + from.getName());
  }

  /** Runs {@code flow} to its end; its log's lines. */
  private static List<String> run(Flow flow) throws Exception {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    SuperpositionAnalysisStepTest.run(flow, log);
    return log;
  }

  private static Map<String, BufferedImage> images(Flow flow) {
    return ((ImageViewer) flow.findStep("ImageViewer").getManagedStep()).getImages();
  }

  private static TFMlpClassifier oneEpochMlp() {
    TFMlpClassifier mlp = new TFMlpClassifier();
    mlp.setEpochs(1);
    mlp.setHiddenUnits(16);
    mlp.setNumThreads(1);
    return mlp;
  }

  @Test
  void aTrainedMlpsHiddenWeightsReachTheImageViewer(@TempDir Path dir) throws Exception {
    Path arff = dir.resolve("mnist300.arff");
    TestData.mnist600Arff(0, 300, arff);
    Flow flow = flow(arff, oneEpochMlp());

    List<String> log = run(flow);

    String errors = String.join("\n", log.stream().filter(l -> l.contains("ERROR")).toList());
    assertEquals("", errors, "the flow logged no errors");
    Map<String, BufferedImage> images = images(flow);
    assertEquals(1, images.size(), "one picture: " + images.keySet());
    Map.Entry<String, BufferedImage> shown = images.entrySet().iterator().next();
    // the ImageViewer puts the time before the title
    assertTrue(shown.getKey().endsWith(HiddenWeights.TITLE), shown.getKey());
    BufferedImage image = shown.getValue();
    // 16 units: 4 x 4 tiles of 28 x 28 inputs, 4 screen pixels each
    assertTrue(image.getWidth() >= 4 * 112 && image.getHeight() >= 4 * 112, size(image));
    assertTrue(image.getWidth() < 2000 && image.getHeight() < 2000, size(image));
    int colours = distinctColours(image);
    assertTrue(colours > 200, "the weights' shades, not a blank picture: " + colours);
  }

  @Test
  void anotherClassifierStopsTheFlowWithAnErrorNamingIt(@TempDir Path dir) throws Exception {
    Path arff = dir.resolve("mnist50.arff");
    TestData.mnist600Arff(0, 50, arff);
    Flow flow = flow(arff, new ZeroR());

    List<String> log = run(flow);

    assertTrue(
        log.stream()
            .anyMatch(
                l ->
                    l.contains("ERROR")
                        && l.contains("must be a TFMlpClassifier, not " + ZeroR.class.getName())),
        String.join("\n", log));
    assertTrue(images(flow).isEmpty(), "no picture: " + images(flow).keySet());
  }

  @Test
  void inputsThatAreNoSquareImageStopTheFlowWithAnErrorSayingSo(@TempDir Path dir)
      throws Exception {
    // 4 numeric attributes and a 3-valued nominal one
    Instances blobs = TestData.separableBlobs(60, 1);
    Path arff = dir.resolve("blobs.arff");
    TestData.saveArff(blobs, arff);
    Flow flow = flow(arff, oneEpochMlp());

    List<String> log = run(flow);

    assertTrue(
        log.stream()
            .anyMatch(l -> l.contains("ERROR") && l.contains("inputs are not a square image")),
        String.join("\n", log));
    assertTrue(images(flow).isEmpty(), "no picture: " + images(flow).keySet());
  }

  @Test
  void aSavedFlowKeepsTheStepAndItsConnections(@TempDir Path dir) throws Exception {
    Path arff = dir.resolve("mnist10.arff");
    TestData.mnist600Arff(0, 10, arff);
    Flow flow = flow(arff, oneEpochMlp());
    Flow reloaded = Flow.JSONToFlow(flow.toJSON());
    StepManagerImpl weights = reloaded.findStep("HiddenWeights");
    assertTrue(weights.getManagedStep() instanceof HiddenWeights);
    assertTrue(
        weights
                .getIncomingConnectedStepsOfConnectionType(StepManager.CON_BATCH_CLASSIFIER)
                .get(0)
                .getManagedStep()
            instanceof Classifier);
    assertEquals(
        "ImageViewer",
        weights.getOutgoingConnectedStepsOfConnectionType(StepManager.CON_IMAGE).get(0).getName());
  }

  private static String size(BufferedImage image) {
    return image.getWidth() + " x " + image.getHeight();
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
