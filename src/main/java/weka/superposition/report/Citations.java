package weka.superposition.report;

import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;

/** What the package's learners cite, as Weka's {@code TechnicalInformation}. */
public final class Citations {

  private Citations() {
  }

  /** Elhage et al. 2022, the paper whose analysis the package replicates and extends. */
  public static TechnicalInformation toyModelsOfSuperposition() {
    TechnicalInformation paper = new TechnicalInformation(Type.ARTICLE);
    paper.setValue(Field.AUTHOR, "Nelson Elhage and Tristan Hume and Catherine Olsson and "
        + "Nicholas Schiefer and Tom Henighan and Shauna Kravec and Zac Hatfield-Dodds and "
        + "Robert Lasenby and Dawn Drain and Carol Chen and Roger Grosse and Sam McCandlish and "
        + "Jared Kaplan and Dario Amodei and Martin Wattenberg and Christopher Olah");
    paper.setValue(Field.TITLE, "Toy Models of Superposition");
    paper.setValue(Field.JOURNAL, "Transformer Circuits Thread");
    paper.setValue(Field.YEAR, "2022");
    paper.setValue(Field.URL, "https://transformer-circuits.pub/2022/toy_model/index.html");
    return paper;
  }
}
