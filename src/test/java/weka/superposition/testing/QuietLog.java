package weka.superposition.testing;

import weka.gui.Logger;

/** A log that records nothing, to keep test output readable; override a method to listen. */
public class QuietLog implements Logger {

  @Override
  public void logMessage(String message) {}

  @Override
  public void statusMessage(String message) {}
}
