package weka.superposition.describe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import weka.superposition.io.AtomicFiles;
import weka.superposition.io.JsonFiles;

/**
 * What {@code TFMlpClassifier -report} writes: the network, the settings it was trained with, and
 * every epoch, so that reports and benchmarks read data, not the classifier's printed table.
 *
 * @param normalization the input normalization's name, as the option takes it
 * @param epochs in training order
 */
public record ClassifierReport(
    int inputs,
    int hiddenUnits,
    int classes,
    double learningRate,
    int miniBatchSize,
    int seed,
    int threads,
    String normalization,
    List<Epoch> epochs) {

  /**
   * One epoch.
   *
   * @param loss the epoch's mean training loss
   * @param monitorAccuracy the accuracy on the monitor file after the epoch; NaN without one
   */
  public record Epoch(int epoch, double loss, double seconds, double monitorAccuracy) {}

  /** Writes the report as JSON, whole or not at all. */
  public void write(Path file) throws IOException {
    String json = JsonFiles.write(this);
    AtomicFiles.write(file, part -> Files.writeString(part, json, StandardCharsets.UTF_8));
  }

  public static ClassifierReport read(Path file) throws IOException {
    return JsonFiles.read(Files.readString(file), ClassifierReport.class);
  }
}
