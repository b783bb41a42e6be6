package weka.superposition.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sparsity sweep from the command line: {@link ToySweepCommand} with {@code -experiment
 * sparsity-sweep}, 3 seeds unless {@code -seeds} says otherwise, into {@code sweep} unless {@code
 * -out} says otherwise. Writes the files of {@code SweepReport}.
 */
public final class SparsitySweepCommand {

  private SparsitySweepCommand() {}

  public static void main(String[] args) throws Exception {
    List<String> all = new ArrayList<>(List.of("-experiment", "sparsity-sweep"));
    if (!Arrays.asList(args).contains("-seeds")) {
      all.addAll(List.of("-seeds", "3"));
    }
    if (!Arrays.asList(args).contains("-out") && !Arrays.asList(args).contains("-merge")) {
      all.addAll(List.of("-out", "sweep"));
    }
    all.addAll(Arrays.asList(args));
    ToySweepCommand.main(all.toArray(new String[0]));
  }
}
