package weka.superposition.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.superposition.autoencoder.ToyTraining;

/** Sweeps split into shards, run on several threads, and merged. */
class ToySweepTest {

  /** A small phase diagram: 3 x 3 cells, 2 seeds, 30 steps of 64 rows. */
  private static final ToyTraining QUICK = new ToyTraining(30, 64, 0.01, 0.01);

  private static final ToySweep.Settings SMALL = PhaseDiagram.settings(3, 2, QUICK);

  private static void assertSameRuns(List<ToySweep.Run> expected, List<ToySweep.Run> actual) {
    assertEquals(expected.size(), actual.size());
    for (int j = 0; j < expected.size(); j++) {
      ToySweep.Run a = expected.get(j);
      ToySweep.Run b = actual.get(j);
      String job = "job " + j;
      assertEquals(a.job(), b.job(), job);
      assertEquals(a.cell(), b.cell(), job);
      assertEquals(a.seed(), b.seed(), job);
      assertEquals(a.sparsity(), b.sparsity(), 0, job);
      assertEquals(a.importanceDecay(), b.importanceDecay(), 0, job);
      for (int i = 0; i < a.vectors().length; i++) {
        assertArrayEquals(a.vectors()[i], b.vectors()[i], 0, job);
      }
      assertArrayEquals(a.norms(), b.norms(), 0, job);
      assertArrayEquals(a.bias(), b.bias(), 0, job);
      assertEquals(a.finalLoss(), b.finalLoss(), 0, job);
    }
  }

  @Test
  void fourShardsMergedEqualTheUnsplitSweepBitForBit() throws Exception {
    List<ToySweep.Run> whole = ToySweep.run(SMALL, ToySweep.Shard.ALL, 1, (r, d, t) -> {});
    List<ToySweep.Part> parts = new ArrayList<>();
    // the shards in another order, each on two threads, as separate processes would run them
    for (int k : new int[] {3, 1, 4, 2}) {
      ToySweep.Shard shard = new ToySweep.Shard(k, 4);
      parts.add(new ToySweep.Part(SMALL, shard, ToySweep.run(SMALL, shard, 2, (r, d, t) -> {})));
    }

    List<ToySweep.Run> merged = ToySweep.merge(parts);

    assertEquals(18, whole.size());
    assertSameRuns(whole, merged);
  }

  @Test
  void eachRunDependsOnlyOnItsCellAndSeed() throws Exception {
    ToySweep.Run alone = ToySweep.train(SMALL, 7);
    List<ToySweep.Run> all = ToySweep.run(SMALL, ToySweep.Shard.ALL, 2, (r, d, t) -> {});
    assertSameRuns(List.of(alone), List.of(all.get(7)));
    // a different seed of the same cell is another run
    assertEquals(alone.cell(), all.get(6).cell());
    assertEquals(false, alone.finalLoss() == all.get(6).finalLoss());
  }

  @Test
  void mergeRefusesMissingForeignAndRepeatedParts() throws Exception {
    ToySweep.Shard one = new ToySweep.Shard(1, 2);
    ToySweep.Shard two = new ToySweep.Shard(2, 2);
    ToySweep.Part first =
        new ToySweep.Part(SMALL, one, ToySweep.run(SMALL, one, 2, (r, d, t) -> {}));
    ToySweep.Part second =
        new ToySweep.Part(SMALL, two, ToySweep.run(SMALL, two, 2, (r, d, t) -> {}));
    ToySweep.Settings other = PhaseDiagram.settings(3, 2, QUICK.withSteps(31));

    assertEquals(18, ToySweep.merge(List.of(second, first)).size());
    assertThrows(IllegalArgumentException.class, () -> ToySweep.merge(List.of(first)));
    assertThrows(IllegalArgumentException.class, () -> ToySweep.merge(List.of(first, first)));
    assertThrows(
        IllegalArgumentException.class,
        () -> ToySweep.merge(List.of(first, new ToySweep.Part(other, two, second.runs()))));
  }

  @Test
  void shardsAreReadAsKOfN() {
    assertEquals(new ToySweep.Shard(2, 4), ToySweep.Shard.parse("2/4"));
    assertThrows(IllegalArgumentException.class, () -> ToySweep.Shard.parse("0/4"));
    assertThrows(IllegalArgumentException.class, () -> ToySweep.Shard.parse("5/4"));
    assertThrows(IllegalArgumentException.class, () -> ToySweep.Shard.parse("two"));
  }
}
