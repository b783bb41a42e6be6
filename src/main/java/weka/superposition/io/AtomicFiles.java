package weka.superposition.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files whole or not at all: to a ".part" file beside the target, then renamed. */
public final class AtomicFiles {

  /** Writes the content of a file to the path it is given. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(Path file) throws IOException;
  }

  private AtomicFiles() {}

  public static void write(Path file, Writer writer) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path part = parent.resolve(file.getFileName() + ".part");
    try {
      writer.writeTo(part);
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(part);
    }
  }
}
