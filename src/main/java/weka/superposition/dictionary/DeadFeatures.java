package weka.superposition.dictionary;

import java.util.Arrays;

/**
 * Which features of a dictionary are dead: those that have not fired on any row for a set number of
 * training steps.
 */
final class DeadFeatures {

  private final int[] stepsSilent;
  private final int window;
  private final float[] mask;

  DeadFeatures(int features, int window) {
    this.stepsSilent = new int[features];
    this.window = window;
    this.mask = new float[features];
  }

  /** Counts one step, given the rows each feature fired on. */
  void record(float[] activeRows) {
    for (int k = 0; k < stepsSilent.length; k++) {
      stepsSilent[k] = activeRows[k] > 0 ? 0 : stepsSilent[k] + 1;
      mask[k] = stepsSilent[k] >= window ? 1f : 0f;
    }
  }

  /** 1 for each dead feature, else 0; the array is reused, read it before the next step. */
  float[] mask() {
    return mask;
  }

  int count() {
    int dead = 0;
    for (float m : mask) {
      dead += (int) m;
    }
    return dead;
  }

  int[] indices() {
    int[] dead = new int[count()];
    for (int k = 0, at = 0; k < mask.length; k++) {
      if (mask[k] > 0) {
        dead[at++] = k;
      }
    }
    return dead;
  }

  /** Resampled features start a new window. */
  void revive(int[] features) {
    for (int k : features) {
      stepsSilent[k] = 0;
      mask[k] = 0;
    }
  }

  @Override
  public String toString() {
    return "DeadFeatures" + Arrays.toString(indices());
  }
}
