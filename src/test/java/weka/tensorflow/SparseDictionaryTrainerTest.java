package weka.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.superposition.testing.TestData;

class SparseDictionaryTrainerTest {

  /**
   * The squared errors of all rows, computed a few thousand rows per session run to bound the
   * memory, are those of one run over all rows, bit for bit: each row's error depends on that row
   * alone. The shapes are MNIST's hidden units (49 inputs, 196 features, k = 8).
   */
  @Test
  void squaredErrorsInChunksAreThoseOfOneRun() {
    int n = 49;
    int features = 196;
    int rows = 5000;
    Random random = new Random(11);
    float[] data = TestData.sparseFloats(rows * n, random, 0.6);
    Parameters initial =
        new Parameters(
            List.of(
                new Parameter(
                    SparseDictionaryTrainer.ENCODER,
                    new long[] {n, features},
                    gaussian(n * features, random)),
                new Parameter(
                    SparseDictionaryTrainer.ENCODER_BIAS,
                    new long[] {features},
                    new float[features]),
                new Parameter(
                    SparseDictionaryTrainer.DECODER,
                    new long[] {features, n},
                    gaussian(features * n, random)),
                new Parameter(SparseDictionaryTrainer.DECODER_BIAS, new long[] {n}, new float[n])));
    SparseDictionaryTrainer.Settings settings =
        new SparseDictionaryTrainer.Settings(8, 0, 24, 1f / 32, 0.003f, 1);
    try (SparseDictionaryTrainer trainer =
        new SparseDictionaryTrainer(
            initial, new TrainingData(data, n, null, 0, TestData.ones(rows)), settings)) {
      float[] dead = new float[features];
      for (int step = 0; step < 5; step++) {
        int[] batch = new int[256];
        Arrays.setAll(batch, i -> random.nextInt(rows));
        trainer.step(batch, dead);
      }
      int[] all = new int[rows];
      Arrays.setAll(all, i -> i);
      float[] whole = trainer.squaredErrors(all, rows);
      for (int rowsPerRun : new int[] {SparseDictionaryTrainer.ROWS_PER_RUN, 1000, 777, 1}) {
        float[] chunked = trainer.squaredErrors(all, rowsPerRun);
        for (int r = 0; r < rows; r++) {
          assertEquals(
              Float.floatToRawIntBits(whole[r]),
              Float.floatToRawIntBits(chunked[r]),
              "row " + r + " with " + rowsPerRun + " rows per run");
        }
      }
    }
  }

  private static float[] gaussian(int count, Random random) {
    return TestData.randomFloats(count, random, (r, i) -> (float) (r.nextGaussian() * 0.1));
  }
}
