package weka.superposition.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.superposition.autoencoder.ToyTraining;
import weka.superposition.experiments.PhaseDiagram;
import weka.superposition.experiments.ToySweep;

/** The part files of a split sweep. */
class ToySweepReportTest {

  @TempDir Path dir;

  @Test
  void aPartKeepsItsTrainingFlatAmongTheSettingsAndReadsBackEqual() throws Exception {
    ToySweep.Settings settings = PhaseDiagram.settings(2, 1, new ToyTraining(30, 64, 0.01, 0.02));
    ToySweep.Shard shard = new ToySweep.Shard(2, 3);
    Path file = ToySweepReport.partFile(dir, shard);

    ToySweepReport.writePart(new ToySweep.Part(settings, shard, List.of()), file);

    String json = Files.readString(file);
    for (String field :
        List.of(
            "\"seeds\" : 1,\n    \"steps\" : 30,",
            "\"batchSize\" : 64,",
            "\"learningRate\" : 0.01,",
            "\"weightDecay\" : 0.02\n  },")) {
      assertTrue(json.contains(field), field + " in\n" + json);
    }
    assertEquals(settings, ToySweepReport.readPart(file).settings());
  }
}
