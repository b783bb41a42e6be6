package weka.superposition.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer and reader for the analysis reports (Weka's own JSON parser reads no
 * exponents). Writes maps, lists, numeric arrays, strings, numbers, booleans and null; NaN and
 * infinities, which JSON lacks, are written as null and read back as NaN by {@link #number}. Reads
 * objects as maps (in order), arrays as lists, numbers as Double.
 */
public final class Json {

  private Json() {
  }

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "");
    return out.append('\n').toString();
  }

  private static void write(Object value, StringBuilder out, String indent) {
    if (value instanceof Map<?, ?> map) {
      String inner = indent + "  ";
      out.append("{");
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(first ? "\n" : ",\n").append(inner);
        string(entry.getKey().toString(), out);
        out.append(": ");
        write(entry.getValue(), out, inner);
        first = false;
      }
      out.append(first ? "}" : "\n" + indent + "}");
    } else if (value instanceof List<?> list) {
      boolean nested = list.stream().anyMatch(e -> e instanceof Map || e instanceof List
          || e instanceof double[] || e instanceof double[][]);
      String inner = indent + "  ";
      out.append("[");
      for (int i = 0; i < list.size(); i++) {
        out.append(i > 0 ? "," : "").append(nested ? "\n" + inner : "");
        write(list.get(i), out, inner);
      }
      out.append(nested && !list.isEmpty() ? "\n" + indent + "]" : "]");
    } else if (value instanceof double[] array) {
      List<Object> list = new ArrayList<>();
      for (double v : array) {
        list.add(v);
      }
      write(list, out, indent);
    } else if (value instanceof int[] array) {
      List<Object> list = new ArrayList<>();
      for (int v : array) {
        list.add(v);
      }
      write(list, out, indent);
    } else if (value instanceof double[][] matrix) {
      write(List.of((Object[]) matrix), out, indent);
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Double d) {
      out.append(Double.isFinite(d) ? d.toString() : "null");
    } else if (value == null || value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("Cannot write " + value.getClass() + " as JSON");
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Parses JSON text. */
  public static Object parse(String text) {
    Parser parser = new Parser(text);
    Object value = parser.value();
    parser.skipSpace();
    if (parser.at < text.length()) {
      throw parser.error("unexpected text after the value");
    }
    return value;
  }

  /** A parsed number, with null (a non-finite number when written) as NaN. */
  public static double number(Object value) {
    return value == null ? Double.NaN : ((Number) value).doubleValue();
  }

  public static double[] numbers(Object list) {
    return ((List<?>) list).stream().mapToDouble(Json::number).toArray();
  }

  public static int[] integers(Object list) {
    return ((List<?>) list).stream().mapToInt(v -> (int) number(v)).toArray();
  }

  public static double[][] matrix(Object list) {
    return ((List<?>) list).stream().map(Json::numbers).toArray(double[][]::new);
  }

  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("JSON: " + what + " at character " + at);
    }

    void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    Object value() {
      skipSpace();
      if (at >= text.length()) {
        throw error("unexpected end");
      }
      char c = text.charAt(at);
      if (c == '{') {
        return object();
      } else if (c == '[') {
        return array();
      } else if (c == '"') {
        return string();
      } else if (text.startsWith("true", at) || text.startsWith("false", at)
          || text.startsWith("null", at)) {
        String word = text.startsWith("true", at) ? "true"
            : text.startsWith("false", at) ? "false" : "null";
        at += word.length();
        return word.equals("null") ? null : Boolean.valueOf(word);
      }
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      if (start == at) {
        throw error("unexpected '" + c + "'");
      }
      return Double.valueOf(text.substring(start, at));
    }

    Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      at++;
      skipSpace();
      if (text.charAt(at) == '}') {
        at++;
        return map;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        map.put(key, value());
        skipSpace();
        if (text.charAt(at) == '}') {
          at++;
          return map;
        }
        expect(',');
      }
    }

    List<Object> array() {
      List<Object> list = new ArrayList<>();
      at++;
      skipSpace();
      if (text.charAt(at) == ']') {
        at++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        if (text.charAt(at) == ']') {
          at++;
          return list;
        }
        expect(',');
      }
    }

    String string() {
      expect('"');
      StringBuilder s = new StringBuilder();
      while (text.charAt(at) != '"') {
        char c = text.charAt(at++);
        if (c == '\\') {
          char e = text.charAt(at++);
          switch (e) {
            case 'n' -> s.append('\n');
            case 'r' -> s.append('\r');
            case 't' -> s.append('\t');
            case 'b' -> s.append('\b');
            case 'f' -> s.append('\f');
            case 'u' -> {
              s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
              at += 4;
            }
            default -> s.append(e);
          }
        } else {
          s.append(c);
        }
      }
      at++;
      return s.toString();
    }

    void expect(char c) {
      if (at >= text.length() || text.charAt(at) != c) {
        throw error("expected '" + c + "'");
      }
      at++;
    }
  }
}
