package weka.superposition.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.superposition.analysis.AutoencoderWeights;
import weka.superposition.analysis.AutoencoderWeights.Activation;
import weka.superposition.io.JsonFiles;
import weka.tensorflow.AdamRun;

/** Early stopping on held-out rows. */
class ConvergedTrainingTest {

  private static final List<String> NAMES = List.of("a", "b", "c", "d");

  /** Two hidden factors behind four features, as ReLU outputs: a 2-D code can learn them. */
  private static float[] data(int rows) {
    Random random = new Random(7);
    float[] x = new float[rows * 4];
    for (int r = 0; r < rows; r++) {
      double u = random.nextDouble();
      double v = random.nextDouble();
      x[r * 4] = (float) u;
      x[r * 4 + 1] = (float) Math.max(0, u - 0.3);
      x[r * 4 + 2] = (float) v;
      x[r * 4 + 3] = (float) Math.max(0, 0.7 - v);
    }
    return x;
  }

  /**
   * The notebook's model into 2 dimensions, mini-batches of 32, seed 1, 10 % of the rows held out.
   */
  private static ConvergedTraining.Settings notebook(
      int maxEpochs, double learningRate, int patience, double minImprovement) {
    return new ConvergedTraining.Settings(
        ModelType.NOTEBOOK,
        2,
        new AdamRun(maxEpochs, 32, learningRate, 1, 1),
        patience,
        minImprovement,
        0.1);
  }

  private static ConvergedTraining.Result train(int rows, ConvergedTraining.Settings s)
      throws Exception {
    return ConvergedTraining.train(data(rows), rows, NAMES, null, s);
  }

  @Test
  void stopsWhenTheHeldOutLossNoLongerImprovesAndKeepsTheBestEpoch() throws Exception {
    ConvergedTraining.Settings s = notebook(300, 0.01, 3, 0.001);
    ConvergedTraining.Result r = train(500, s);
    assertTrue(r.stoppedEarly(), "300 epochs are far more than 500 rows need");
    assertEquals(r.bestEpoch() + 3, r.history().size(), "stops 3 epochs after the best");
    double best = r.history().get(r.bestEpoch() - 1).heldOutLoss();
    for (ConvergedTraining.Epoch e : r.history()) {
      assertTrue(e.heldOutLoss() >= best * (1 - 0.001) || e.epoch() == r.bestEpoch());
    }
    assertEquals(r.bestEpoch(), r.analysis().epoch());
    assertTrue(best < r.history().get(0).heldOutLoss(), "training lowered the held-out loss");
    // the same seed gives the same model
    ConvergedTraining.Result again = train(500, s);
    assertArrayEquals(r.weights().encoderKernel(), again.weights().encoderKernel());
  }

  @Test
  void theEpochLimitEndsTrainingWithoutCountingAsAnEarlyStop() throws Exception {
    ConvergedTraining.Result r = train(200, notebook(2, 0.001, 50, 0));
    assertEquals(2, r.history().size());
    assertFalse(r.stoppedEarly());
  }

  @Test
  void anImprovementMustBeatTheRelativeMargin() {
    assertTrue(ConvergedTraining.improves(0.98, 1, 0.01));
    assertFalse(ConvergedTraining.improves(0.99, 1, 0.01), "exactly the margin is no improvement");
    assertFalse(ConvergedTraining.improves(1.01, 1, 0.01));
    assertTrue(ConvergedTraining.improves(0.999, 1, 0));
  }

  @Test
  void theHeldOutLossWeighsEachFeatureByItsImportance() {
    // W = 0 and b = (0.5, 0): every output is (0.5, 0)
    AutoencoderWeights w =
        new AutoencoderWeights(
            2,
            1,
            new float[2],
            new float[1],
            Activation.IDENTITY,
            new float[2],
            new float[] {0.5f, 0f},
            Activation.RELU);
    float[] rows = {1, 1, 0, 0};
    // row 1: errors 0.25 and 1; row 2: 0.25 and 0; importances 3 and 1
    double expected = (3 * 0.25 + 1 * 1 + 3 * 0.25) / (2 * 4.0);
    assertEquals(expected, ConvergedTraining.heldOutLoss(w, rows, new float[] {3, 1}), 1e-12);
    assertEquals((0.25 + 1 + 0.25) / 4, ConvergedTraining.heldOutLoss(w, rows, new float[] {1, 1}));
  }

  @Test
  void lossWeightsAreForTheToyModelOnly() {
    ConvergedTraining.Settings s = notebook(2, 0.001, 2, 0);
    assertThrows(
        IllegalArgumentException.class,
        () -> ConvergedTraining.train(data(50), 50, NAMES, new float[] {1, 1, 1, 1}, s));
  }

  @Test
  void theSettingsKeepTheirFlatJsonFormSoThatEarlierStudiesStillRead() throws Exception {
    ConvergedTraining.Settings s =
        new ConvergedTraining.Settings(
            ModelType.TOY, 2, new AdamRun(300, 1024, 0.001, 3, 1), 10, 0.0001, 0.1);
    String json =
        String.join(
            "\n",
            "{",
            "  \"type\" : \"TOY\",",
            "  \"bottleneck\" : 2,",
            "  \"learningRate\" : 0.001,",
            "  \"miniBatchSize\" : 1024,",
            "  \"maxEpochs\" : 300,",
            "  \"patience\" : 10,",
            "  \"minImprovement\" : 1.0E-4,",
            "  \"heldOutShare\" : 0.1,",
            "  \"seed\" : 3,",
            "  \"threads\" : 1",
            "}",
            "");
    assertEquals(json, JsonFiles.write(s), "the fields and their order of study.json");
    assertEquals(s, JsonFiles.read(json, ConvergedTraining.Settings.class));
  }
}
