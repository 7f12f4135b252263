package io.github.personalcare.fhir.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The HAPI FHIR instance validator (for tests only), offline: FHIR R4 base plus every UK Core
 * StructureDefinition, ValueSet and CodeSystem of {@code shared/fhir/ukcore}, no terminology
 * server, unknown code systems (SNOMED CT, LOINC, the SDK's own) as warnings. The chain is the
 * one {@code shared/fhir/ukcore/README.md} describes. Building it takes seconds, so one instance
 * is shared by every test class ({@link #shared()}).
 */
public final class UkCoreValidator {
    /**
     * Where the shared FHIR material is: {@code -Dpersonalcare.shared=...}, else the first folder
     * named {@code shared} holding {@code fhir/ukcore} found beside the working directory or any
     * of its parents (CI clones the repository with {@code shared/} beside it), else {@code /work/shared}.
     */
    public static final Path SHARED = locateShared();

    private static Path locateShared() {
        String configured = System.getProperty("personalcare.shared");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("fhir").resolve("ukcore"))) {
                return candidate;
            }
        }
        // The project's workspace keeps it at /work/shared; a clone elsewhere on that machine still finds it.
        Path workspace = Path.of("/work/shared");
        if (Files.isDirectory(workspace.resolve("fhir").resolve("ukcore"))) {
            return workspace;
        }
        throw new IllegalStateException("the shared FHIR folder (shared/fhir/ukcore) was not found beside the "
                + "repository nor at /work/shared; set -Dpersonalcare.shared=PATH");
    }

    private static final class Holder {
        static final UkCoreValidator INSTANCE = new UkCoreValidator();
    }

    private final FhirContext context = FhirContext.forR4Cached();
    private final FhirValidator validator;

    // UnknownCodeSystemWarningValidationSupport is deprecated in HAPI 8.8 but is still the way the
    // shared README's validated chain turns unknown code systems (SNOMED CT offline) into warnings.
    @SuppressWarnings("deprecation")
    private UkCoreValidator() {
        PrePopulatedValidationSupport ukCore = new PrePopulatedValidationSupport(context);
        for (String folder : List.of("structuredefinitions", "valuesets", "codesystems")) {
            try (Stream<Path> files = Files.list(SHARED.resolve("fhir/ukcore").resolve(folder))) {
                files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> ukCore.addResource(parse(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems =
                new UnknownCodeSystemWarningValidationSupport(context);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                ukCore,
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context),
                unknownCodeSystems);
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        validator = context.newValidator().registerValidatorModule(module);
    }

    /** The one validator of the test run. */
    public static UkCoreValidator shared() {
        return Holder.INSTANCE;
    }

    private IBaseResource parse(Path file) {
        try {
            return context.newJsonParser().parseResource(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates a resource (against the profiles its meta.profile claims) and returns the errors and fatals. */
    public List<String> errors(String json) {
        ValidationResult result;
        synchronized (this) {
            result = validator.validateWithResult(json);
        }
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(UkCoreValidator::describe)
                .toList();
    }

    /** Every message, for diagnosis. */
    List<String> messages(String json) {
        synchronized (this) {
            return validator.validateWithResult(json).getMessages().stream().map(UkCoreValidator::describe).toList();
        }
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
