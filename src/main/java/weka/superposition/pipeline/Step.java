package weka.superposition.pipeline;

import java.util.function.Function;

/**
 * One step of a seed's run in {@link ExperimentPipeline}: its work reads what earlier steps left in
 * the {@link SeedRun} and leaves its own results there (and its files in the seed's folder). A new
 * study is a new step appended to {@link ExperimentPipeline#seedSteps()}.
 *
 * @param name a short name for the timings and the progress lines, e.g. "phase1"
 * @param description what the progress line says the step does
 * @param work what the step does
 */
public record Step(String name, Function<SeedRun, String> description, Work work) {

  /** The work of a step. */
  @FunctionalInterface
  public interface Work {
    void run(SeedRun run) throws Exception;
  }

  public String description(SeedRun run) {
    return description.apply(run);
  }

  public void run(SeedRun run) throws Exception {
    work.run(run);
  }
}
