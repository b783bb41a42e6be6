package weka.superposition.describe;

import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;

/** What the package's learners cite, as Weka's {@code TechnicalInformation}. */
public final class Citations {

  private Citations() {}

  /** Elhage et al. 2022, the paper whose analysis the package replicates and extends. */
  public static TechnicalInformation toyModelsOfSuperposition() {
    TechnicalInformation paper =
        article(
            null,
            "Nelson Elhage and Tristan Hume and Catherine Olsson and "
                + "Nicholas Schiefer and Tom Henighan and Shauna Kravec and Zac Hatfield-Dodds and "
                + "Robert Lasenby and Dawn Drain and Carol Chen and Roger Grosse and Sam McCandlish "
                + "and Jared Kaplan and Dario Amodei and Martin Wattenberg and Christopher Olah",
            "Toy Models of Superposition",
            "Transformer Circuits Thread",
            "2022");
    paper.setValue(Field.URL, "https://transformer-circuits.pub/2022/toy_model/index.html");
    return paper;
  }

  /**
   * Sharkey, Braun and Millidge 2022, whose toy data (known sparse directions) tests whether a
   * sparse autoencoder finds features held in superposition.
   */
  public static TechnicalInformation sparseAutoencoders() {
    TechnicalInformation post = new TechnicalInformation(Type.MISC);
    post.setValue(Field.AUTHOR, "Lee Sharkey and Dan Braun and Beren Millidge");
    post.setValue(
        Field.TITLE,
        "[Interim research report] Taking features out of superposition with sparse autoencoders");
    post.setValue(Field.HOWPUBLISHED, "AI Alignment Forum");
    post.setValue(Field.YEAR, "2022");
    post.setValue(
        Field.URL,
        "https://www.alignmentforum.org/posts/z6QQJbtpkEAX3Aojj/"
            + "interim-research-report-taking-features-out-of-superposition");
    return post;
  }

  /**
   * Bricken et al. 2023, the sparse dictionary (its unit-norm decoder, resampling of dead features,
   * geometric-median start) that {@code SparseDictionary} follows, with Gao et al. 2024's top-k
   * mode as an addition.
   */
  public static TechnicalInformation towardsMonosemanticity() {
    TechnicalInformation paper =
        article(
            null,
            "Trenton Bricken and Adly Templeton and Joshua Batson and Brian Chen and Adam Jermyn and"
                + " Tom Conerly and Nick Turner and Cem Anil and Carson Denison and Amanda Askell"
                + " and others and Chris Olah",
            "Towards Monosemanticity: Decomposing Language Models With Dictionary Learning",
            "Transformer Circuits Thread",
            "2023");
    paper.setValue(
        Field.URL, "https://transformer-circuits.pub/2023/monosemantic-features/index.html");
    article(
        paper,
        "Leo Gao and Tom Dupre la Tour and Henk Tillman and Gabriel Goh and Rajan Troll and Alec"
            + " Radford and Ilya Sutskever and Jan Leike and Jeffrey Wu",
        "Scaling and evaluating sparse autoencoders",
        "arXiv:2406.04093",
        "2024");
    return paper;
  }

  /** LeCun et al. 1998, where MNIST comes from. */
  public static TechnicalInformation mnist() {
    TechnicalInformation paper =
        article(
            null,
            "Yann LeCun and L{\\'e}on Bottou and Yoshua Bengio and Patrick Haffner",
            "Gradient-based learning applied to document recognition",
            "Proceedings of the IEEE",
            "1998");
    paper.setValue(Field.VOLUME, "86");
    paper.setValue(Field.NUMBER, "11");
    paper.setValue(Field.PAGES, "2278-2324");
    return paper;
  }

  /** A journal article, on its own ({@code citedWith} null) or added to {@code citedWith}. */
  private static TechnicalInformation article(
      TechnicalInformation citedWith, String authors, String title, String journal, String year) {
    TechnicalInformation article =
        citedWith == null ? new TechnicalInformation(Type.ARTICLE) : citedWith.add(Type.ARTICLE);
    article.setValue(Field.AUTHOR, authors);
    article.setValue(Field.TITLE, title);
    article.setValue(Field.JOURNAL, journal);
    article.setValue(Field.YEAR, year);
    return article;
  }
}
