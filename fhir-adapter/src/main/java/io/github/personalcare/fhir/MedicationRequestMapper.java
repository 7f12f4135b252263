package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.prescription.DmdCode;
import io.github.personalcare.prescription.Medicine;
import io.github.personalcare.prescription.RepeatMedicine;
import io.github.personalcare.prescription.RepeatMedicineId;
import io.github.personalcare.prescription.RepeatStatus;
import io.github.personalcare.prescription.RepeatTerms;
import io.github.personalcare.prescription.SupplyQuantity;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link RepeatMedicine}'s authorisation as a UK Core MedicationRequest, and back.
 *
 * <ul>
 *   <li>{@code id} and {@code identifier}: the repeat medicine's id (system {@link FhirSystems#SDK_REPEAT_MEDICINE_ID}).</li>
 *   <li>{@code status}: ACTIVE → active, STOPPED → stopped with {@code statusReason.text} the reason;
 *       {@code intent} always {@code order}; {@code courseOfTherapyType} always {@code continuous} (a repeat).</li>
 *   <li>{@code medicationCodeableConcept}: the dm+d code, system {@code https://dmd.nhs.uk}, display the name.</li>
 *   <li>{@code subject} → Patient; {@code authoredOn}: the UK date of the (last) authorisation;
 *       {@code requester} → the prescriber's Practitioner; {@code dosageInstruction[0].text}: the dose.</li>
 *   <li>{@code dispenseRequest}: {@code validityPeriod} from the authorisation to the review date
 *       (no issue after it), {@code numberOfRepeatsAllowed} = issues authorised − 1 (FHIR counts
 *       repeats <em>in addition to</em> the first dispense), {@code quantity} the quantity per issue,
 *       {@code expectedSupplyDuration} the issue interval in days (UCUM {@code d}).</li>
 *   <li>{@code substitution.allowedBoolean}: always false (UK Core requires the element; EPS style).</li>
 *   <li>SDK extensions: the practice (Reference with its ODS code), issues used, the last issue
 *       date and the stop date, which MedicationRequest has no element for.</li>
 * </ul>
 */
public final class MedicationRequestMapper implements FhirMapper<RepeatMedicine> {
    static final String PRACTICE = FhirSystems.SDK_PRESCRIPTION + "practice";
    static final String ISSUES_USED = FhirSystems.SDK_PRESCRIPTION + "issues-used";
    static final String LAST_ISSUED = FhirSystems.SDK_PRESCRIPTION + "last-issued";
    static final String STOPPED_ON = FhirSystems.SDK_PRESCRIPTION + "stopped-on";
    static final String INTENT = "order";
    static final String CONTINUOUS = "continuous";
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "extension", "identifier", "status",
            "statusReason", "intent", "courseOfTherapyType", "medicationCodeableConcept", "subject", "authoredOn",
            "requester", "dosageInstruction", "dispenseRequest", "substitution");

    /** A mapper; stateless and thread-safe. */
    public MedicationRequestMapper() {
    }

    @Override
    public String resourceType() {
        return "MedicationRequest";
    }

    @Override
    public String profile() {
        return FhirSystems.UKCORE_MEDICATION_REQUEST;
    }

    static ObjectNode medication(Medicine medicine) {
        return Elements.concept(Elements.coding(FhirSystems.DMD, medicine.code().value(), medicine.name()));
    }

    @Override
    public ObjectNode toFhir(RepeatMedicine m) {
        ObjectNode r = Elements.resource("MedicationRequest", m.id().value().toString(), profile());
        var ext = r.putArray("extension");
        ext.add(SdkExtensions.of(PRACTICE, "Reference", OrganizationMapper.referenceTo(m.practice())));
        ext.add(SdkExtensions.of(ISSUES_USED, "UnsignedInt", m.issuesUsed()));
        m.lastIssuedOn().ifPresent(d -> ext.add(SdkExtensions.of(LAST_ISSUED, "Date", d.toString())));
        m.stoppedOn().ifPresent(d -> ext.add(SdkExtensions.of(STOPPED_ON, "Date", d.toString())));
        r.putArray("identifier").add(Elements.identifier(FhirSystems.SDK_REPEAT_MEDICINE_ID, m.id().value().toString()));
        r.put("status", m.status() == RepeatStatus.ACTIVE ? "active" : "stopped");
        m.stopReason().ifPresent(reason -> r.putObject("statusReason").put("text", reason));
        r.put("intent", INTENT);
        r.set("courseOfTherapyType", Elements.concept(Elements.coding(FhirSystems.COURSE_OF_THERAPY, CONTINUOUS,
                "Continuous long term therapy")));
        r.set("medicationCodeableConcept", medication(m.medicine()));
        r.set("subject", Elements.reference("Patient", m.patient().value().toString()));
        r.put("authoredOn", m.authorisedOn().toString());
        r.set("requester", PractitionerMapper.referenceTo(m.authorisedBy()));
        r.putArray("dosageInstruction").addObject().put("text", m.terms().dose());
        ObjectNode dispense = r.putObject("dispenseRequest");
        ObjectNode validity = dispense.putObject("validityPeriod");
        validity.put("start", m.authorisedOn().toString());
        validity.put("end", m.reviewOn().toString());
        dispense.put("numberOfRepeatsAllowed", m.terms().issuesAuthorised() - 1);
        ObjectNode quantity = dispense.putObject("quantity");
        quantity.put("value", m.terms().quantity().amount());
        quantity.put("unit", m.terms().quantity().unit());
        ObjectNode duration = dispense.putObject("expectedSupplyDuration");
        duration.put("value", m.terms().intervalDays());
        duration.put("unit", "day");
        duration.put("system", FhirSystems.UCUM);
        duration.put("code", "d");
        // UK Core requires substitution (1..1): the dispenser supplies the dm+d product prescribed (a VMP
        // already leaves the choice of generic product open), as EPS prescriptions say
        r.putObject("substitution").put("allowedBoolean", false);
        return r;
    }

    @Override
    public Optional<RepeatMedicine> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        int problemsBefore = context.problems().size();
        r.ignoreAllBut(READ);
        Optional<RepeatMedicineId> id = r.requiredText("id", "ID").flatMap(v -> r.convert("id", () -> RepeatMedicineId.parse(v)));
        Optional<String> status = r.requiredText("status", "REQUIRED");
        RepeatStatus repeatStatus = null;
        if (status.isPresent()) {
            if (status.get().equals("active")) {
                repeatStatus = RepeatStatus.ACTIVE;
            } else if (status.get().equals("stopped")) {
                repeatStatus = RepeatStatus.STOPPED;
            } else {
                r.problem("status", "STATUS", "must be active or stopped (a repeat authorisation)");
            }
        }
        r.requiredText("intent", "REQUIRED").filter(i -> !i.equals(INTENT))
                .ifPresent(i -> r.problem("intent", "INTENT", "must be order"));
        Optional<Medicine> medicine = r.object("medicationCodeableConcept").flatMap(c -> {
            Optional<FhirElement> coding = c.objects("coding").stream()
                    .filter(x -> x.json().path("system").asText("").equals(FhirSystems.DMD)).findFirst();
            if (coding.isEmpty()) {
                c.problem("coding", "DMD", "a coding of system https://dmd.nhs.uk is required");
                return Optional.empty();
            }
            Optional<String> code = coding.get().requiredText("code", "REQUIRED");
            Optional<String> name = coding.get().requiredText("display", "REQUIRED");
            return code.isEmpty() || name.isEmpty() ? Optional.empty()
                    : coding.get().convert("code", () -> new Medicine(DmdCode.of(code.get()), name.get()));
        });
        if (!r.has("medicationCodeableConcept")) {
            r.problem("medicationCodeableConcept", "REQUIRED", "is required");
        }
        Optional<PatientId> patient = CareTeamMapper.patient(r, "subject", context);
        Optional<LocalDate> authorisedOn = SdkExtensions.requiredDate(r, "authoredOn", "REQUIRED");
        Optional<UserId> prescriber = r.object("requester").flatMap(PractitionerMapper::referenced);
        if (!r.has("requester")) {
            r.problem("requester", "REQUIRED", "is required");
        }
        Optional<String> dose = r.objects("dosageInstruction").stream().findFirst()
                .flatMap(d -> d.requiredText("text", "REQUIRED"));
        if (r.objects("dosageInstruction").isEmpty()) {
            r.problem("dosageInstruction", "REQUIRED", "a dosage instruction with text is required");
        }
        Optional<FhirElement> dispense = r.object("dispenseRequest");
        if (dispense.isEmpty()) {
            r.problem("dispenseRequest", "REQUIRED", "is required");
        }
        Optional<LocalDate> reviewOn = dispense.flatMap(d -> d.object("validityPeriod"))
                .flatMap(v -> SdkExtensions.requiredDate(v, "end", "REQUIRED"));
        Optional<Long> repeats = dispense.flatMap(d -> d.integer("numberOfRepeatsAllowed"));
        Optional<FhirElement> quantityElement = dispense.flatMap(d -> d.object("quantity"));
        Optional<Long> amount = quantityElement.flatMap(q -> q.integer("value"));
        Optional<String> unit = quantityElement.flatMap(q -> q.requiredText("unit", "REQUIRED"));
        Optional<Long> interval = dispense.flatMap(d -> d.object("expectedSupplyDuration")).flatMap(d -> d.integer("value"));
        if (dispense.isPresent() && (reviewOn.isEmpty() || repeats.isEmpty() || amount.isEmpty() || interval.isEmpty())) {
            dispense.get().problem(null, "REQUIRED", "needs validityPeriod.end, numberOfRepeatsAllowed, quantity.value "
                    + "and expectedSupplyDuration.value");
        }
        Optional<OdsCode> practice = SdkExtensions.requiredExtension(r, PRACTICE, "REQUIRED")
                .flatMap(e -> SdkExtensions.valueObject(e, "Reference", "REQUIRED"))
                .flatMap(ref -> References.identifierOf(ref, "Organization", OrganizationCodes.ODS_SYSTEMS)
                        .flatMap(i -> ref.convert("identifier", () -> OrganizationCodes.odsCode(i))));
        Optional<Long> used = SdkExtensions.requiredExtension(r, ISSUES_USED, "REQUIRED")
                .flatMap(e -> e.integer("valueUnsignedInt"));
        Optional<LocalDate> lastIssued = SdkExtensions.extension(r, LAST_ISSUED)
                .flatMap(e -> SdkExtensions.requiredDate(e, "valueDate", "REQUIRED"));
        Optional<LocalDate> stoppedOn = SdkExtensions.extension(r, STOPPED_ON)
                .flatMap(e -> SdkExtensions.requiredDate(e, "valueDate", "REQUIRED"));
        Optional<String> stopReason = r.object("statusReason").flatMap(s -> s.requiredText("text", "REQUIRED"));
        if (context.problems().size() > problemsBefore || id.isEmpty() || repeatStatus == null || medicine.isEmpty()
                || patient.isEmpty() || authorisedOn.isEmpty() || prescriber.isEmpty() || dose.isEmpty()
                || reviewOn.isEmpty() || repeats.isEmpty() || amount.isEmpty() || unit.isEmpty() || interval.isEmpty()
                || practice.isEmpty() || used.isEmpty()) {
            return Optional.empty();
        }
        RepeatStatus s = repeatStatus;
        Optional<RepeatTerms> terms = r.convert("dispenseRequest", () -> new RepeatTerms(medicine.get(), dose.get(),
                new SupplyQuantity(Math.toIntExact(Math.min(amount.get(), Integer.MAX_VALUE)), unit.get()),
                (int) Math.min(interval.get(), Integer.MAX_VALUE),
                (int) Math.min(repeats.get() + 1, Integer.MAX_VALUE), reviewOn.get()));
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RepeatMedicine(id.get(), patient.get(), practice.get(), terms.get(),
                    (int) Math.min(used.get(), Integer.MAX_VALUE), lastIssued, s, prescriber.get(), authorisedOn.get(),
                    stoppedOn, stopReason));
        } catch (IllegalArgumentException e) {
            r.problem(null, "REPEAT", "issues used, last issue, status, stop date and reason do not fit together");
            return Optional.empty();
        }
    }
}
