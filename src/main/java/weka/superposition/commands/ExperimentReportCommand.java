package weka.superposition.commands;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import weka.superposition.io.AtomicFiles;
import weka.superposition.report.ExperimentReport;

/**
 * Writes REPORT.md for a run of {@code examples/run-experiment.sh}.
 *
 * <p>Usage: {@code ExperimentReportCommand <output folder>}
 */
public final class ExperimentReportCommand {

  private ExperimentReportCommand() {}

  public static void main(String[] args) throws Exception {
    Usage.exitUnless(args.length == 1, "ExperimentReport <output folder with seed-N subfolders>");
    Path out = Path.of(args[0]);
    Path report = out.resolve("REPORT.md");
    String text = ExperimentReport.write(ExperimentReport.readRuns(out));
    AtomicFiles.write(report, part -> Files.writeString(part, text, StandardCharsets.UTF_8));
    System.err.println("[report] " + report);
  }
}
