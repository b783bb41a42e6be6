package weka.superposition.data;

import weka.core.Instance;
import weka.core.Instances;
import weka.core.WekaException;

/** Checks that data have the attributes a learner was set up with. */
public final class Headers {

  private Headers() {}

  /**
   * Throws, naming {@code learner} and the difference, unless {@code data} have the attributes of
   * {@code format} (the first batch's); no check before there is a format.
   */
  public static void requireSame(String learner, Instances format, Instances data)
      throws WekaException {
    if (format != null && !format.equalHeaders(data)) {
      throw new WekaException(
          learner
              + ": the data's attributes differ from those of the first "
              + "batch: "
              + format.equalHeadersMsg(data));
    }
  }

  /** As {@link #requireSame(String, Instances, Instances)} for a row's data set, if it has one. */
  public static void requireSame(String learner, Instances format, Instance instance)
      throws WekaException {
    if (instance.dataset() != null) {
      requireSame(learner, format, instance.dataset());
    }
  }
}
