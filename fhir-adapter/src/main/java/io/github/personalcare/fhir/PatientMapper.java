package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@link Patient} as a UK Core Patient (R51).
 *
 * <ul>
 *   <li>One NHS number identifier, system {@code https://fhir.nhs.uk/Id/nhs-number}, with the UK
 *       Core verification-status extension (R2, R3): the England code system's 01–08, or the
 *       Wales code system's {@code nn} ({@link PatientCodes#VERIFICATION}). On input the legacy
 *       {@code http://fhir.nhs.net/Id/nhs-number} is accepted, and so are the Wales codes 01–08 (read
 *       as the England ones); a second NHS number, a wrong check digit (R1) or a verification code
 *       its system does not have (R3) is a problem.</li>
 *   <li>Name (official), birthDate, deceasedDateTime (a date), generalPractitioner as a reference
 *       to the Organization of the registered practice's ODS code (R5).</li>
 *   <li>SENSITIVE (S-flagged) patients: {@code meta.security} {@code R} (restricted), and no
 *       address, telecom or registered practice is ever written (R49). The SDK keeps no address
 *       or telecom for anyone; on input they are reported as ignored.</li>
 *   <li>The other flags as SDK extensions ({@link FhirSystems#SDK_PATIENT_FLAG_EXTENSION}).</li>
 * </ul>
 *
 * <p>The resource id is the SDK's {@link PatientId}; a document whose id is not a UUID is not
 * imported (register foreign patients through {@code PatientService}, which assigns the id).
 */
public final class PatientMapper implements FhirMapper<Patient> {
    private static final Set<String> NHS_SYSTEMS = Set.of(FhirSystems.NHS_NUMBER, FhirSystems.NHS_NUMBER_LEGACY);
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "extension", "identifier", "name",
            "birthDate", "deceasedDateTime", "deceasedBoolean", "generalPractitioner");
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2})?");

    /** A mapper; stateless and thread-safe. */
    public PatientMapper() {
    }

    @Override
    public String resourceType() {
        return "Patient";
    }

    @Override
    public String profile() {
        return FhirSystems.UKCORE_PATIENT;
    }

    @Override
    public ObjectNode toFhir(Patient p) {
        boolean sensitive = p.has(PatientFlag.SENSITIVE);
        ObjectNode r = Elements.resource("Patient", p.id().value().toString(), profile());
        if (sensitive) {
            ((ObjectNode) r.get("meta")).putArray("security").add(Elements.coding(FhirSystems.V3_CONFIDENTIALITY,
                    PatientCodes.CONFIDENTIALITY.code(PatientFlag.SENSITIVE),
                    PatientCodes.CONFIDENTIALITY_DISPLAY.code(PatientFlag.SENSITIVE)));
        }
        ArrayNode extensions = Elements.array();
        for (PatientFlag flag : PatientFlag.values()) {
            if (flag != PatientFlag.SENSITIVE && p.has(flag)) {
                extensions.add(SdkExtensions.of(FhirSystems.SDK_PATIENT_FLAG_EXTENSION, "Coding",
                        Elements.coding(FhirSystems.SDK_PATIENT_FLAG, flag.name())));
            }
        }
        if (!extensions.isEmpty()) {
            r.set("extension", extensions);
        }
        ObjectNode nhs = Elements.object();
        nhs.putArray("extension").add(SdkExtensions.of(FhirSystems.NHS_NUMBER_VERIFICATION_EXTENSION,
                "CodeableConcept", Elements.concept(Elements.coding(PatientCodes.verificationSystem(p.verification()),
                        PatientCodes.VERIFICATION.code(p.verification()),
                        PatientCodes.VERIFICATION_DISPLAY.code(p.verification())))));
        nhs.put("system", FhirSystems.NHS_NUMBER);
        nhs.put("value", p.nhsNumber().value());
        r.putArray("identifier").add(nhs);
        ObjectNode name = r.putArray("name").addObject();
        name.put("use", "official");
        name.put("family", p.name().family());
        name.putArray("given").add(p.name().given());
        r.put("birthDate", p.dateOfBirth().toString());
        p.dateOfDeath().ifPresent(d -> r.put("deceasedDateTime", d.toString()));
        // R49: the registered practice locates an S-flagged patient; never exported for them.
        if (!sensitive) {
            p.registeredPractice().ifPresent(ods ->
                    r.putArray("generalPractitioner").add(OrganizationMapper.referenceTo(ods)));
        }
        return r;
    }

    @Override
    public Optional<Patient> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        r.ignoreAllBut(READ);
        Optional<PatientId> id = ForeignIds.id(r, "Patient").flatMap(v -> r.convert("id", () -> PatientId.parse(v)));
        EnumSet<PatientFlag> flags = flags(r);
        Optional<NhsNumber> nhsNumber = Optional.empty();
        Optional<NhsNumberVerification> verification = Optional.empty();
        List<FhirElement> nhsIdentifiers = new ArrayList<>();
        for (FhirElement identifier : r.objects("identifier")) {
            if (identifier.text("system").filter(NHS_SYSTEMS::contains).isPresent()) {
                nhsIdentifiers.add(identifier);
            } else {
                context.ignored(identifier.path());
            }
        }
        if (nhsIdentifiers.isEmpty()) {
            r.problem("identifier", "R2", "an NHS number identifier is required");
        } else if (nhsIdentifiers.size() > 1) {
            nhsIdentifiers.get(1).problem(null, "R2", "a patient has at most one NHS number");
        } else {
            FhirElement identifier = nhsIdentifiers.get(0);
            nhsNumber = identifier.requiredText("value", "R1")
                    .flatMap(v -> identifier.convert("value", () -> new NhsNumber(v)));
            verification = verification(identifier);
        }
        Optional<PersonName> name = name(r);
        Optional<LocalDate> birthDate = r.requiredText("birthDate", "BIRTH_DATE_MISSING").flatMap(v -> birthDate(r, v));
        Optional<LocalDate> death = Optional.empty();
        if (r.has("deceasedDateTime")) {
            death = r.text("deceasedDateTime").flatMap(v -> date(r, "deceasedDateTime", v.length() > 10
                    && v.charAt(10) == 'T' ? v.substring(0, 10) : v));
            if (death.isEmpty()) {
                return Optional.empty();
            }
        } else if (r.bool("deceasedBoolean").orElse(false)) {
            // Dropping a death without a date would show the person as alive: refuse instead.
            r.problem("deceasedBoolean", "DECEASED", "a date of death is required to record a death");
        }
        Optional<OdsCode> practice = practice(r);
        if (context.hasProblems() || id.isEmpty() || nhsNumber.isEmpty() || verification.isEmpty() || name.isEmpty()
                || birthDate.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> dateOfDeath = death;
        NhsNumber number = nhsNumber.get();
        NhsNumberVerification status = verification.get();
        // R49: an S-flagged patient's practice is never taken in, even if the sender included it.
        Optional<OdsCode> registered = flags.contains(PatientFlag.SENSITIVE) ? Optional.empty() : practice;
        return r.convert(null, () -> new Patient(id.get(), number, status, name.get(),
                birthDate.get(), flags, registered, dateOfDeath));
    }

    private static EnumSet<PatientFlag> flags(FhirElement r) {
        EnumSet<PatientFlag> flags = EnumSet.noneOf(PatientFlag.class);
        r.object("meta").ifPresent(meta -> {
            for (FhirElement label : meta.objects("security")) {
                boolean confidentiality = label.text("system").filter(FhirSystems.V3_CONFIDENTIALITY::equals).isPresent();
                Optional<PatientFlag> flag = label.text("code").flatMap(PatientCodes.CONFIDENTIALITY::fromCode);
                if (confidentiality && flag.isPresent()) {
                    flags.add(flag.get());
                }
            }
        });
        for (FhirElement e : r.objects("extension")) {
            if (!e.text("url").filter(FhirSystems.SDK_PATIENT_FLAG_EXTENSION::equals).isPresent()) {
                r.context().ignored(e.path());
                continue;
            }
            Optional<FhirElement> coding = e.object("valueCoding");
            Optional<String> code = coding.flatMap(c -> c.text("code"));
            Optional<PatientFlag> flag = Optional.empty();
            for (PatientFlag candidate : PatientFlag.values()) {
                if (code.isPresent() && candidate.name().equals(code.get())) {
                    flag = Optional.of(candidate);
                }
            }
            if (flag.isEmpty()) {
                e.problem("valueCoding", "FLAG", "must be a code of the SDK's patient-flag code system");
            } else {
                flags.add(flag.get());
            }
        }
        return flags;
    }

    private static Optional<NhsNumberVerification> verification(FhirElement identifier) {
        for (FhirElement e : identifier.objects("extension")) {
            if (!e.text("url").filter(FhirSystems.NHS_NUMBER_VERIFICATION_EXTENSION::equals).isPresent()) {
                continue;
            }
            Optional<FhirElement> concept = e.object("valueCodeableConcept");
            for (FhirElement coding : concept.map(c -> c.objects("coding")).orElse(List.of())) {
                Optional<String> system = coding.text("system");
                if (system.filter(s -> s.equals(FhirSystems.NHS_NUMBER_VERIFICATION_ENGLAND)
                        || s.equals(FhirSystems.NHS_NUMBER_VERIFICATION_WALES)).isPresent()) {
                    Optional<String> code = coding.requiredText("code", "R3");
                    return code.flatMap(c -> coding.convert("code", () -> PatientCodes.verification(system.get(), c)));
                }
            }
            e.problem("valueCodeableConcept", "R3", "must have a UK Core England or Wales verification status coding");
            return Optional.empty();
        }
        identifier.problem("extension", "R3", "the NHS number verification status extension is required");
        return Optional.empty();
    }

    private static Optional<PersonName> name(FhirElement r) {
        List<FhirElement> names = r.objects("name");
        if (names.isEmpty()) {
            r.problem("name", "PATIENT_NAME", "is required: the domain's patient has a given and a family name");
            return Optional.empty();
        }
        FhirElement chosen = names.get(0);
        for (String use : List.of("usual", "official")) {
            for (FhirElement n : names) {
                if (n.text("use").filter(use::equals).isPresent()) {
                    chosen = n;
                }
            }
        }
        for (FhirElement n : names) {
            if (n != chosen) {
                r.context().ignored(n.path());
            }
        }
        FhirElement name = chosen;
        Optional<String> family = name.requiredText("family", "PATIENT_NAME");
        List<String> given = name.texts("given");
        if (given.isEmpty()) {
            name.problem("given", "PATIENT_NAME", "is required: the domain's patient has a given and a family name");
            return Optional.empty();
        }
        return family.flatMap(f -> name.convert(null, () -> new PersonName(String.join(" ", given), f)));
    }

    private static Optional<OdsCode> practice(FhirElement r) {
        Optional<OdsCode> found = Optional.empty();
        for (FhirElement gp : r.objects("generalPractitioner")) {
            Optional<References.Identifier> ods = References.identifierOf(gp, "Organization",
                    OrganizationCodes.ODS_SYSTEMS);
            if (found.isEmpty() && ods.isPresent()) {
                found = gp.convert("identifier", () -> OrganizationCodes.odsCode(ods.get()));
            } else {
                r.context().ignored(gp.path());
            }
        }
        return found;
    }

    // The age rules (R18, R46-R48) need the day of birth: a year or a month cannot be widened without
    // moving someone across an age limit, so a partial birthDate (valid FHIR) is refused with its own code.
    private static Optional<LocalDate> birthDate(FhirElement r, String value) {
        if (PARTIAL_DATE.matcher(value).matches()) {
            r.problem("birthDate", "BIRTH_DATE_PARTIAL", "is a year or a month: the age rules (R18, R46-R48) need "
                    + "the day of birth");
            return Optional.empty();
        }
        return date(r, "birthDate", value);
    }

    private static Optional<LocalDate> date(FhirElement r, String name, String value) {
        if (!FhirDateTimes.isFullDate(value)) {
            r.problem(name, "DATE", "must be a full date (YYYY-MM-DD)");
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            r.problem(name, "DATE", "is not a valid date");
            return Optional.empty();
        }
    }
}
