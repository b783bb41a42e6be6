package weka.superposition.data;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.WekaException;

/**
 * Checks the values of options that name one of a set (Weka's tags) before Weka reads them: Weka's
 * option parsing keeps the old value, silently, when a name is not one of the set, so that a typo
 * would train another model than the one asked for.
 */
public final class TagOptions {

  private TagOptions() {}

  /**
   * As {@link #requireKnown(String, String[], String, Tag[])} for every option of {@code bean} that
   * names a tag (an {@link OptionMetadata} getter of a {@link SelectedTag}), in display order.
   */
  public static void requireKnown(String learner, Object bean, String[] options)
      throws WekaException {
    List<Method> getters =
        Arrays.stream(bean.getClass().getMethods())
            .filter(m -> m.isAnnotationPresent(OptionMetadata.class))
            .filter(m -> m.getReturnType() == SelectedTag.class && m.getParameterCount() == 0)
            .sorted(
                Comparator.comparingInt(m -> m.getAnnotation(OptionMetadata.class).displayOrder()))
            .toList();
    for (Method getter : getters) {
      Tag[] tags;
      try {
        tags = ((SelectedTag) getter.invoke(bean)).getTags();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(getter + " cannot be read", e);
      }
      String flag = getter.getAnnotation(OptionMetadata.class).commandLineParamName();
      requireKnown(learner, options, flag, tags);
    }
  }

  /**
   * Throws, naming {@code learner}, the option and its allowed values, when {@code options} give
   * {@code -flag} a value that is not one of {@code tags}; leaves {@code options} as they are.
   */
  public static void requireKnown(String learner, String[] options, String flag, Tag[] tags)
      throws WekaException {
    for (int i = 0; i + 1 < options.length; i++) {
      if (options[i].equals("-" + flag)) {
        String value = options[i + 1];
        boolean known = Arrays.stream(tags).anyMatch(t -> t.getReadable().equals(value));
        if (!known) {
          throw new WekaException(
              learner
                  + ": -"
                  + flag
                  + " "
                  + value
                  + " is not one of "
                  + String.join(", ", Arrays.stream(tags).map(Tag::getReadable).toList()));
        }
      }
    }
  }
}
