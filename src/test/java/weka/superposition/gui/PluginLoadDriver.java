package weka.superposition.gui;

import static weka.superposition.gui.DriverSupport.check;

import java.nio.file.Path;
import java.util.List;
import weka.core.PluginManager;
import weka.core.Version;
import weka.core.WekaPackageClassLoaderManager;
import weka.gui.explorer.ClassifierPanelLaunchHandlerPlugin;
import weka.gui.explorer.Explorer.ExplorerPanel;
import weka.gui.explorer.ExplorerDefaults;
import weka.gui.knowledgeflow.TemplateManager;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.StepManagerImpl;
import weka.knowledgeflow.steps.Step;
import weka.superposition.testing.InstalledWeka;

/**
 * Runs headless in a child JVM that has only Weka on its class path and the package installed in
 * WEKA_HOME: loads the packages as the Explorer and the KnowledgeFlow do, then checks that the
 * package's GUI plugins are registered, load through Weka's package class loader and instantiate
 * (the Classify tab's launcher, the Explorer tab, the KnowledgeFlow step and template). Prints
 * Weka's version, "OK ..." per check and exits 0, or prints the failure and exits 1. Refers to the
 * package's classes by name only.
 *
 * <p>Usage: {@code PluginLoadDriver <package name>}
 */
public final class PluginLoadDriver {

  public static final String LAUNCHER = "weka.gui.explorer.SuperpositionLauncher";
  public static final String PANEL = "weka.gui.explorer.SuperpositionPanel";
  public static final String STEP = "weka.knowledgeflow.steps.SuperpositionAnalysis";

  private PluginLoadDriver() {}

  /** The driver's class path: its classes alone, copied into {@code folder}. */
  public static String classPath(Path folder) throws Exception {
    return InstalledWeka.driverClassPath(folder, PluginLoadDriver.class, DriverSupport.class)
        .toString();
  }

  public static void main(String[] args) {
    DriverSupport.runMain(() -> run(args[0]));
  }

  private static void run(String packageName) throws Exception {
    System.out.println("Weka " + Version.VERSION);
    DriverSupport.checkPackageLoaded(packageName);

    for (String name : List.of(LAUNCHER, PANEL, STEP)) {
      Class<?> type = WekaPackageClassLoaderManager.forName(name);
      check(
          type.getClassLoader() != ClassLoader.getSystemClassLoader()
              && WekaPackageClassLoaderManager.getWekaPackageClassLoaderManager()
                      .getPackageClassLoader(packageName)
                  == type.getClassLoader(),
          name + " loaded by the package's class loader");
      type.getDeclaredConstructor().newInstance();
      System.out.println("OK " + name + " instantiated");
    }

    String launcherType = ClassifierPanelLaunchHandlerPlugin.class.getName();
    check(
        PluginManager.getPluginNamesOfTypeList(launcherType).contains(LAUNCHER),
        "Classify-tab plugin registered");
    var launcher =
        (ClassifierPanelLaunchHandlerPlugin)
            PluginManager.getPluginInstance(launcherType, LAUNCHER);
    check(
        "Superposition...".equals(launcher.getLaunchCommand()),
        "Classify-tab button \"" + launcher.getLaunchCommand() + "\"");

    check(ExplorerDefaults.get("Tabs", "").contains(PANEL), "Superposition tab in Explorer's Tabs");
    var panel = (ExplorerPanel) WekaPackageClassLoaderManager.objectForName(PANEL);
    check("Superposition".equals(panel.getTabTitle()), "tab titled " + panel.getTabTitle());

    check(
        PluginManager.getPluginNamesOfTypeList(Step.class.getName()).contains(STEP),
        "SuperpositionAnalysis registered as a KnowledgeFlow step");
    TemplateManager templates = new TemplateManager();
    String template =
        templates.getPluginTemplateDescriptions().stream()
            .filter(t -> t.startsWith("Superposition"))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no package template in " + templates.getPluginTemplateDescriptions()));
    Flow flow = templates.getTemplateFlow(template);
    check(
        flow.getSteps().stream()
            .map(StepManagerImpl::getManagedStep)
            .anyMatch(s -> s.getClass().getName().equals(STEP)),
        "template \"" + template + "\" loads with its SuperpositionAnalysis step");
  }
}
