package weka.superposition.gui;

import java.util.function.Consumer;

/**
 * One training of a view, on a daemon thread of its own: Stop marks it stopped and interrupts it
 * (its later events are dropped), and the event thread marks it finished once its end is shown,
 * after waiting for the thread, so that "Stopped" is true when shown.
 */
final class TrainingRun {

  private final Thread thread;
  private final int epochs;
  private volatile boolean stopped;

  /** Event thread only: set once the run's end is shown. */
  private boolean finished;

  private TrainingRun(Thread thread, int epochs) {
    this.thread = thread;
    this.epochs = epochs;
  }

  /**
   * Starts {@code training}, given its run, on a daemon thread named {@code name} (by which a test
   * sees that none is left after Stop); {@code epochs} is how many it trains.
   */
  static TrainingRun start(String name, int epochs, Consumer<TrainingRun> training) {
    TrainingRun[] started = new TrainingRun[1];
    Thread thread = new Thread(() -> training.accept(started[0]), name);
    thread.setDaemon(true);
    started[0] = new TrainingRun(thread, epochs);
    thread.start();
    return started[0];
  }

  /** Whether {@code run} is running, or its end is not shown yet. */
  static boolean running(TrainingRun run) {
    return run != null && !run.finished;
  }

  /** The epochs it trains. */
  int epochs() {
    return epochs;
  }

  boolean stopped() {
    return stopped;
  }

  boolean finished() {
    return finished;
  }

  /**
   * Stops the training before its next step; false, doing nothing, when its end is shown or it was
   * stopped already.
   */
  boolean stop() {
    if (finished || stopped) {
      return false;
    }
    stopped = true;
    thread.interrupt();
    return true;
  }

  /**
   * On the event thread, once the training thread has posted its last event: marks the run finished
   * and waits for the thread's end; false, doing nothing, when it was finished already.
   */
  boolean finish() {
    if (finished) {
      return false;
    }
    finished = true;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  /** The message of {@code e}, or of its first cause that has one; else what it is. */
  static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
