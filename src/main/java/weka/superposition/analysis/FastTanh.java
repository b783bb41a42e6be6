package weka.superposition.analysis;

/**
 * tanh in float precision by the rational approximation that TensorFlow's CPU kernels use (Eigen's
 * {@code generic_fast_tanh_float}): odd polynomial over even polynomial on [-7.9, 7.9], exact to a
 * few float ulps. Unlike {@link Math#tanh} it is a few multiplications and one division, which the
 * JIT can vectorize: the analysis evaluates it tens of millions of times per epoch.
 */
final class FastTanh {

  private static final float CLAMP = 7.90531110763549805f;
  private static final float TINY = 0.0004f;
  private static final float A1 = 4.89352455891786e-03f;
  private static final float A3 = 6.37261928875436e-04f;
  private static final float A5 = 1.48572235717979e-05f;
  private static final float A7 = 5.12229709037114e-08f;
  private static final float A9 = -8.60467152213735e-11f;
  private static final float A11 = 2.00018790482477e-13f;
  private static final float A13 = -2.76076847742355e-16f;
  private static final float B0 = 4.89352518554385e-03f;
  private static final float B2 = 2.26843463243900e-03f;
  private static final float B4 = 1.18534705686654e-04f;
  private static final float B6 = 1.19825839466702e-06f;

  private FastTanh() {}

  static float tanh(float value) {
    if (Math.abs(value) < TINY) {
      return value;
    }
    return rational(value);
  }

  /**
   * The approximation without the small-value shortcut (relative error about 1e-7 below 0.0004):
   * branch-free, for loops the JIT should vectorize.
   */
  static float rational(float value) {
    // ternaries, not Math.min/max, whose NaN and -0 rules cost twice the time in this loop
    float x = value < CLAMP ? (value > -CLAMP ? value : -CLAMP) : CLAMP;
    float x2 = x * x;
    float p = x2 * A13 + A11;
    p = x2 * p + A9;
    p = x2 * p + A7;
    p = x2 * p + A5;
    p = x2 * p + A3;
    p = x2 * p + A1;
    p = x * p;
    float q = x2 * B6 + B4;
    q = x2 * q + B2;
    q = x2 * q + B0;
    return p / q;
  }
}
