package io.clinsum.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the architecture as docs/design describes it. Each rule fails the build with
 * the offending classes named; fix the code, not the rule.
 */
class ArchitectureTest {

  /** Packages named {@code internal} are not API: only their own module may use them. */
  @Test
  void internalPackages_areUsedOnlyInsideTheirModule() {
    ArchRule rule =
        classes()
            .that()
            .resideInAPackage("io.clinsum..")
            .should(useInternalsOfTheirOwnModuleOnly())
            .because("`internal` packages are not API (STYLE.md 2)");
    rule.check(Modules.classes());
  }

  @Test
  void sdkCore_knowsNoBackendVendorOrContainer() {
    noClasses()
        .that()
        .resideInAPackage("io.clinsum.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.clinsum.sagemaker..",
            "io.clinsum.local..",
            "io.clinsum.grouping..",
            "io.clinsum.synthetic..",
            "io.clinsum.samples..",
            "io.clinsum.ee..",
            "software.amazon..",
            "ai.onnxruntime..",
            "ai.djl..",
            "org.tribuo..",
            "jakarta..")
        .because("sdk-core is the vocabulary every module shares and knows no backend (DESIGN.md)")
        .check(Modules.classes());
  }

  @Test
  void backends_dependOnSdkCoreOnly() {
    noClasses()
        .that()
        .resideInAPackage("io.clinsum.sagemaker..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.clinsum.local..", "io.clinsum.ee..", "io.clinsum.samples..")
        .check(Modules.classes());
    noClasses()
        .that()
        .resideInAPackage("io.clinsum.local..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.clinsum.sagemaker..", "io.clinsum.ee..", "io.clinsum.samples..")
        .check(Modules.classes());
  }

  @Test
  void eeApplication_seesPortsNotInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("io.clinsum.ee.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.clinsum.ee.infrastructure..", "io.clinsum.ee.interfaces..")
        .because("application services depend on port interfaces; adapters live in infrastructure")
        .check(Modules.classes());
  }

  @Test
  void eeDomain_dependsOnNoOuterLayer() {
    noClasses()
        .that()
        .resideInAPackage("io.clinsum.ee.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.clinsum.ee.application..",
            "io.clinsum.ee.infrastructure..",
            "io.clinsum.ee.interfaces..")
        .check(Modules.classes());
  }

  @Test
  void eeInterfaces_goThroughTheApplicationLayer() {
    noClasses()
        .that()
        .resideInAPackage("io.clinsum.ee.interfaces..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.clinsum.ee.infrastructure..")
        .check(Modules.classes());
  }

  @Test
  void modules_haveNoCycles() {
    slices().matching("io.clinsum.(*)..").should().beFreeOfCycles().check(Modules.classes());
  }

  /**
   * No cycles between the sub-packages of a module (io.clinsum.core.text, .spi, .dataset ...). A
   * module's root package is its façade (the user's types and the factory that finds backends) and
   * is the one place allowed to both use and be used by its sub-packages.
   */
  @Test
  void subPackages_haveNoCycles() {
    slices().matching("io.clinsum.(*).(*)..").should().beFreeOfCycles().check(Modules.classes());
  }

  private static ArchCondition<JavaClass> useInternalsOfTheirOwnModuleOnly() {
    return new ArchCondition<>("use `internal` packages of their own module only") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<Modules.Module> from = Modules.of(origin);
        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass();
          if (!target.getPackageName().startsWith("io.clinsum.")
              || !isInternal(target.getPackageName())) {
            continue;
          }
          Optional<Modules.Module> to = Modules.of(target);
          if (to.isPresent() && !to.equals(from)) {
            events.add(
                SimpleConditionEvent.violated(
                    d,
                    d.getDescription()
                        + ": "
                        + target.getName()
                        + " is internal to "
                        + to.get().folder()));
          }
        }
      }
    };
  }

  private static boolean isInternal(String pkg) {
    return pkg.endsWith(".internal") || pkg.contains(".internal.");
  }
}
