package weka.superposition.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.BinarySparseInstance;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SparseInstance;
import weka.core.Utils;

class RowsTest {

  /** Into a reused array, every kind of row gives what toDoubleArray gives, missing values kept. */
  @Test
  void valuesAreThoseOfToDoubleArray() {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int j = 0; j < 5; j++) {
      attributes.add(new Attribute("x" + j));
    }
    attributes.add(new Attribute("class", List.of("a", "b")));
    Instances data = new Instances("rows", attributes, 0);
    double[] values = {0, 3.5, Utils.missingValue(), 0, -0.0, 1};
    data.add(new DenseInstance(1, values));
    data.add(new SparseInstance(1, values));
    data.add(new BinarySparseInstance(1, new double[] {0, 1, 0, 0, 1, 1}));
    double[] reused = new double[data.numAttributes()];
    // filled with leftovers of another row, which a sparse row must not keep
    java.util.Arrays.fill(reused, 7);
    for (Instance row : data) {
      assertArrayEquals(row.toDoubleArray(), Rows.values(row, reused), row.getClass().getName());
    }
  }
}
