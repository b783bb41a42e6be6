package weka.superposition.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests, so that no binary fixture has to be committed. */
public final class IdxFixtures {

  private IdxFixtures() {}

  /** The bytes of an IDX file of unsigned bytes: header (type 0x08), dimensions, values. */
  public static byte[] unsignedBytes(int[] dimensions, int[] values) {
    return idx(0x08, dimensions, values, DataOutputStream::writeByte);
  }

  /** The bytes of an IDX file of big-endian ints: header (type 0x0C), dimensions, values. */
  public static byte[] ints(int[] dimensions, int[] values) {
    return idx(0x0C, dimensions, values, DataOutputStream::writeInt);
  }

  /** How an IDX type writes one value. */
  private interface ValueWriter {
    void write(DataOutputStream out, int value) throws IOException;
  }

  private static byte[] idx(int type, int[] dimensions, int[] values, ValueWriter writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(type << 8 | dimensions.length);
      for (int d : dimensions) {
        out.writeInt(d);
      }
      for (int v : values) {
        writer.write(out, v);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A copy of IDX bytes whose header int at {@code index} (0: magic, 1: first dimension) is set.
   */
  public static byte[] withHeaderInt(byte[] content, int index, int value) {
    byte[] copy = content.clone();
    for (int b = 0; b < 4; b++) {
      copy[4 * index + b] = (byte) (value >>> (24 - 8 * b));
    }
    return copy;
  }

  public static byte[] gzipped(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }

  /** {@code count} images of {@code rows x cols} whose pixel j of image i is (i * 7 + j) % 256. */
  public static byte[] images(int count, int rows, int cols) {
    int[] values = new int[count * rows * cols];
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < rows * cols; j++) {
        values[i * rows * cols + j] = pixel(i, j);
      }
    }
    return unsignedBytes(new int[] {count, rows, cols}, values);
  }

  public static int pixel(int image, int index) {
    return (image * 7 + index) % 256;
  }

  /** A label file whose label i is {@code i % 10}. */
  public static byte[] labels(int count) {
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = i % 10;
    }
    return unsignedBytes(new int[] {count}, values);
  }

  public static Path write(Path file, byte[] content) throws IOException {
    Files.write(file, content);
    return file;
  }

  public static Path writeGzipped(Path file, byte[] content) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content);
    }
    return file;
  }
}
