package weka.superposition.pipeline;

import java.io.PrintStream;
import java.util.Locale;

/**
 * What the main job tells its user on standard output while it runs: a line per step, and within a
 * step its progress (epochs, runs) with an estimate of the time left, redrawn in place on a
 * terminal and one plain line each otherwise (a log file, a pipe). Quiet, it keeps only the final
 * lines ({@link #result}). Errors are not its business: they go to standard error.
 */
public final class Console {

  /** Characters of the progress bar on a terminal. */
  private static final int BAR = 24;

  private final PrintStream out;
  private final boolean terminal;
  private final boolean quiet;

  public Console(PrintStream out, boolean terminal, boolean quiet) {
    this.out = out;
    this.terminal = terminal;
    this.quiet = quiet;
  }

  /** Standard output; a terminal when the JVM has a console. */
  public static Console standardOutput(boolean quiet) {
    return new Console(System.out, System.console() != null, quiet);
  }

  /** A console that says nothing (for steps run outside the main job). */
  public static Console silent() {
    return new Console(System.out, false, true);
  }

  /** A step's line. */
  public void step(String line) {
    if (!quiet) {
      out.println(line);
      out.flush();
    }
  }

  /** A final line: always shown. */
  public void result(String line) {
    out.println(line);
    out.flush();
  }

  /** Progress through {@code total} units (epochs, runs) of a step, named {@code unit}. */
  public Progress progress(String unit, int total) {
    return new Progress(unit, total);
  }

  /** One step's progress. */
  public final class Progress {

    private final String unit;
    private final int total;
    private final long start = System.nanoTime();
    private int done;
    private boolean drawn;

    private Progress(String unit, int total) {
      this.unit = unit;
      this.total = total;
    }

    /** One more unit done; {@code detail} says how it went (a loss, a figure), or is empty. */
    public void advance(String detail) {
      done++;
      if (quiet) {
        return;
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      String left =
          done < total
              ? String.format(Locale.ROOT, ", about %.0f s left", elapsed / done * (total - done))
              : String.format(Locale.ROOT, ", %.1f s", elapsed);
      String text =
          String.format(
              Locale.ROOT,
              "%s %d of %d%s%s",
              unit,
              done,
              total,
              detail.isEmpty() ? "" : ", " + detail,
              left);
      if (terminal) {
        int filled = total == 0 ? BAR : BAR * Math.min(done, total) / total;
        out.print(
            "\r  ["
                + "#".repeat(filled)
                + ".".repeat(BAR - filled)
                + "] "
                + text
                + "\u001b[K"
                + (done >= total ? "\n" : ""));
        drawn = done < total;
      } else {
        out.println("  " + text);
      }
      out.flush();
    }

    /** Ends the progress line (when fewer units than announced were done, say). */
    public void finish() {
      if (drawn && !quiet) {
        out.println();
        out.flush();
        drawn = false;
      }
    }
  }
}
