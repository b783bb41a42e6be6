package weka.superposition.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import weka.superposition.experiments.DictionaryStudy;
import weka.superposition.testing.DictionaryFixtures;

class DictionaryStudyReportTest {

  @Test
  void oneSeedShowsItsFrontierAndIndicatesWithoutDeciding() throws Exception {
    StringBuilder md = new StringBuilder();
    DictionaryStudyReport.write(md, List.of(1), List.of(DictionaryFixtures.smallStudy(1)));
    String text = md.toString();
    assertTrue(text.contains("## What the hidden units hold: a sparse dictionary"), text);
    // three variants at two sparsities, each a table row with its purity gain last
    assertTrue(text.contains("| trained network | 2 |"), text);
    assertTrue(text.contains("| untrained network | 4 |"), text);
    assertTrue(text.contains("seed-1/png/dictionary-frontier.png"), text);
    assertTrue(
        text.contains("**Cannot be decided from these runs**: only 1 seed: it indicates"), text);
    assertTrue(text.contains("`examples/run-experiment.sh --seeds 3`"), text);
  }

  @Test
  void threeSeedsDecideAndShowTheSpread() throws Exception {
    List<DictionaryStudy.Study> studies =
        List.of(
            DictionaryFixtures.smallStudy(1),
            DictionaryFixtures.smallStudy(2),
            DictionaryFixtures.smallStudy(3));
    StringBuilder md = new StringBuilder();
    DictionaryStudyReport.write(md, List.of(1, 2, 3), studies);
    String text = md.toString();
    assertTrue(text.contains("### Seed 3"), text);
    assertTrue(text.contains("### At k = 2, over 3 seed(s)"), text);
    assertTrue(text.contains(" ± "), text);
    assertTrue(
        text.contains(
            "| purity: units | purity gain |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |"),
        text);
    assertTrue(
        text.contains("**Yes:") || text.contains("**No:") || text.contains("**Cannot be decided"),
        text);
    assertTrue(!text.contains("only 3 seeds"), "three seeds are enough: " + text);
  }
}
