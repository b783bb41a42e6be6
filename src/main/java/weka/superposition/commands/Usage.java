package weka.superposition.commands;

/** The commands' one check of their arguments. */
final class Usage {

  private Usage() {}

  /** Unless the arguments fit, prints the command's usage line and exits with status 1. */
  static void exitUnless(boolean argumentsFit, String usage) {
    if (!argumentsFit) {
      System.err.println("Usage: " + usage);
      System.exit(1);
    }
  }
}
