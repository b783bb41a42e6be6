package weka.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.superposition.testing.TestData;

class NetworkRunnerTest {

  /**
   * A row's outputs do not depend on the rows it is run with: the classifier predicts in chunks of
   * rows to bound its memory, and any chunk size gives the outputs of one run over all rows, bit
   * for bit. The shapes are the seed's classifier on MNIST (784 pixels, 49 hidden units, 10
   * classes).
   */
  @Test
  void outputsInChunksAreThoseOfOneRun() {
    int n = 784;
    int rows = 3000;
    float[] x =
        TestData.randomFloats(
            rows * n, new Random(3), (r, i) -> r.nextFloat() < 0.8 ? 0 : r.nextInt(256) / 255f);
    Parameters parameters = MlpNetwork.initialParameters(n, 49, 10, new Random(1));
    List<String> names = List.of(MlpNetwork.HIDDEN, MlpNetwork.PROBABILITIES);
    try (NetworkRunner network = new NetworkRunner(new MlpNetwork(), parameters, n, 1)) {
      Map<String, float[]> whole = network.run(x, rows, names.toArray(String[]::new));
      for (int rowsPerRun : new int[] {1000, 777, 64, 1}) {
        for (int from = 0; from < rows; from += rowsPerRun) {
          int to = Math.min(rows, from + rowsPerRun);
          Map<String, float[]> chunk =
              network.run(
                  Arrays.copyOfRange(x, from * n, to * n), to - from, names.toArray(String[]::new));
          for (String name : names) {
            float[] expected = whole.get(name);
            float[] actual = chunk.get(name);
            int width = expected.length / rows;
            for (int i = 0; i < actual.length; i++) {
              assertEquals(
                  Float.floatToRawIntBits(expected[from * width + i]),
                  Float.floatToRawIntBits(actual[i]),
                  name + " of row " + (from + i / width) + ", " + rowsPerRun + " rows per run");
            }
          }
        }
      }
    }
  }
}
