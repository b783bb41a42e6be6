package weka.superposition.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.superposition.analysis.Analysis;
import weka.superposition.charts.ChartImages;
import weka.superposition.io.AtomicFiles;

/**
 * Phase 2: {@link SuperpositionAutoencoder} with the seed's settings on the hidden activations of
 * the training set, analysed after every epoch, its report {@code report.json} (and CSV) and its
 * summary {@code phase2.txt}. The PNG plots ({@code png/}, the files {@code -png-dir} writes) are
 * drawn in the background, each epoch's as soon as its analysis is done, while training goes on.
 */
public final class AutoencoderStep implements Step {

  @Override
  public String name() {
    return "phase2";
  }

  @Override
  public String description(SeedRun run) {
    return "phase 2, SuperpositionAutoencoder ("
        + run.settings.epochs2()
        + " epochs, analysed after each)";
  }

  @Override
  public void run(SeedRun run) throws Exception {
    SuperpositionAutoencoder autoencoder = new SuperpositionAutoencoder();
    autoencoder.setSeed(run.seed);
    autoencoder.setEpochs(run.settings.epochs2());
    autoencoder.setAnalyseEveryEpoch(true);
    autoencoder.setReportFile(run.folder.resolve("report.json").toFile());
    Path png = run.folder.resolve("png");
    autoencoder.trainOn(
        run.hiddenTrain,
        (record, analysis) -> {
          if (analysis != null) {
            run.background.submit(() -> ChartImages.writeEpochPlot(analysis, png));
          }
        });
    Analysis last = autoencoder.getAnalysis();
    run.background.submit(() -> ChartImages.writeFinalPlots(last, png));
    String summary = autoencoder.toString();
    AtomicFiles.write(
        run.folder.resolve("phase2.txt"),
        part -> Files.writeString(part, summary, StandardCharsets.UTF_8));
    run.autoencoder = autoencoder;
  }
}
