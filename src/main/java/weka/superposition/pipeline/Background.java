package weka.superposition.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work off the critical path (the PNG plots): one thread beside the one that trains, which
 * TensorFlow keeps to one core. {@link #finish()} waits for all of it and passes on the first
 * failure.
 */
public final class Background implements AutoCloseable {

  /** A piece of background work. */
  @FunctionalInterface
  public interface Task {
    void run() throws Exception;
  }

  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "experiment-background");
            thread.setDaemon(true);
            return thread;
          });

  private final List<Future<?>> submitted = new ArrayList<>();

  public void submit(Task task) {
    submitted.add(
        executor.submit(
            () -> {
              task.run();
              return null;
            }));
  }

  /** Waits for everything submitted so far; throws the first failure. */
  public void finish() throws Exception {
    try {
      for (Future<?> future : submitted) {
        future.get();
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      submitted.clear();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
