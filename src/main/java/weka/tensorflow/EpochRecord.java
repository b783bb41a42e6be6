package weka.tensorflow;

import java.io.Serializable;

/**
 * One epoch of training.
 *
 * @param epoch counted from 1
 * @param loss the mean of the epoch's mini-batch losses, each weighted by its rows
 * @param seconds wall-clock time of the epoch's training steps
 */
public record EpochRecord(int epoch, double loss, double seconds) implements Serializable {}
