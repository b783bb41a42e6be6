package weka.superposition.pipeline;

/**
 * One step of a seed's run in {@link ExperimentPipeline}: it reads what earlier steps left in the
 * {@link SeedRun} and leaves its own results there (and its files in the seed's folder). A new
 * study is a new step appended to {@link ExperimentPipeline#seedSteps()}.
 */
public interface Step {

  /** A short name for the timings and the progress lines, e.g. "phase1". */
  String name();

  /** What the progress line says the step does. */
  String description(SeedRun run);

  void run(SeedRun run) throws Exception;
}
