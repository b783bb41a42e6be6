package weka.superposition.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads one IDX file (the format of MNIST's original files) item by item: a header of magic number
 * and dimensions, then {@code dims[0]} items of {@code dims[1] * ... * dims[n-1]} values each, big
 * endian. Gzipped input is recognised by its magic bytes, whatever the file is called.
 *
 * <p>Errors name the problem in words a user can act on: wrong magic number, unknown element type,
 * data that ends early.
 */
public final class IdxReader implements AutoCloseable {

  /** IDX element types: the third byte of the magic number. */
  public enum ElementType {
    UNSIGNED_BYTE(0x08, 1), SIGNED_BYTE(0x09, 1), SHORT(0x0B, 2), INT(0x0C, 4), FLOAT(0x0D, 4),
    DOUBLE(0x0E, 8);

    final int code;
    final int bytes;

    ElementType(int code, int bytes) {
      this.code = code;
      this.bytes = bytes;
    }

    static ElementType of(int code, String source) throws IOException {
      for (ElementType type : values()) {
        if (type.code == code) {
          return type;
        }
      }
      throw new IOException(String.format("%s: unknown IDX element type 0x%02X (known: 0x08 unsigned "
          + "byte, 0x09 signed byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double)", source, code));
    }

    /** True for the types whose values are whole numbers (usable as labels). */
    public boolean isIntegral() {
      return this != FLOAT && this != DOUBLE;
    }
  }

  private final DataInputStream in;
  private final String source;
  private final ElementType type;
  private final int[] dimensions;
  private final int itemSize;
  private final byte[] itemBytes;
  private int itemsRead;

  /**
   * Reads the header.
   *
   * @param stream the IDX data, plain or gzipped; closed by {@link #close()}
   * @param source what to call the data in error messages, usually the file name
   * @throws IOException if the header is not that of an IDX file
   */
  public IdxReader(InputStream stream, String source) throws IOException {
    this.source = source;
    this.in = new DataInputStream(new BufferedInputStream(ungzipped(stream), 1 << 16));
    int magic = readHeaderInt("magic number");
    if ((magic >>> 16) != 0) {
      throw new IOException(String.format("%s: not an IDX file (wrong magic number 0x%08X; an IDX "
          + "file starts with two zero bytes, its element type and its number of dimensions, "
          + "e.g. 0x00000803 for MNIST images)", source, magic));
    }
    this.type = ElementType.of((magic >>> 8) & 0xFF, source);
    int rank = magic & 0xFF;
    if (rank == 0) {
      throw new IOException(source + ": IDX header declares 0 dimensions");
    }
    this.dimensions = new int[rank];
    long size = 1;
    for (int d = 0; d < rank; d++) {
      dimensions[d] = readHeaderInt("size of dimension " + (d + 1));
      if (dimensions[d] < 0) {
        throw new IOException(source + ": IDX header gives a negative size for dimension " + (d + 1));
      }
      if (d > 0) {
        size *= dimensions[d];
      }
    }
    if (size * type.bytes > Integer.MAX_VALUE) {
      throw new IOException(source + ": IDX items of " + size + " values are too large");
    }
    this.itemSize = (int) size;
    this.itemBytes = new byte[itemSize * type.bytes];
  }

  private static InputStream ungzipped(InputStream stream) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(stream);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    boolean gzip = first == 0x1F && second == 0x8B;
    return gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
  }

  private int readHeaderInt(String what) throws IOException {
    try {
      return in.readInt();
    } catch (EOFException e) {
      throw new IOException(source + ": truncated IDX header (it ends before the " + what + ")", e);
    }
  }

  public ElementType type() {
    return type;
  }

  /** The sizes of all dimensions; the first is the number of items. */
  public int[] dimensions() {
    return dimensions.clone();
  }

  public int itemCount() {
    return dimensions[0];
  }

  /** Values per item: the product of all dimensions but the first (1 for a label file). */
  public int itemSize() {
    return itemSize;
  }

  public boolean hasNext() {
    return itemsRead < itemCount();
  }

  /**
   * Reads the next item's values into {@code destination[offset ...]}.
   *
   * @throws IOException if the data ends before the item does
   */
  public void readItem(double[] destination, int offset) throws IOException {
    if (!hasNext()) {
      throw new IOException(source + ": all " + itemCount() + " items have been read");
    }
    try {
      in.readFully(itemBytes);
    } catch (EOFException e) {
      throw new IOException(String.format("%s: truncated IDX data: the header promises %d items of "
          + "%d values, but the data ends within item %d", source, itemCount(), itemSize,
          itemsRead + 1), e);
    }
    decode(destination, offset);
    itemsRead++;
  }

  private void decode(double[] destination, int offset) {
    byte[] b = itemBytes;
    for (int i = 0; i < itemSize; i++) {
      destination[offset + i] = switch (type) {
        case UNSIGNED_BYTE -> b[i] & 0xFF;
        case SIGNED_BYTE -> b[i];
        case SHORT -> (short) (((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF));
        case INT -> intAt(b, 4 * i);
        case FLOAT -> Float.intBitsToFloat(intAt(b, 4 * i));
        case DOUBLE -> Double.longBitsToDouble(((long) intAt(b, 8 * i) << 32)
            | (intAt(b, 8 * i + 4) & 0xFFFFFFFFL));
      };
    }
  }

  private static int intAt(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  /** Reads every remaining item of a file whose items are single values (a label file). */
  public double[] readAllScalars() throws IOException {
    if (itemSize != 1) {
      throw new IOException(source + ": expected one value per item, found " + itemSize);
    }
    double[] values = new double[itemCount() - itemsRead];
    for (int i = 0; i < values.length; i++) {
      readItem(values, i);
    }
    return values;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
