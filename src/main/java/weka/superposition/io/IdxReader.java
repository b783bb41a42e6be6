package weka.superposition.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads one IDX file (the format of MNIST's original files) item by item: a header of magic number
 * and dimensions, then {@code dims[0]} items of {@code dims[1] * ... * dims[n-1]} values each, big
 * endian. Gzipped input is recognised by its magic bytes, whatever the file is called.
 *
 * <p>The header is a claim, not a fact: nothing is allocated by what it promises before the data
 * backs it. A plain file's length is checked against the header at once; gzipped data (whose length
 * is unknown until it is read) is read in chunks that grow only as data arrives, so a header that
 * promises billions of items costs no more memory than the data it actually holds.
 *
 * <p>Errors name the problem in words a user can act on: wrong magic number, unknown element type,
 * a header that promises more than the file holds, data that ends early.
 */
public final class IdxReader implements AutoCloseable {

  /** The largest Java array the JVMs in use will allocate (a few below Integer.MAX_VALUE). */
  static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  /** First chunk of an item or label buffer whose size is not yet backed by data. */
  private static final int FIRST_CHUNK = 1 << 16;

  /** IDX element types: the third byte of the magic number. */
  public enum ElementType {
    UNSIGNED_BYTE(0x08, 1),
    SIGNED_BYTE(0x09, 1),
    SHORT(0x0B, 2),
    INT(0x0C, 4),
    FLOAT(0x0D, 4),
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
      throw new IOException(
          String.format(
              "%s: unknown IDX element type 0x%02X (known: 0x08 unsigned "
                  + "byte, 0x09 signed byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double)",
              source, code));
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
  private final int itemByteCount;

  /** Holds one item's bytes; grows while an item is read until it first holds a whole item. */
  private byte[] itemBytes = new byte[0];

  private int itemsRead;

  /**
   * Reads the header of data whose length is unknown (a stream).
   *
   * @param stream the IDX data, plain or gzipped; closed by {@link #close()}
   * @param source what to call the data in error messages, usually the file name
   * @throws IOException if the header is not that of an IDX file
   */
  public IdxReader(InputStream stream, String source) throws IOException {
    this(stream, source, -1);
  }

  /**
   * Reads the header and, for plain (not gzipped) data of known length, checks that the data can
   * hold what the header promises.
   *
   * @param stream the IDX data, plain or gzipped; closed by {@link #close()}
   * @param source what to call the data in error messages, usually the file name
   * @param streamLength the number of bytes the stream holds (a file's length), or -1 if unknown
   * @throws IOException if the header is not that of an IDX file, or promises more than it can hold
   */
  public IdxReader(InputStream stream, String source, long streamLength) throws IOException {
    this.source = source;
    BufferedInputStream buffered = new BufferedInputStream(stream);
    boolean gzipped = isGzipped(buffered);
    InputStream data = gzipped ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    this.in = new DataInputStream(new BufferedInputStream(data, 1 << 16));
    int magic = readHeaderInt("magic number");
    this.type = ElementType.of(checkMagic(magic), source);
    this.dimensions = readDimensions(magic & 0xFF);
    this.itemSize = valuesPerItem();
    this.itemByteCount = itemSize * type.bytes;
    if (!gzipped && streamLength >= 0) {
      checkPromiseFitsIn(streamLength - 4L * (1 + dimensions.length));
    }
  }

  private static boolean isGzipped(BufferedInputStream buffered) throws IOException {
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    return first == 0x1F && second == 0x8B;
  }

  /** Returns the element type code, or explains why the magic number is not an IDX one. */
  private int checkMagic(int magic) throws IOException {
    if ((magic >>> 16) != 0) {
      throw new IOException(
          String.format(
              "%s: not an IDX file (wrong magic number 0x%08X; an IDX "
                  + "file starts with two zero bytes, its element type and its number of dimensions, "
                  + "e.g. 0x00000803 for MNIST images)",
              source, magic));
    }
    if ((magic & 0xFF) == 0) {
      throw new IOException(source + ": IDX header declares 0 dimensions");
    }
    return (magic >>> 8) & 0xFF;
  }

  private int[] readDimensions(int rank) throws IOException {
    int[] sizes = new int[rank]; // rank is one byte: at most 255
    for (int d = 0; d < rank; d++) {
      sizes[d] = readHeaderInt("size of dimension " + (d + 1));
      if (sizes[d] < 0) {
        throw new IOException(
            source
                + ": IDX header gives a negative size for dimension "
                + (d + 1)
                + " ("
                + sizes[d]
                + ")");
      }
    }
    return sizes;
  }

