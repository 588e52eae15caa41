package io.salesforcetarget;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The packages depend only downward (docs/architecture.md draws them), and the simulator stands alone. */
class PackageLayoutTest {

    private static final JavaClasses TARGET = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.salesforcetarget");

    @Test
    void noPackageCycles() {
        slices().matching("io.salesforcetarget.(*)..").should().beFreeOfCycles().check(TARGET);
    }

    @Test
    void nothingDependsOnTheApplicationAtTheTop() {
        noClasses().that().resideOutsideOfPackage("io.salesforcetarget")
                .should().dependOnClassesThat().resideInAPackage("io.salesforcetarget")
                .check(TARGET);
    }

    @Test
    void theSimulatorImportsNothingOfTheTarget() {
        noClasses().that().resideInAPackage("io.salesforcetarget.simulator..")
                .should().dependOnClassesThat(resideInAPackage("io.salesforcetarget..")
                        .and(not(resideInAPackage("io.salesforcetarget.simulator.."))))
                .check(TARGET);
    }
}
