package weka.superposition.packaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.classifiers.functions.TFMlpClassifier;
import weka.core.Check;
import weka.core.CheckGOE;
import weka.core.CheckOptionHandler;
import weka.core.ClassDiscovery;
import weka.core.OptionHandler;
import weka.core.TechnicalInformationHandler;
import weka.core.converters.IDXLoader;
import weka.datagenerators.DataGenerator;
import weka.datagenerators.classifiers.classification.FeatureGenerator;
import weka.datagenerators.classifiers.classification.PlantedFeatures;
import weka.datagenerators.classifiers.classification.SparseFeatures;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.FirstBatchFeatureFilter;
import weka.filters.unsupervised.attribute.SparseDictionary;
import weka.filters.unsupervised.attribute.SuperpositionAutoencoder;
import weka.filters.unsupervised.attribute.TFMlpActivations;

/** Weka's own option and object-editor checks on every public class of the package. */
class WekaCheckersTest {

  /** Each class with options a user might give it. */
  static Stream<Arguments> publicClasses() {
    return Stream.of(
        Arguments.of(new TFMlpClassifier(), new String[] {"-epochs", "2", "-resume"}),
        Arguments.of(new TFMlpActivations(), new String[] {"-model", "x.model"}),
        Arguments.of(new SuperpositionAutoencoder(), new String[] {"-epochs", "2"}),
        Arguments.of(
            new SparseDictionary(),
            new String[] {"-mode", "l1", "-lambda", "0.1", "-k", "8", "-no-resampling"}),
        Arguments.of(new IDXLoader(), new String[] {"-labels", "labels.idx1-ubyte"}),
        Arguments.of(new SparseFeatures(), new String[] {"-features", "7"}),
        Arguments.of(
            new PlantedFeatures(),
            new String[] {"-features", "50", "-active", "4", "-directions", "directions.csv"}));
  }

  /** {@code check}, set to report only through its results. */
  private static <T extends Check> T silent(T check) {
    check.setSilent(true);
    return check;
  }

  @ParameterizedTest
  @MethodSource("publicClasses")
  void passesCheckOptionHandler(OptionHandler handler, String[] userOptions) {
    CheckOptionHandler check = silent(new CheckOptionHandler());
    check.setOptionHandler(handler);
    check.setUserOptions(userOptions);

    assertTrue(check.checkListOptions(), "listOptions");
    assertTrue(check.checkSetOptions(), "setOptions");
    assertTrue(check.checkDefaultOptions(), "default options");
    assertTrue(check.checkRemainingOptions(), "remaining options");
    assertTrue(check.checkCanonicalUserOptions(), "canonical user options");
    assertTrue(check.checkResettingOptions(), "resetting options");
  }

  @ParameterizedTest
  @MethodSource("publicClasses")
  void passesCheckGoe(Object learner, String[] ignored) {
    CheckGOE check = silent(new CheckGOE());
    check.setObject(learner);

    assertTrue(check.checkGlobalInfo(), "globalInfo");
    assertTrue(check.checkToolTips(), "tool tips");
  }

  @ParameterizedTest
  @MethodSource("publicClasses")
  void citesItsSource(Object learner, String[] ignored) {
    String bibtex = ((TechnicalInformationHandler) learner).getTechnicalInformation().toBibTex();
    // the loader cites MNIST's paper, the planted features Sharkey et al.'s report, the
    // dictionary Bricken et al.'s, the rest Toy Models of Superposition
    String expected =
        learner instanceof IDXLoader
            ? "LeCun"
            : learner instanceof PlantedFeatures
                ? "Sharkey"
                : learner instanceof SparseDictionary ? "Bricken" : "Elhage";
    assertTrue(bibtex.contains(expected), bibtex);
  }

  @Test
  void classDiscoveryOffersTheFiltersAndGeneratorsButNotTheirAbstractBases() {
    // how the Explorer's choosers find a package's filters and data generators
    List<String> filters = ClassDiscovery.find(Filter.class, "weka.filters.unsupervised.attribute");
    assertTrue(filters.contains(SparseDictionary.class.getName()), filters.toString());
    assertTrue(filters.contains(SuperpositionAutoencoder.class.getName()), filters.toString());
    assertFalse(filters.contains(FirstBatchFeatureFilter.class.getName()), filters.toString());
    List<String> generators =
        ClassDiscovery.find(DataGenerator.class, "weka.datagenerators.classifiers.classification");
    assertTrue(generators.contains(SparseFeatures.class.getName()), generators.toString());
    assertTrue(generators.contains(PlantedFeatures.class.getName()), generators.toString());
    assertFalse(generators.contains(FeatureGenerator.class.getName()), generators.toString());
  }
}
