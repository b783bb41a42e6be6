package weka.superposition.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The training settings of a toy model refuse values no run could train with. */
class ToyTrainingTest {

  private static String refusal(int steps, int batchSize, double learningRate, double decay) {
    return assertThrows(
            IllegalArgumentException.class,
            () -> new ToyTraining(steps, batchSize, learningRate, decay))
        .getMessage();
  }

  @Test
  void badValuesAreRefusedInWords() {
    assertEquals("the number of epochs must not be negative", refusal(-1, 1024, 0.001, 0.01));
    assertEquals("the mini-batch size must be at least 1", refusal(100, 0, 0.001, 0.01));
    assertEquals("the learning rate must be a positive number", refusal(100, 1024, 0, 0.01));
    assertEquals(
        "the weight decay must be at least 0 and below 1 / learning rate, not -1.0",
        refusal(100, 1024, 0.001, -1));
    assertEquals(
        "the weight decay must be at least 0 and below 1 / learning rate, not 2.0",
        refusal(100, 1024, 0.5, 2));
  }

  @Test
  void thePaperTrainsTenThousandStepsOf1024() {
    assertEquals(new ToyTraining(10_000, 1024, 0.001, 0.01), ToyTraining.PAPER);
    assertEquals(new ToyTraining(20, 1024, 0.001, 0.01), ToyTraining.PAPER.withSteps(20));
  }
}
