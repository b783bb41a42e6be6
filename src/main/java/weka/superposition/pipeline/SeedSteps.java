package weka.superposition.pipeline;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.converters.ArffSaver;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.filters.unsupervised.attribute.TFMlpActivations;
import weka.superposition.analysis.Analysis;
import weka.superposition.charts.ChartImages;
import weka.superposition.charts.HiddenWeightCharts;
import weka.superposition.io.AtomicFiles;
import weka.tensorflow.EpochRecord;
import weka.tensorflow.Parameter;

/** The steps of a seed's run that {@link ExperimentPipeline#seedSteps()} puts in order. */
final class SeedSteps {

  /**
   * Phase 1: {@link TFMlpClassifier} with the seed's settings, the test set's accuracy after every
   * epoch (the test set in memory, not read again), its report {@code phase1.json}, the saved model
   * {@code mlp.model}, and Weka's evaluation on the test set in {@code phase1.txt}: what {@code
   * weka.Run TFMlpClassifier -t train -T test -d mlp.model -monitor test -report phase1.json}
   * gives.
   */
  static final Step PHASE1 =
      new Step(
          "phase1",
          run ->
              "phase 1, TFMlpClassifier ("
                  + run.settings.epochs1()
                  + " epochs; test accuracy after each)",
          SeedSteps::phase1);

  /**
   * The hidden activations of the training set, through {@link TFMlpActivations} with the
   * classifier phase 1 left in memory, kept for phase 2 (the test set's are made when a step first
   * reads them, {@link SeedRun#hiddenTest()}); written as ARFF ({@code hidden-train.arff}, {@code
   * hidden-test.arff}) only when the settings ask for the intermediate files.
   */
  static final Step ACTIVATIONS =
      new Step(
          "activations",
          run -> "hidden activations of the training set (TFMlpActivations)",
          SeedSteps::activations);

  /**
   * Phase 2: {@link SuperpositionAutoencoder} with the seed's settings on the hidden activations of
   * the training set, analysed after every epoch, its report {@code report.json} (and CSV) and its
   * summary {@code phase2.txt}. The PNG plots ({@code png/}, the files {@code -png-dir} writes) are
   * drawn in the background, each epoch's as soon as its analysis is done, while training goes on.
   */
  static final Step PHASE2 =
      new Step(
          "phase2",
          run ->
              "phase 2, SuperpositionAutoencoder ("
                  + run.settings.epochs2()
                  + " epochs, analysed after each)",
          SeedSteps::phase2);

  /**
   * The classifier's hidden units' input weights as 28 x 28 images ({@code
   * png/hidden-weights.png}), labelled and ordered by phase 2's importance ranks; drawn in the
   * background.
   */
  static final Step HIDDEN_WEIGHTS =
      new Step(
          "weights",
          run -> "the hidden units' input weights as images, in phase 2's importance order",
          SeedSteps::hiddenWeights);

  /** The convergence study of the seed's classifier ({@link SeedStudy}), {@code study.json}. */
  static final Step STUDY =
      new Step(
          "study",
          run -> "the convergence study (converged autoencoder and controls, study.json)",
          run ->
              SeedStudy.study(
                  run.trainedHidden(),
                  run.untrainedHidden(),
                  run.hiddenUnits(),
                  run.seed,
                  run.settings.epochs2(),
                  run.autoencoder.getResult(),
                  run.folder,
                  run.console));

  /**
   * What the hidden units hold: sparse dictionaries and their controls ({@link SeedDictionary}).
   */
  static final Step DICTIONARY =
      new Step(
          "dictionary",
          run -> "sparse dictionaries of the hidden units and controls (dictionary.json)",
          SeedDictionary::study);

  private SeedSteps() {}

