package weka.superposition.io;

import weka.gui.Logger;

/**
 * The log and status bar of the Explorer that shows the package's tab, for the package's filters:
 * the Preprocess tab gives filters no log of their own (and copies them before it runs them), so a
 * filter reports here, and reports nothing when no Explorer is open. Imports nothing of the
 * package, so that the filters can use it without a cycle.
 */
public final class ExplorerLog {

  private static volatile Logger current;

  private ExplorerLog() {}

  /** Makes {@code log} the one that filters report to (the last Explorer opened wins). */
  public static void set(Logger log) {
    current = log;
  }

  /** The Explorer's log, or null when none is open. */
  public static Logger current() {
    return current;
  }

  /** Shows {@code message} in the Explorer's status bar, if one is open. */
  public static void status(String message) {
    Logger log = current;
    if (log != null) {
      log.statusMessage(message);
    }
  }

  /** Adds {@code message} to the Explorer's log, if one is open. */
  public static void log(String message) {
    Logger log = current;
    if (log != null) {
      log.logMessage(message);
    }
  }
}