  /** The product of all dimensions but the first, refused before it can overflow. */
  private int valuesPerItem() throws IOException {
    for (int d = 1; d < dimensions.length; d++) {
      if (dimensions[d] == 0) {
        return 0;
      }
    }
    long values = 1;
    for (int d = 1; d < dimensions.length; d++) {
      // each factor is below 2^31, so a product kept below 2^31 can never overflow a long
      values *= dimensions[d];
      if (values * type.bytes > MAX_ARRAY_LENGTH) {
        throw new IOException(
            String.format(
                "%s: the IDX header's item dimensions %s multiply to "
                    + "more values per item than Java can hold (at most %,d bytes per item); the header "
                    + "is damaged or the file is not IDX",
                source, itemShape(), MAX_ARRAY_LENGTH));
      }
    }
    return (int) values;
  }

  private String itemShape() {
    StringBuilder shape = new StringBuilder();
    for (int d = 1; d < dimensions.length; d++) {
      shape.append(d > 1 ? " x " : "").append(dimensions[d]);
    }
    return shape.toString();
  }

  private void checkPromiseFitsIn(long dataBytes) throws IOException {
    long promised = (long) itemCount() * itemByteCount; // < 2^31 * 2^31: no overflow
    if (promised > dataBytes) {
      throw new IOException(
          String.format(
              "%s: the IDX header promises %d items of %,d bytes (%s), "
                  + "but the file holds only %,d bytes of data; the file is truncated or its header is "
                  + "damaged",
              source, itemCount(), itemByteCount, humanBytes(promised), Math.max(0, dataBytes)));
    }
  }

  /** A byte count in the unit a person reads best: "15.7 kB", "1.7 TB". */
  static String humanBytes(long bytes) {
    String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
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

  /** The number of items the header promises (checked against a plain file's length only). */
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
    readItemBytes();
    decode(destination, offset);
  }

  /**
   * Reads the next item's values into a new array of {@link #itemSize()} values plus {@code
   * extraSlots} zeros at its end. Unlike {@link #readItem(double[], int)}, nothing of the item's
   * size is allocated before the data shows that it holds the item.
   *
   * @throws IOException if the data ends before the item does
   */
  public double[] readItem(int extraSlots) throws IOException {
    readItemBytes();
    double[] values = new double[itemSize + extraSlots];
    decode(values, 0);
    return values;
  }

  private void readItemBytes() throws IOException {
    if (!hasNext()) {
      throw new IOException(source + ": all " + itemCount() + " items have been read");
    }
    int read = 0;
    while (read < itemByteCount) {
      if (read == itemBytes.length) {
        itemBytes = grown(itemBytes, itemByteCount);
      }
      int n = in.read(itemBytes, read, itemBytes.length - read);
      if (n < 0) {
        throw truncatedWithin(itemsRead + 1);
      }
      read += n;
    }
    itemsRead++;
  }

  /** Doubles a buffer (from a first chunk) without passing the size that the header promises. */
  private static byte[] grown(byte[] buffer, int limit) {
    long doubled = Math.max(FIRST_CHUNK, 2L * buffer.length);
    return Arrays.copyOf(buffer, (int) Math.min(limit, doubled));
  }

  private IOException truncatedWithin(int item) {
    return new IOException(
        String.format(
            "%s: truncated IDX data: the header promises %d items of "
                + "%d values, but the data ends within item %d",
            source, itemCount(), itemSize, item));
  }

  private void decode(double[] destination, int offset) {
    byte[] b = itemBytes;
    for (int i = 0; i < itemSize; i++) {
      destination[offset + i] =
          switch (type) {
            case UNSIGNED_BYTE -> b[i] & 0xFF;
            case SIGNED_BYTE -> b[i];
            case SHORT -> (short) (((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF));
            case INT -> intAt(b, 4 * i);
            case FLOAT -> Float.intBitsToFloat(intAt(b, 4 * i));
            case DOUBLE ->
                Double.longBitsToDouble(
                    ((long) intAt(b, 8 * i) << 32) | (intAt(b, 8 * i + 4) & 0xFFFFFFFFL));
          };
    }
  }

  private static int intAt(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24)
        | ((b[at + 1] & 0xFF) << 16)
        | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  /**
   * Reads every remaining item of a file whose items are single values (a label file). The array
   * grows as values arrive, so a header promising more than the data holds fails when the data
   * ends, having cost only the memory of the data that was there.
   */
  public double[] readAllScalars() throws IOException {
    if (itemSize != 1) {
      throw new IOException(source + ": expected one value per item, found " + itemSize);
    }
    int remaining = itemCount() - itemsRead;
    double[] values = new double[Math.min(remaining, FIRST_CHUNK)];
    double[] one = new double[1];
    for (int i = 0; i < remaining; i++) {
      if (i == values.length) {
        values = Arrays.copyOf(values, (int) Math.min(remaining, 2L * values.length));
      }
      readItem(one, 0);
      values[i] = one[0];
    }
    return values;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
