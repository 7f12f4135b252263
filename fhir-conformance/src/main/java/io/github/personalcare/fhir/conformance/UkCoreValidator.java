package io.github.personalcare.fhir.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * The HAPI FHIR instance validator (for tests only), offline: FHIR R4 base plus every UK Core
 * StructureDefinition, ValueSet and CodeSystem shipped in this module's resources (folder
 * {@code io/github/personalcare/fhir/conformance/ukcore}, source and licence in the module's
 * {@code NOTICE}), plus the SDK's own CodeSystems, ValueSets, extension StructureDefinitions and
 * feedback Questionnaire when the fhir-adapter artifact is on the classpath ({@code META-INF/personalcare/fhir/sdk-conformance.json}),
 * no terminology server, unknown code systems (SNOMED CT, LOINC) as warnings. Building it takes seconds, so one instance is shared by every test class
 * ({@link #shared()}); {@link #withConformance} adds a supplier's complete code lists.
 */
public final class UkCoreValidator {
    /** The UK Core conformance resources, on the classpath beside this class. */
    private static final String UK_CORE = "ukcore";
    /**
     * The SDK's own CodeSystems, ValueSets and extension StructureDefinitions, a collection Bundle
     * published in the fhir-adapter artifact (outside any package, so readable across modules).
     * Loaded when that artifact is on the classpath.
     */
    static final String SDK_CONFORMANCE = "META-INF/personalcare/fhir/sdk-conformance.json";

    private static final class Holder {
        static final UkCoreValidator INSTANCE = new UkCoreValidator(List.of());
    }

    // One validator per extra conformance Bundle (a supplier's code lists), built on first use.
    private static final Map<String, UkCoreValidator> WITH_CONFORMANCE = new HashMap<>();

    private final FhirContext context = FhirContext.forR4Cached();
    private final FhirInstanceValidator module;
    private final FhirValidator validator;

    // UnknownCodeSystemWarningValidationSupport is deprecated in HAPI 8.8 but is still how this
    // chain turns unknown code systems (SNOMED CT offline) into warnings.
    @SuppressWarnings("deprecation")
    private UkCoreValidator(List<IBaseResource> extra) {
        // Ahead of everything else in the chain, so a supplier's complete CodeSystem is found before
        // the SDK's fragment of the same URL.
        PrePopulatedValidationSupport supplier = new PrePopulatedValidationSupport(context);
        extra.forEach(supplier::addResource);
        PrePopulatedValidationSupport ukCore = new PrePopulatedValidationSupport(context);
        for (String folder : List.of("structuredefinitions", "valuesets", "codesystems")) {
            forEachResource(UK_CORE + "/" + folder, f -> ukCore.addResource(parse(f)));
        }
        List<IBaseResource> sdk = sdkConformance();
        sdk.forEach(ukCore::addResource);
        // PrePopulatedValidationSupport keeps only StructureDefinitions, CodeSystems, ValueSets and
        // SearchParameters and silently drops a Questionnaire: the SDK's are served on their own.
        Questionnaires questionnaires = new Questionnaires(context, sdk);
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems =
                new UnknownCodeSystemWarningValidationSupport(context);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(
                supplier,
                new DefaultProfileValidationSupport(context),
                ukCore,
                questionnaires,
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context),
                unknownCodeSystems);
        module = new FhirInstanceValidator(chain);
        validator = context.newValidator().registerValidatorModule(module);
    }

    /**
     * {@return the one validator of the test run} It loads the FHIR R4 base and the UK Core
     * profiles once, on first use.
     */
    public static UkCoreValidator shared() {
        return Holder.INSTANCE;
    }

    /**
     * A validator that also holds the conformance resources of {@code bundleJson} (a collection
     * Bundle of CodeSystems, ValueSets and StructureDefinitions), consulted before anything else:
     * typically {@code SdkConformance.bundle(supplierCodes)}, whose complete CodeSystems for the
     * supplier's own lists (specialties, reasons, spend categories) replace the SDK's fragments, so
     * every code a supplier listed resolves and any other is reported. One validator is built per
     * distinct Bundle, on first use (it takes seconds), and shared afterwards.
     *
     * @param bundleJson the conformance Bundle as JSON text
     * @return the validator
     * @throws ca.uhn.fhir.parser.DataFormatException if the text is not a FHIR Bundle
     */
    public static synchronized UkCoreValidator withConformance(String bundleJson) {
        UkCoreValidator found = WITH_CONFORMANCE.get(bundleJson);
        if (found == null) {
            Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, bundleJson);
            found = new UkCoreValidator(bundle.getEntry().stream().map(e -> (IBaseResource) e.getResource()).toList());
            WITH_CONFORMANCE.put(bundleJson, found);
        }
        return found;
    }

    /**
     * {@return the instance validator over the same chain (R4 base, UK Core, offline terminology)}
     * For a HAPI server's request validation in tests; built once, with {@link #shared()}.
     */
    public IValidatorModule module() {
        return module;
    }

    private List<IBaseResource> sdkConformance() {
        URL url = UkCoreValidator.class.getClassLoader().getResource(SDK_CONFORMANCE);
        if (url == null) {
            return List.of();
        }
        try (InputStream in = url.openStream()) {
            Bundle bundle = context.newJsonParser().parseResource(Bundle.class,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return bundle.getEntry().stream().map(e -> (IBaseResource) e.getResource()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the SDK's published Questionnaires by canonical URL (a {@code |version} suffix ignored). */
    private static final class Questionnaires implements IValidationSupport {
        private final FhirContext context;
        private final Map<String, Questionnaire> byUrl;

        Questionnaires(FhirContext context, List<IBaseResource> resources) {
            this.context = context;
            this.byUrl = resources.stream().filter(Questionnaire.class::isInstance).map(Questionnaire.class::cast)
                    .collect(Collectors.toUnmodifiableMap(Questionnaire::getUrl, q -> q));
        }

        @Override
        public FhirContext getFhirContext() {
            return context;
        }

        @Override
        public String getName() {
            return "Personal Care SDK questionnaires";
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
            if (uri == null) {
                return null;
            }
            int bar = uri.indexOf('|');
            Questionnaire q = byUrl.get(bar < 0 ? uri : uri.substring(0, bar));
            if (q == null || (type != null && !type.isInstance(q))) {
                return null;
            }
            @SuppressWarnings("unchecked")
            T found = type == null ? (T) q : type.cast(q);
            return found;
        }
    }

    private IBaseResource parse(Path file) {
        try {
            return context.newJsonParser().parseResource(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The folder is a directory under target/classes in the reactor and a folder inside the jar
    // for users of the published artifact: both are walked as a java.nio file system, in name order.
    private static void forEachResource(String folder, Consumer<Path> action) {
        URL url = UkCoreValidator.class.getResource(folder);
        if (url == null) {
            throw new IllegalStateException("UK Core resources missing from the classpath: " + folder);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    list(jar.provider().getPath(uri), action);
                }
            } else {
                list(Path.of(uri), action);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("UK Core resources at an unreadable location: " + folder, e);
        }
    }

    private static void list(Path folder, Consumer<Path> action) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(action);
        }
    }

    /**
     * Validates a resource (against the profiles its meta.profile claims) and returns the errors and fatals.
     *
     * @param json a FHIR R4 resource or Bundle as JSON text
     * @return the error and fatal messages, each with its location; empty when the resource is
     *         valid
     */
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

    /**
     * The warnings an SDK export is allowed, each by the start of its message; any other warning
     * is a defect. Only what cannot be fixed in the export is here: NHS England code systems
     * (e-RS priority and referral state, {@code message-category-servicerequest}) are not in the UK
     * Core package this validator holds, a limit of the package. (The consent's base policy is
     * written as the SDK's policy URI in {@code policy}, no longer as v3 OPTIN/OPTOUT in
     * {@code policyRule}; the supplier's own code lists validate with no warning when the
     * validator holds them complete, {@link #withConformance}.)
     */
    public static final List<String> ACCEPTED_WARNINGS = List.of(
            "CodeSystem is unknown and can't be validated: https://fhir.nhs.uk/");

    /**
     * Validates a resource and returns its warnings other than the {@link #ACCEPTED_WARNINGS}.
     *
     * @param json a FHIR R4 resource or Bundle as JSON text
     * @return the unexpected warning messages, each with its location; empty when there are none
     */
    public List<String> unexpectedWarnings(String json) {
        return warnings(json).stream()
                .filter(w -> ACCEPTED_WARNINGS.stream().noneMatch(a -> w.substring(w.indexOf(": ") + 2).startsWith(a)))
                .toList();
    }

    /**
     * Validates a resource and returns its warnings.
     *
     * @param json a FHIR R4 resource or Bundle as JSON text
     * @return the warning messages, each with its location; empty when there are none
     */
    public List<String> warnings(String json) {
        return messages(json).stream().filter(m -> m.startsWith(ResultSeverityEnum.WARNING + " ")).toList();
    }

    /**
     * Validates a resource and returns every message, information included, for diagnosis.
     *
     * @param json a FHIR R4 resource or Bundle as JSON text
     * @return each message as its severity, location and text
     */
    public List<String> messages(String json) {
        synchronized (this) {
            return validator.validateWithResult(json).getMessages().stream().map(UkCoreValidator::describe).toList();
        }
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
