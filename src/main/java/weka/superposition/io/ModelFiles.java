package weka.superposition.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.StreamCorruptedException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads a saved {@code TFMlpClassifier} model file as data, not as code: Java deserialization runs
 * the {@code readObject} of every class a stream names, so a model file from elsewhere could run
 * any serializable class on the class path, or exhaust memory with deeply nested or huge arrays.
 *
 * <p>Only the classes a saved TFMlpClassifier holds are admitted, checked by name before the class
 * is even loaded: the package's own model classes, Weka's header classes ({@code Instances}, {@code
 * Attribute} and its infos), a few {@code java.lang}/{@code java.util} value and collection
 * classes, {@code java.io.File}, and arrays of these or of primitives. Nesting depth, number of
 * objects and stream length are bounded, and no array may be longer than the file could hold.
 *
 * <p>Reads what Weka writes: the classifier alone ({@code SerializationHelper.write}), or the
 * classifier followed by its training header (the Explorer's "Save model", {@code -d}), plain or
 * gzipped (Weka gzips when the file name ends in {@code .gz}; gzip is recognised by its bytes).
 */
public final class ModelFiles {

  /** A saved model nests about 8 deep (classifier, header, attribute list, attribute, values). */
  static final int MAX_DEPTH = 40;

  /** Objects and back-references; MNIST's 785 attributes take about 5,000. */
  static final long MAX_REFERENCES = 5_000_000;

  /** Bytes of (uncompressed) serialized data: 500 million float weights, far beyond this model. */
  static final long MAX_STREAM_BYTES = Integer.MAX_VALUE;

  /** Deflate compresses at most about 1032 : 1, which bounds what a gzipped file can hold. */
  private static final long MAX_DEFLATE_RATIO = 1032;

  private static final Set<String> ALLOWED_CLASSES =
      Set.of(
          // the model
          "weka.classifiers.AbstractClassifier",
          "weka.classifiers.functions.TFMlpClassifier",
          // a sparse dictionary (SparseDictionary -save-model)
          "weka.superposition.analysis.DictionaryWeights",
          // the training header
          "weka.core.Instances",
          "weka.core.Attribute",
          "weka.core.AttributeMetaInfo",
          "weka.core.NominalAttributeInfo",
          "weka.core.NumericAttributeInfo",
          "weka.core.StringAttributeInfo",
          "weka.core.RelationalAttributeInfo",
          "weka.core.ProtectedProperties",
          // values and the collections that hold them
          "java.lang.Object",
          "java.lang.String",
          "java.lang.Enum",
          "java.lang.Number",
          "java.lang.Boolean",
          "java.lang.Byte",
          "java.lang.Character",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.util.ArrayList",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.Hashtable",
          "java.util.Properties",
          "java.util.Map$Entry",
          "java.util.CollSer",
          "java.util.ImmutableCollections$ListN",
          "java.util.ImmutableCollections$List12",
          "java.util.Collections$UnmodifiableCollection",
          "java.util.Collections$UnmodifiableList",
          "java.util.Collections$UnmodifiableRandomAccessList",
          "java.util.Collections$EmptyList",
          "java.io.File");

  /** The package's own model data: every class directly in these Java packages. */
  private static final List<String> OWN_MODEL_PACKAGES =
      List.of(
          "weka.superposition.mlp.",
          "weka.superposition.data.",
          "weka.tensorflow.",
          "weka.superposition.dictionary.");

  private ModelFiles() {}

  /**
   * Reads the first object of a model file (the classifier; a training header after it is left
   * unread).
   *
   * @throws IOException naming the file and the problem: a class no model holds, limits exceeded, a
   *     truncated or damaged file, a file that is not a saved model
   */
  public static Object readModel(File file) throws IOException {
    String name = file.getName();
    long bound = dataBound(file);
    Guard guard = new Guard(name, bound);
    try (InputStream data = open(file);
        GuardedObjectInputStream in = new GuardedObjectInputStream(data, guard)) {
      return in.readObject();
    } catch (EOFException e) {
      throw new IOException(
          name + " ends early: the model file is truncated; save the model " + "again", e);
    } catch (InvalidClassException e) {
      throw guard.refusal == null ? damaged(name, e) : new IOException(guard.refusal, e);
    } catch (StreamCorruptedException e) {
      throw new IOException(name + " is not a saved Weka model (" + e.getMessage() + ")", e);
    } catch (ClassNotFoundException e) {
      throw new IOException(
          name
              + " needs the class "
              + e.getMessage()
              + ", which is not "
              + "available; was it saved by another version of this package?",
          e);
    } catch (IOException | RuntimeException e) {
      throw damaged(name, e);
    }
  }

  private static IOException damaged(String name, Exception cause) {
    return new IOException(
        name + " is damaged or not a model saved by this package: " + cause, cause);
  }

  private static InputStream open(File file) throws IOException {
    BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file.toPath()));
    return isGzipped(in) ? new BufferedInputStream(new GZIPInputStream(in)) : in;
  }

  private static boolean isGzipped(BufferedInputStream in) throws IOException {
    in.mark(2);
    boolean gzip = in.read() == 0x1F && in.read() == 0x8B;
    in.reset();
    return gzip;
  }

  /** The most bytes of serialized data the file can hold. */
  private static long dataBound(File file) throws IOException {
    long length = file.length();
    try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file.toPath()))) {
      long bound = isGzipped(in) ? length * MAX_DEFLATE_RATIO : length;
      return Math.min(bound, MAX_STREAM_BYTES);
    }
  }

  /** True if a saved TFMlpClassifier may hold an object of the class (or array class) named. */
  static boolean isAllowed(String className) {
    String element = className.replaceFirst("^\\[+", "");
    if (element.length() == 1 && !element.equals(className)) {
      return true; // an array of primitives
    }
    if (element.startsWith("L") && element.endsWith(";") && !element.equals(className)) {
      element = element.substring(1, element.length() - 1);
    }
    return ALLOWED_CLASSES.contains(element) || inOwnModelPackage(element);
  }

  private static boolean inOwnModelPackage(String className) {
    for (String prefix : OWN_MODEL_PACKAGES) {
      if (className.startsWith(prefix) && className.indexOf('.', prefix.length()) < 0) {
        return true;
      }
    }
    return false;
  }

  /** Decides on each class, array and object the stream holds; remembers why it refused. */
  private static final class Guard implements ObjectInputFilter {
    private final String name;
    private final long dataBound;
    String refusal;

    Guard(String name, long dataBound) {
      this.name = name;
      this.dataBound = dataBound;
    }

    boolean admitsClass(String className) {
      if (isAllowed(className)) {
        return true;
      }
      refuse("holds " + className + ", which a model of this package never contains");
      return false;
    }

    @Override
    public Status checkInput(FilterInfo info) {
      if (info.depth() > MAX_DEPTH) {
        return refuse(
            "nests objects more than "
                + MAX_DEPTH
                + " deep (a saved model of this package "
                + "nests about 8)");
      }
      if (info.references() > MAX_REFERENCES || info.streamBytes() > MAX_STREAM_BYTES) {
        return refuse(
            String.format(
                "holds more than %,d objects or %,d bytes, far more than a "
                    + "model of this package",
                MAX_REFERENCES, MAX_STREAM_BYTES));
      }
      Class<?> type = info.serialClass();
      if (type != null && !admitsClass(type.getName())) {
        return Status.REJECTED;
      }
      if (type != null && type.isArray() && info.arrayLength() >= 0) {
        return checkArrayFits(type.getComponentType(), info.arrayLength());
      }
      return Status.UNDECIDED;
    }

    /** An array's elements take at least a byte each in the stream (more for wide primitives). */
    private Status checkArrayFits(Class<?> element, long length) {
      long needed = length * bytesPerElement(element);
      if (needed > dataBound) {
        return refuse(
            String.format(
                Locale.ROOT,
                "declares an array of %,d %s values (%s), but "
                    + "the file can hold only %,d bytes of data; it is damaged or not a model",
                length,
                element.getSimpleName(),
                IdxReader.humanBytes(needed),
                dataBound));
      }
      return Status.UNDECIDED;
    }

    private static long bytesPerElement(Class<?> element) {
      if (element == long.class || element == double.class) {
        return 8;
      }
      if (element == int.class || element == float.class) {
        return 4;
      }
      return element == short.class || element == char.class ? 2 : 1;
    }

    private Status refuse(String why) {
      if (refusal == null) {
        refusal = name + " " + why + "; refusing to read it";
      }
      return Status.REJECTED;
    }
  }

  /**
   * Checks each class by name before it is loaded (loading may run static initializers), and
   * resolves admitted classes with the loader of this package, which sees Weka and the package.
   */
  private static final class GuardedObjectInputStream extends ObjectInputStream {
    private final Guard guard;

    GuardedObjectInputStream(InputStream in, Guard guard) throws IOException {
      super(in);
      this.guard = guard;
      setObjectInputFilter(guard);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass description)
        throws IOException, ClassNotFoundException {
      if (!guard.admitsClass(description.getName())) {
        throw new InvalidClassException(description.getName(), "refused");
      }
      return Class.forName(description.getName(), false, ModelFiles.class.getClassLoader());
    }

    @Override
    protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
      guard.admitsClass("a dynamic proxy of " + String.join(", ", interfaces));
      throw new InvalidClassException("proxy", "refused");
    }
  }
}
