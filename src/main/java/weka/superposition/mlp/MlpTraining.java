package weka.superposition.mlp;

import java.io.Serializable;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import weka.core.Instances;
import weka.superposition.data.ClassTargets;
import weka.superposition.data.InputEncoder;
import weka.superposition.data.Rows;
import weka.superposition.data.Seeds;
import weka.tensorflow.AdamTrainer;
import weka.tensorflow.EpochRecord;
import weka.tensorflow.MlpNetwork;
import weka.tensorflow.TrainingData;

/**
 * A model's training, in rounds of epochs: what every epoch gave (its loss, time and monitor
 * accuracy), kept with the model; and, while training goes on, the Adam trainer with the training
 * rows, the shuffling's random stream and the monitor data, none of which is saved.
 */
public final class MlpTraining implements Serializable {

  private static final long serialVersionUID = -3061622460927306718L;

  private final List<EpochRecord> history = new ArrayList<>();

  /** Accuracy on the monitor data after each epoch; empty without them. */
  private final List<Double> monitorAccuracy = new ArrayList<>();

  private transient AdamTrainer trainer;
  private transient Cleaner.Cleanable trainerCleanup;
  private transient Random random;
  private transient MonitorData monitor;
  private transient int epochsThisRound;

  /**
   * Starts training {@code model}'s network from its initial parameters on {@code train} (rows with
   * a class), shuffled by {@code random}, which drew those parameters.
   *
   * @param monitor measured after every epoch; null for none
   */
  public void start(MlpModel model, Instances train, Random random, MonitorData monitor) {
    release();
    this.random = random;
    this.monitor = monitor;
    epochsThisRound = 0;
    trainer = newTrainer(model, train);
  }

  /**
   * Goes on training a model that was read from a file: it kept its weights but not TensorFlow's
   * training state, so Adam's moment estimates start afresh, and the shuffling takes a stream of
   * its own for the epochs trained so far.
   */
  public void resume(MlpModel model, Instances train, MonitorData monitor) {
    release();
    this.monitor = monitor;
    random = new Random(Seeds.resumedTraining(model.settings().seed(), history.size()));
    epochsThisRound = 0;
    trainer = newTrainer(model, train);
  }

  /** Whether a trainer is ready for more epochs. */
  public boolean isActive() {
    return trainer != null;
  }

  /** Counts the epochs of a new round from 0. */
  public void newRound() {
    epochsThisRound = 0;
  }

  /**
   * Trains one epoch and gives {@code model} its new parameters, or does nothing and returns null
   * once {@code epochs} epochs of this round are done (or nothing is being trained).
   *
   * @param threads for the inference session that measures the monitor accuracy
   * @throws InterruptedException if the thread is interrupted (the Explorer's Stop button)
   * @throws IllegalStateException if the loss becomes NaN or infinite
   */
  public EpochRecord epoch(MlpModel model, int epochs, int threads) throws InterruptedException {
    if (trainer == null || epochsThisRound >= epochs) {
      return null;
    }
    long start = System.nanoTime();
    double loss = trainer.epoch(model.settings().miniBatchSize(), random);
    EpochRecord record =
        new EpochRecord(history.size() + 1, loss, (System.nanoTime() - start) / 1e9);
    model.update(trainer.parameters());
    history.add(record);
    epochsThisRound++;
    if (monitor != null) {
      monitorAccuracy.add(monitor.accuracy(model.runner(threads)));
    }
    return record;
  }

  /** The epochs trained in this round so far. */
  public int epochsThisRound() {
    return epochsThisRound;
  }

  /** The per-epoch mean training loss and time. */
  public List<EpochRecord> history() {
    return List.copyOf(history);
  }

  /** The accuracy on the monitor data after each epoch; empty without them. */
  public List<Double> monitorAccuracy() {
    return List.copyOf(monitorAccuracy);
  }

  /** Closes the trainer and lets go of the training rows; the history stays. */
  public synchronized void release() {
    if (trainerCleanup != null) {
      trainerCleanup.clean();
    }
    trainer = null;
    trainerCleanup = null;
    monitor = null;
    random = null;
  }

  private AdamTrainer newTrainer(MlpModel model, Instances train) {
    AdamTrainer created =
        new AdamTrainer(
            new MlpNetwork(),
            model.parameters(),
            trainingData(model.encoder(), train),
            (float) model.settings().learningRate(),
            0,
            model.settings().threads());
    trainerCleanup = MlpModel.CLEANER.register(this, created::close);
    return created;
  }

  /**
   * The rows to train on. Inputs that are integers from 0 to 255 (MNIST's pixels) are kept as byte
   * codes with the table of their floats, and each mini-batch is decoded as it is fed: 47 MB for
   * MNIST's training set, where floats took 188 MB on the heap and 188 MB more in TensorFlow; the
   * very same floats reach the network. Codes are tried where they save memory: a code and its
   * table take less than a float from 342 rows on.
   */
  private static TrainingData trainingData(InputEncoder encoder, Instances train) {
    int rows = train.numInstances();
    boolean saves = (long) rows * (Float.BYTES - 1) > (long) Float.BYTES * TrainingData.CODES;
    byte[] codes = saves ? encoder.encodeCodes(train, 0, rows) : null;
    if (codes == null) {
      return new TrainingData(
          encoder.encode(train, 0, rows),
          encoder.numColumns(),
          ClassTargets.oneHot(train),
          train.numClasses(),
          Rows.weights(train));
    }
    return TrainingData.coded(
        new TrainingData.CodedInputs(codes, encoder.codeValues()),
        encoder.numColumns(),
        ClassTargets.oneHot(train),
        train.numClasses(),
        Rows.weights(train));
  }
}
