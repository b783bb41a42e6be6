package weka.superposition.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import weka.tensorflow.AdamRun;

class DictionaryTrainingSettingsTest {

  private static DictionaryTraining.Settings settings(AdamRun adam) {
    return new DictionaryTraining.Settings(
        16, DictionaryTraining.Mode.TOPK, 0, 4, adam, DictionaryTraining.BiasStart.MEAN, 100, true);
  }

  @Test
  void aSavedSettingsRecordReadsBackEqual() throws Exception {
    DictionaryTraining.Settings saved = settings(new AdamRun(3, 64, 0.001, 7, 1));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(saved);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(saved, in.readObject());
    }
  }

  /** What a model saved before the Adam run was a record of its own reads back as. */
  @Test
  void settingsWithoutAnAdamRunAreRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings(null));
    assertTrue(e.getMessage().contains("saved by an older version"), e.getMessage());
  }
}
