package weka.superposition.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.OptionMetadata;
import weka.core.converters.IDXLoader;
import weka.datagenerators.classifiers.classification.PlantedFeatures;
import weka.datagenerators.classifiers.classification.SparseFeatures;
import weka.filters.unsupervised.attribute.SparseDictionary;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.filters.unsupervised.attribute.TFMlpActivations;

/**
 * Weka's property sheet shows a tip text only up to its first '.', and the About box the globalInfo
 * up to it: every help text of the package must read whole when cut there.
 */
class TipTextsTest {

  static Stream<Class<?>> publicClasses() {
    return Stream.of(
        TFMlpClassifier.class,
        TFMlpActivations.class,
        SuperpositionAutoencoder.class,
        SparseDictionary.class,
        IDXLoader.class,
        SparseFeatures.class,
        PlantedFeatures.class);
  }

  /** What Weka shows: the text up to (not including) the first '.'. */
  static String shown(String text) {
    int dot = text.indexOf('.');
    return dot < 0 ? text : text.substring(0, dot);
  }

  /**
   * Why Weka's cut at the first '.' would leave a broken sentence, or null when the first '.' ends
   * the first sentence (or there is none).
   */
  static String cutProblem(String text) {
    int dot = text.indexOf('.');
    if (dot < 0) {
      return null;
    }
    String shown = text.substring(0, dot);
    if (dot + 1 < text.length() && !Character.isWhitespace(text.charAt(dot + 1))) {
      return "a '.' inside a word or number";
    }
    if (shown.isEmpty() || Character.isWhitespace(shown.charAt(shown.length() - 1))) {
      return "a '.' after a space";
    }
    if (count(shown, '(') != count(shown, ')')
        || count(shown, '[') != count(shown, ']')
        || count(shown, '"') % 2 != 0) {
      return "an open bracket or quote";
    }
    if (shown.matches("(?s).*\\b(e|i|al|etc|vs|cf|approx|Fig|no)$")) {
      return "an abbreviation";
    }
    return null;
  }

  private static long count(String text, char c) {
    return text.chars().filter(x -> x == c).count();
  }

  /** Every help text of {@code type}: globalInfo, @OptionMetadata descriptions, *TipText. */
  static List<String[]> helpTexts(Class<?> type) throws Exception {
    Object instance = type.getDeclaredConstructor().newInstance();
    List<String[]> texts = new ArrayList<>();
    for (Method m : type.getMethods()) {
      OptionMetadata option = m.getAnnotation(OptionMetadata.class);
      if (option != null) {
        texts.add(new String[] {m.getName() + " (option)", option.description()});
      }
      if ((m.getName().endsWith("TipText") || m.getName().equals("globalInfo"))
          && m.getParameterCount() == 0
          && m.getReturnType() == String.class) {
        texts.add(new String[] {m.getName(), (String) m.invoke(instance)});
      }
    }
    return texts;
  }

  @ParameterizedTest
  @MethodSource("publicClasses")
  void everyHelpTextReadsWholeInWekasPropertySheet(Class<?> type) throws Exception {
    List<String> cut = new ArrayList<>();
    List<String[]> texts = helpTexts(type);
    for (String[] text : texts) {
      String problem = cutProblem(text[1]);
      if (problem != null) {
        cut.add(text[0] + ": " + problem + ", Weka shows \"" + shown(text[1]) + "\"");
      }
    }
    assertTrue(texts.stream().anyMatch(t -> t[0].equals("globalInfo")), type + " globalInfo");
    assertEquals(List.of(), cut, type.getSimpleName() + ": tooltips Weka would cut");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Adam's learning rate (default 0.001).",
        "codes = the code attributes z1..zm (default); both.",
        "The file (e.g. the test set) to monitor.",
        "toy = Elhage et al. 2022's model",
        "Replaces them by h1 . h2",
        "Feature i's importance is r^i (default r = 0.9, the paper's)."
      })
  void aCutSentenceIsFound(String text) {
    assertNotNull(cutProblem(text), text);
  }

  @Test
  void aWholeFirstSentenceIsAccepted() {
    assertEquals(null, cutProblem("Adam's learning rate (default 1e-3). More after it, 0.5."));
    assertEquals(null, cutProblem("No dot at all"));
  }
}