  private static void phase1(SeedRun run) throws Exception {
    TFMlpClassifier classifier = new TFMlpClassifier();
    classifier.setSeed(run.seed);
    classifier.setEpochs(run.settings.epochs1());
    classifier.setMonitorData(run.data.test());
    classifier.setReportFile(run.folder.resolve("phase1.json").toFile());
    // epoch by epoch, as Weka drives an IterativeClassifier, to tell each epoch as it ends
    Console.Progress progress = run.console.progress("epoch", run.settings.epochs1());
    classifier.initializeClassifier(run.data.train());
    while (classifier.next()) {
      List<EpochRecord> history = classifier.getHistory();
      List<Double> accuracy = classifier.getMonitorAccuracy();
      progress.advance(
          String.format(
              Locale.ROOT,
              "loss %.4f, test accuracy %.4f",
              history.get(history.size() - 1).loss(),
              accuracy.get(accuracy.size() - 1)));
    }
    classifier.done();
    progress.finish();
    classifier.setMonitorData(null);
    SerializationHelper.write(new File(run.folder.toFile(), "mlp.model").getPath(), classifier);

    Evaluation evaluation = new Evaluation(run.data.train());
    evaluation.evaluateModel(classifier, run.data.test());
    String text =
        classifier
            + "\n"
            + evaluation.toSummaryString("=== Error on test data ===\n", false)
            + "\n"
            + evaluation.toMatrixString();
    AtomicFiles.write(
        run.folder.resolve("phase1.txt"),
        part -> Files.writeString(part, text, StandardCharsets.UTF_8));
    run.classifier = classifier;
  }

  private static void activations(SeedRun run) throws Exception {
    run.hiddenTrain = TFMlpActivations.activations(run.classifier, run.data.train());
    if (run.settings.writeIntermediates()) {
      saveArff(run.hiddenTrain, run, "hidden-train.arff");
      saveArff(run.hiddenTest(), run, "hidden-test.arff");
    }
  }

  private static void saveArff(Instances data, SeedRun run, String name) throws Exception {
    ArffSaver saver = new ArffSaver();
    saver.setInstances(data);
    saver.setFile(run.folder.resolve(name).toFile());
    saver.writeBatch();
  }

  private static void phase2(SeedRun run) throws Exception {
    SuperpositionAutoencoder autoencoder = new SuperpositionAutoencoder();
    autoencoder.setSeed(run.seed);
    autoencoder.setEpochs(run.settings.epochs2());
    autoencoder.setAnalyseEveryEpoch(true);
    autoencoder.setReportFile(run.folder.resolve("report.json").toFile());
    Path png = run.folder.resolve("png");
    Console.Progress progress = run.console.progress("epoch", run.settings.epochs2());
    autoencoder.trainOn(
        run.hiddenTrain,
        (record, analysis) -> {
          progress.advance(String.format(Locale.ROOT, "loss %.5f", record.loss()));
          if (analysis != null) {
            run.background.submit(() -> ChartImages.writeEpochPlot(analysis, png));
          }
        });
    progress.finish();
    Analysis last = autoencoder.getAnalysis();
    run.background.submit(() -> ChartImages.writeFinalPlots(last, png));
    String summary = autoencoder.toString();
    AtomicFiles.write(
        run.folder.resolve("phase2.txt"),
        part -> Files.writeString(part, summary, StandardCharsets.UTF_8));
    run.autoencoder = autoencoder;
  }

  private static void hiddenWeights(SeedRun run) throws Exception {
    Parameter kernel = run.classifier.hiddenLayer()[0];
    int[] rank = run.autoencoder.getAnalysis().importance().rank();
    String title =
        "Input weights of the classifier's hidden units (seed "
            + run.seed
            + ", after "
            + run.settings.epochs1()
            + " epochs)";
    Path png = run.folder.resolve("png");
    run.background.submit(
        () ->
            HiddenWeightCharts.writeHiddenWeights(
                kernel.values(),
                (int) kernel.shape()[0],
                (int) kernel.shape()[1],
                rank,
                title,
                png));
  }
}
