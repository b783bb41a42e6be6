package weka.superposition.pipeline;

import weka.core.Instances;
import weka.core.converters.ArffSaver;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.TFMlpActivations;

/**
 * The hidden activations of the training and test sets, through {@link TFMlpActivations} with the
 * model phase 1 saved, kept in memory for phase 2; written as ARFF ({@code hidden-train.arff},
 * {@code hidden-test.arff}) only when the settings ask for the intermediate files.
 */
public final class ActivationsStep implements Step {

  @Override
  public String name() {
    return "activations";
  }

  @Override
  public String description(SeedRun run) {
    return "hidden activations of the training and test sets (TFMlpActivations)";
  }

  @Override
  public void run(SeedRun run) throws Exception {
    TFMlpActivations activations = new TFMlpActivations();
    activations.setModelFile(run.folder.resolve("mlp.model").toFile());
    activations.setInputFormat(run.data.train());
    run.hiddenTrain = Filter.useFilter(run.data.train(), activations);
    run.hiddenTest = Filter.useFilter(run.data.test(), activations);
    if (run.settings.writeIntermediates()) {
      save(run.hiddenTrain, run, "hidden-train.arff");
      save(run.hiddenTest, run, "hidden-test.arff");
    }
  }

  private static void save(Instances data, SeedRun run, String name) throws Exception {
    ArffSaver saver = new ArffSaver();
    saver.setInstances(data);
    saver.setFile(run.folder.resolve(name).toFile());
    saver.writeBatch();
  }
}
