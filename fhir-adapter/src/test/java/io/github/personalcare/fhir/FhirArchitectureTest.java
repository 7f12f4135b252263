package io.github.personalcare.fhir;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The FHIR module's packages form no cycle: the REST transport ({@code fhir.rest}) sits on the
 * mappers ({@code fhir}), never the other way round, and neither reaches into the JDBC adapter or
 * the core's storage.
 */
class FhirArchitectureTest {
    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.personalcare.fhir");

    @Test
    void thePackagesOfTheModuleFormNoCycle() {
        slices().matching("io.github.personalcare.fhir.(**)").should().beFreeOfCycles()
                .allowEmptyShould(true).check(MODULE);
        noClasses().that().resideInAPackage("io.github.personalcare.fhir")
                .should().dependOnClassesThat().resideInAPackage("io.github.personalcare.fhir.rest")
                .check(MODULE);
    }

    @Test
    void theMappersNeverReachStorageOrTheJdbcAdapter() {
        noClasses().that().resideInAPackage("io.github.personalcare.fhir..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.personalcare.jdbc..",
                        "io.github.personalcare.store..", "io.github.personalcare.internal")
                .check(MODULE);
    }
}
