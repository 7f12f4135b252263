package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.appointment.Party;
import io.github.personalcare.budget.AccountKind;
import io.github.personalcare.budget.BudgetStatus;
import io.github.personalcare.budget.Direction;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.EntryKind;
import io.github.personalcare.budget.HolderKind;
import io.github.personalcare.budget.ManagementOption;
import io.github.personalcare.budget.PaymentFrequency;
import io.github.personalcare.budget.RecipientKind;
import io.github.personalcare.budget.StatusReason;
import io.github.personalcare.careplan.PlanSection;
import io.github.personalcare.careteam.CarerRole;
import io.github.personalcare.consent.LegalAuthority;
import io.github.personalcare.econsult.EconsultStatus;
import io.github.personalcare.econsult.RedFlag;
import io.github.personalcare.econsult.TriageOutcome;
import io.github.personalcare.feedback.FeedbackTopic;
import io.github.personalcare.feedback.FftAnswer;
import io.github.personalcare.feedback.Involvement;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.referral.AppointmentStatus;
import io.github.personalcare.referral.BookingMode;
import io.github.personalcare.referral.ChoiceExemption;
import io.github.personalcare.referral.ReferralCommand;
import io.github.personalcare.referral.ReferralState;
import io.github.personalcare.referral.RttStart;
import io.github.personalcare.referral.StopReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SDK's own FHIR conformance resources: a CodeSystem and a ValueSet (all its codes) for every
 * code system the SDK defines under {@link FhirSystems#SDK_BASE}, and a StructureDefinition for
 * every SDK extension, and the feedback Questionnaire {@link FeedbackMapper} answers. They are
 * built from the same enums, code tables and URL constants the mappers write with, so they
 * describe exactly what an export holds; a validator that loads them ({@link #bundle()}) resolves
 * every SDK code, extension and questionnaire.
 *
 * <p>The same Bundle ships in this artifact as the classpath resource {@link #RESOURCE} (outside
 * any package, so any module can read it), for validators that cannot call this class; a test
 * proves the file equals {@link #bundle()}.
 *
 * <p>Code systems whose codes come from the supplier (specialties, reason codes, spend categories)
 * are published with {@code content} {@code fragment} and no concepts: the SDK cannot list them. A
 * supplier publishes them complete, with its own codes, with {@link #bundle(SupplierCodes)}.
 */
public final class SdkConformance {
    /** Classpath location of {@link #bundle()} as canonical JSON, in this artifact. */
    public static final String RESOURCE = "META-INF/personalcare/fhir/sdk-conformance.json";

    private static final String PUBLISHER = "Personal Care SDK";
    private static final String EXTENSION_BASE = "http://hl7.org/fhir/StructureDefinition/Extension";

    /** One SDK code system: name (the URL's last segment), title, and its codes with displays (empty when open). */
    record CodeSystemSpec(String name, String title, Map<String, String> codes) {
        String url() {
            return FhirSystems.SDK_CODES + name;
        }

        boolean open() {
            return codes.isEmpty();
        }
    }

    /** One SDK extension: its URL, its value type (null for a complex extension) and its parts' types. */
    record ExtensionSpec(String url, String valueType, Map<String, String> parts) {
        String name() {
            return url.substring(url.lastIndexOf('/') + 1);
        }
    }

    private SdkConformance() {
    }

    /** Every SDK code system, in name order. */
    static List<CodeSystemSpec> codeSystems() {
        List<CodeSystemSpec> all = new ArrayList<>(List.of(
                closed("professional-role", "Professional role", ProfessionalRole.class),
                closed("patient-flag", "Patient flag", PatientFlag.class),
                closed("carer-role", "Carer role", CarerRole.class),
                closed("plan-section", "Care plan section", PlanSection.class),
                closed("appointment-party", "Appointment party", Party.class),
                open("appointment-cancellation-reason", "Appointment cancellation reason"),
                closed(name(BudgetFhir.ACCOUNT_TYPE), "Budget account type",
                        Map.of(BudgetFhir.BUDGET_ACCOUNT_CODE, BudgetFhir.BUDGET_ACCOUNT_DISPLAY)),
                closed(name(BudgetFhir.MANAGEMENT_OPTION), "Budget management option", ManagementOption.class),
                closed(name(BudgetFhir.BUDGET_STATUS), "Budget status", BudgetStatus.class),
                closed(name(BudgetFhir.STATUS_REASON), "Budget status reason", StatusReason.class),
                closed(name(BudgetFhir.ELIGIBILITY_REASON), "Budget eligibility reason", EligibilityReason.class),
                closed(name(BudgetFhir.HOLDER_KIND), "Budget holder kind", HolderKind.class),
                closed(name(BudgetFhir.RECIPIENT_KIND), "Direct payment recipient kind", RecipientKind.class),
                closed(name(BudgetFhir.PAYMENT_ACCOUNT_KIND), "Direct payment account kind", AccountKind.class),
                open(name(BudgetFhir.SPEND_CATEGORY), "Spend category"),
                closed(name(BudgetFhir.PAYMENT_FREQUENCY), "Payment frequency", PaymentFrequency.class),
                closed(name(BudgetFhir.ENTRY_KIND), "Ledger entry kind", EntryKind.class),
                closed(name(BudgetFhir.ENTRY_DIRECTION), "Ledger entry direction", Direction.class),
                closed(name(BudgetFhir.ENTRY_ROLE), "Ledger entry role",
                        Map.of(LedgerCodes.APPROVER, display(LedgerCodes.APPROVER))),
                closed("sensitivity-label", "Sensitivity label", SensitivityLabel.class),
                closed("legal-authority", "Legal authority", LegalAuthority.class),
                closed("data-class", "Data class", DataClass.class),
                closed("relationship-kind", "Relationship kind", RelationshipKind.class),
                closed("econsult-status", "Online consultation status", EconsultStatus.class),
                closed(EconsultTaskMapper.TASK_CODE_SYSTEM, "Task code",
                        Map.of(EconsultTaskMapper.TASK_CODE, EconsultTaskMapper.TASK_CODE_DISPLAY)),
                closed("econsult-red-flag", "Online consultation red flag", RedFlag.class),
                closed("triage-outcome", "Triage outcome", TriageOutcome.Kind.class),
                closed(EconsultTaskMapper.INPUT, "Online consultation input", displays(EconsultTaskMapper.INPUTS)),
                closed(EconsultTaskMapper.OUTPUT, "Online consultation output", displays(EconsultTaskMapper.OUTPUTS)),
                closed("fft-answer", "Friends and Family Test answer", FftAnswer.class, FftAnswer::label),
                closed("involvement", "Involvement", Involvement.class, Involvement::label),
                closed("feedback-topic", "Feedback topic", FeedbackTopic.class),
                closed("referral-state", "Referral state", ReferralState.class),
                closed("patient-choice", "Patient choice", patientChoices()),
                open("specialty", "Specialty"),
                closed("booking-mode", "Booking mode", BookingMode.class),
                closed("appointment-status", "Referral appointment status", AppointmentStatus.class),
                closed("rtt-start", "RTT clock start", RttStart.class),
                closed("rtt-stop-reason", "RTT clock stop reason", StopReason.class),
                closed("referral-command", "Referral command", ReferralCommand.Type.class),
                open("referral-reason", "Referral reason")));
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return List.copyOf(all);
    }

    /** Every SDK extension, in URL order. */
    static List<ExtensionSpec> extensions() {
        List<ExtensionSpec> all = new ArrayList<>(List.of(
                simple(FhirSystems.SDK_PATIENT_FLAG_EXTENSION, "Coding"),
                simple(AuditEventMapper.ACTION_EXTENSION, "string"),
                simple(SdkExtensions.url(CareTeamMapper.MEMBER_EXTENSION), "Identifier"),
                simple(SdkExtensions.url(CareTeamMapper.LEAD_EXTENSION), "boolean"),
                simple(SdkExtensions.url(CareTeamMapper.PROXY_EXTENSION), "boolean"),
                simple(SdkExtensions.url(CareTeamMapper.AUTHORITY_EXTENSION), "code"),
                simple(SdkExtensions.url(CareTeamMapper.AGREED_EXTENSION), "dateTime"),
                simple(SdkExtensions.url(CarePlanMapper.STATUS), "code"),
                simple(SdkExtensions.url(CarePlanMapper.END_REASON), "code"),
                complex(SdkExtensions.url(CarePlanMapper.REVIEW), "nextReviewDue", "date", "frequencyMonths",
                        "positiveInt", "how", "string"),
                complex(SdkExtensions.url(CarePlanMapper.CONTINGENCY), "signs", "string", "whatToDo", "string",
                        "contact", "string"),
                complex(SdkExtensions.url(CarePlanMapper.INFORMATION), "title", "string", "link", "url"),
                simple(SdkExtensions.url(CarePlanMapper.TEAM_MEMBER), "Identifier"),
                complex(SdkExtensions.url(CarePlanMapper.SIGNATURE), SIGNATURE_PARTS),
                complex(SdkExtensions.url(CarePlanMapper.VERSION), "number", "positiveInt", "agreedAt", "dateTime",
                        "signature", null, "content", "Reference"),
                simple(SdkExtensions.url(CarePlanMapper.VERSION_OF), "Reference"),
                simple(SdkExtensions.url(CarePlanMapper.SECTION), "code"),
                simple(SdkExtensions.url(CarePlanMapper.BUDGET_LINE), "string"),
                simple(ServiceRequestMapper.STATE, "CodeableConcept"),
                simple(ServiceRequestMapper.PRIORITY, "Coding"),
                simple(ServiceRequestMapper.REFERRING_ORGANISATION, "Reference"),
                simple(ServiceRequestMapper.CHOICE, "Coding"),
                simple(ServiceRequestMapper.ATTACHMENT, "Attachment"),
                simple(ServiceRequestMapper.ATTACHMENT_LABEL, "Coding"),
                complex(ServiceRequestMapper.SHORTLIST, "id", "Identifier", "name", "string", "provider",
                        "Identifier", "specialty", "Coding", "bookingMode", "Coding", "consultantLed", "boolean",
                        "postcodeDistrict", "string"),
                complex(ServiceRequestMapper.APPOINTMENT, "service", "Identifier", "startsAt", "instant",
                        "bookedAt", "instant", "status", "Coding"),
                complex(ServiceRequestMapper.CLOCK, "startedOn", "date", "start", "Coding", "patientChoiceDelay",
                        "Period", "nullifiedOn", "date", "nullifiedBy", "string", "stoppedOn", "date", "stopReason",
                        "Coding"),
                complex(ServiceRequestMapper.HISTORY, "command", "Coding", "from", "Coding", "to", "Coding", "at",
                        "instant", "reason", "Coding", "comment", "string"),
                simple(ConsentMapper.LEGAL_AUTHORITY, "Coding"),
                simple(ConsentMapper.LABEL, "Coding"),
                simple(ConsentMapper.ACTOR_ROLE, "Coding"),
                simple(CommunicationMapper.CONVERSATION, "Identifier"),
                simple(CommunicationMapper.SENDER, "string"),
                simple(CommunicationMapper.CORRECTS, "Reference"),
                simple(CommunicationMapper.ATTACHMENT_LABEL, "Coding"),
                simple(MedicationRequestMapper.PRACTICE, "Reference"),
                simple(MedicationRequestMapper.ISSUES_USED, "unsignedInt"),
                simple(MedicationRequestMapper.LAST_ISSUED, "date"),
                simple(MedicationRequestMapper.STOPPED_ON, "date"),
                simple(SdkExtensions.url(EconsultTaskMapper.SUBMITTED_BY), "string"),
                simple(SdkExtensions.url(FeedbackMapper.GIVEN_BY), "string"),
                simple(SdkExtensions.url(FeedbackMapper.WITHDRAWN_AT), "dateTime"),
                simple(AppointmentMapper.BOOKED_BY, "Coding"),
                simple(AppointmentMapper.CANCELLED_BY, "Coding"),
                simple(AppointmentMapper.CANCELLED_AT, "instant"),
                simple(AppointmentMapper.REMINDER, "instant"),
                simple(AppointmentMapper.REBOOKINGS, "integer"),
                simple(AppointmentFhir.LOCATION, "string"),
                simple(AppointmentFhir.SERVICE, "Identifier"),
                simple(AppointmentFhir.ORGANISATION, "Identifier"),
                simple(AppointmentFhir.STAFF_ROLE, "Coding"),
                simple(ScheduleMapper.PUBLISHED, "instant"),
                simple(SlotMapper.HOLDER, "string"),
                simple(SlotMapper.WITHDRAWN_AT, "dateTime"),
                simple(BudgetFhir.EXT_CARE_PLAN, "Reference"),
                complex(BudgetFhir.EXT_ELIGIBILITY, "reason", "Coding", "from", "date"),
                complex(BudgetFhir.EXT_HOLDER, "kind", "Coding", "person", "Identifier"),
                simple(BudgetFhir.EXT_STATUS, "Coding"),
                simple(BudgetFhir.EXT_PERIOD_MONTHS, "positiveInt"),
                simple(BudgetFhir.EXT_PLAN_REVIEW_DUE, "date"),
                simple(BudgetFhir.EXT_FIRST_DIRECT_PAYMENT, "date"),
                complex(BudgetFhir.EXT_STATUS_CHANGE, "status", "Coding", "on", "date", "reason", "Coding"),
                simple(BudgetFhir.EXT_LINE_ACCOUNT, "Reference"),
                simple(BudgetFhir.EXT_LINE_CATEGORY, "Coding"),
                simple(BudgetFhir.EXT_LINE_PLANNED, "Money"),
                simple(BudgetFhir.EXT_LINE_FREQUENCY, "Coding"),
                complex(BudgetFhir.EXT_LINE_TOTALS, "allocated", "Money", "spent", "Money", "refunded", "Money",
                        "adjustedUp", "Money", "adjustedDown", "Money", "recovered", "Money"),
                simple(BudgetFhir.EXT_RECIPIENT_KIND, "Coding"),
                complex(BudgetFhir.EXT_PAYMENT_ACCOUNT, "kind", "Coding", "reference", "string", "registeredOn",
                        "date"),
                complex(BudgetFhir.EXT_SCHEDULE_OVERRIDE, "approvedBy", "Identifier", "reason", "string"),
                simple(BudgetFhir.EXT_ENTRY_BUDGET, "Reference"),
                simple(BudgetFhir.EXT_ENTRY_SEQUENCE, "positiveInt"),
                simple(BudgetFhir.EXT_ENTRY_DIRECTION, "Coding"),
                simple(BudgetFhir.EXT_ENTRY_PAYEE, "string"),
                simple(BudgetFhir.EXT_ENTRY_NOTICE, "Identifier")));
        all.sort((a, b) -> a.url().compareTo(b.url()));
        return List.copyOf(all);
    }

    /** The parts of a signature (care plan agreement or co-signature), also nested in a version. */
    private static final Object[] SIGNATURE_PARTS = {"kind", "code", "actor", "string", "authority", "code", "at",
            "dateTime"};

    /**
     * {@return every SDK CodeSystem, ValueSet and extension StructureDefinition, and the feedback
     * Questionnaire, as a collection Bundle}
     * The same on every call, in a fixed order; {@link #RESOURCE} holds it as canonical JSON.
     */
    public static ObjectNode bundle() {
        return bundle(SupplierCodes.none());
    }

    /**
     * As {@link #bundle()}, with the supplier's own lists complete: each open code system (specialty,
     * referral reason, appointment cancellation reason, spend category) for which {@code codes}
     * holds codes is published {@code content: complete} with exactly those codes and displays, so
     * a validator that loads this Bundle resolves every code of the supplier's records and reports
     * any code the supplier did not list. Lists without codes stay {@code fragment}. The canonical
     * URLs are the SDK's, as every coding the SDK writes carries them: the complete CodeSystem
     * describes one supplier's deployment, and is for that supplier's validators.
     *
     * @param codes the supplier's codes ({@link SupplierCodes#none()} gives {@link #bundle()})
     * @return the conformance Bundle
     * @throws NullPointerException if {@code codes} is null
     */
    public static ObjectNode bundle(SupplierCodes codes) {
        Objects.requireNonNull(codes, "codes");
        Map<String, Map<String, String>> supplied = new LinkedHashMap<>();
        for (SupplierCodes.CodeList list : SupplierCodes.CodeList.values()) {
            if (!codes.codes(list).isEmpty()) {
                supplied.put(list.codeSystemName(), codes.codes(list));
            }
        }
        ObjectNode bundle = Elements.object();
        bundle.put("resourceType", "Bundle");
        bundle.put("id", "personalcare-sdk-conformance");
        bundle.put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        for (CodeSystemSpec cs : codeSystems()) {
            Map<String, String> own = cs.open() ? supplied.get(cs.name()) : null;
            entry(entries, own == null ? codeSystem(cs) : supplierCodeSystem(cs, own));
        }
        for (CodeSystemSpec cs : codeSystems()) {
            entry(entries, valueSet(cs));
        }
        for (ExtensionSpec e : extensions()) {
            entry(entries, structureDefinition(e));
        }
        entry(entries, feedbackQuestionnaire());
        return bundle;
    }

    private static void entry(ArrayNode entries, ObjectNode resource) {
        ObjectNode entry = entries.addObject();
        entry.put("fullUrl", resource.path("url").asText());
        entry.set("resource", resource);
    }

    private static ObjectNode conformance(String type, String id, String url, String title) {
        ObjectNode r = Elements.object();
        r.put("resourceType", type);
        r.put("id", id);
        r.set("text", Narratives.of(type + ": " + title));
        r.put("url", url);
        r.put("name", pascal(id));
        r.put("title", title);
        r.put("status", "active");
        r.put("experimental", false);
        r.put("publisher", PUBLISHER);
        return r;
    }

    private static ObjectNode codeSystem(CodeSystemSpec cs) {
        ObjectNode r = conformance("CodeSystem", cs.name(), cs.url(), cs.title());
        r.put("description", cs.open()
                ? "Codes of the supplier's own list, carried by the Personal Care SDK as they are: not listed here."
                : "The codes the Personal Care SDK writes for " + cs.title().toLowerCase(Locale.ROOT) + ".");
        r.put("caseSensitive", true);
        r.put("valueSet", valueSetUrl(cs));
        r.put("content", cs.open() ? "fragment" : "complete");
        if (!cs.open()) {
            r.put("count", cs.codes().size());
            ArrayNode concepts = r.putArray("concept");
            cs.codes().forEach((code, display) -> concepts.addObject().put("code", code).put("display", display));
        }
        return r;
    }

    // An open list with the supplier's codes: complete, so the validator checks every code against it.
    private static ObjectNode supplierCodeSystem(CodeSystemSpec cs, Map<String, String> codes) {
        ObjectNode r = conformance("CodeSystem", cs.name(), cs.url(), cs.title());
        r.put("description", "The supplier's own " + cs.title().toLowerCase(Locale.ROOT)
                + " codes, as its records carry them through the Personal Care SDK.");
        r.put("caseSensitive", true);
        r.put("valueSet", valueSetUrl(cs));
        r.put("content", "complete");
        r.put("count", codes.size());
        ArrayNode concepts = r.putArray("concept");
        codes.forEach((code, display) -> concepts.addObject().put("code", code).put("display", display));
        return r;
    }

    private static ObjectNode valueSet(CodeSystemSpec cs) {
        ObjectNode r = conformance("ValueSet", cs.name(), valueSetUrl(cs), cs.title());
        r.put("description", "Every code of the Personal Care SDK code system " + cs.url() + ".");
        r.putObject("compose").putArray("include").addObject().put("system", cs.url());
        return r;
    }

    private static String valueSetUrl(CodeSystemSpec cs) {
        return valueSetUrl(cs.name());
    }

    private static String valueSetUrl(String codeSystemName) {
        return FhirSystems.SDK_BASE + "/ValueSet/" + codeSystemName;
    }

    private static ObjectNode structureDefinition(ExtensionSpec e) {
        String title = display(e.name().replace('-', '_').toUpperCase(Locale.ROOT));
        ObjectNode r = conformance("StructureDefinition", e.name(), e.url(), title);
        r.put("description", "Personal Care SDK extension: " + title.toLowerCase(Locale.ROOT) + ".");
        r.put("fhirVersion", "4.0.1");
        r.put("kind", "complex-type");
        r.put("abstract", false);
        r.putArray("context").addObject().put("type", "element").put("expression", "Element");
        r.put("type", "Extension");
        r.put("baseDefinition", EXTENSION_BASE);
        r.put("derivation", "constraint");
        ArrayNode elements = r.putObject("differential").putArray("element");
        element(elements, "Extension", "Extension").put("short", title).put("definition", title + ".");
        if (e.valueType() == null) {
            ObjectNode slicing = element(elements, "Extension.extension", "Extension.extension").putObject("slicing");
            slicing.putArray("discriminator").addObject().put("type", "value").put("path", "url");
            slicing.put("rules", "open");
            e.parts().forEach((part, type) -> {
                String slice = "Extension.extension:" + part;
                element(elements, slice, "Extension.extension").put("sliceName", part).put("min", 0)
                        .put("max", "*");
                if (type == null) {
                    complexValue(elements, slice, "Extension.extension", part, partsOf(SIGNATURE_PARTS));
                } else {
                    element(elements, slice + ".extension", "Extension.extension.extension").put("max", "0");
                    element(elements, slice + ".url", "Extension.extension.url").put("fixedUri", part);
                    typed(element(elements, slice + ".value[x]", "Extension.extension.value[x]").put("min", 1), type);
                }
            });
            element(elements, "Extension.url", "Extension.url").put("fixedUri", e.url());
            element(elements, "Extension.value[x]", "Extension.value[x]").put("max", "0");
        } else {
            element(elements, "Extension.extension", "Extension.extension").put("max", "0");
            element(elements, "Extension.url", "Extension.url").put("fixedUri", e.url());
            typed(element(elements, "Extension.value[x]", "Extension.value[x]").put("min", 1), e.valueType());
        }
        return r;
    }

    // A part that is itself complex (a version's signature): its own parts are sliced one level down.
    private static void complexValue(ArrayNode elements, String slice, String path, String part,
            Map<String, String> parts) {
        ObjectNode slicing = element(elements, slice + ".extension", path + ".extension").putObject("slicing");
        slicing.putArray("discriminator").addObject().put("type", "value").put("path", "url");
        slicing.put("rules", "open");
        parts.forEach((name, type) -> {
            String sub = slice + ".extension:" + name;
            element(elements, sub, path + ".extension").put("sliceName", name).put("min", 0).put("max", "*");
            element(elements, sub + ".extension", path + ".extension.extension").put("max", "0");
            element(elements, sub + ".url", path + ".extension.url").put("fixedUri", name);
            typed(element(elements, sub + ".value[x]", path + ".extension.value[x]").put("min", 1), type);
        });
        element(elements, slice + ".url", path + ".url").put("fixedUri", part);
        element(elements, slice + ".value[x]", path + ".value[x]").put("max", "0");
    }

    /** The questionnaire {@link FeedbackMapper} answers: its questions, types and answer value sets. */
    static ObjectNode feedbackQuestionnaire() {
        ObjectNode r = conformance("Questionnaire", "feedback", FeedbackMapper.QUESTIONNAIRE, "Feedback");
        r.put("description", "The questions of a feedback response written by the Personal Care SDK: the Friends"
                + " and Family Test answer, involvement in decisions, what the feedback is about and a comment.");
        r.putArray("subjectType").add("Patient");
        ArrayNode items = r.putArray("item");
        question(items, "experience", true).put("answerValueSet", valueSetUrl("fft-answer"));
        question(items, "involved", true).put("answerValueSet", valueSetUrl("involvement"));
        question(items, "carers", true).put("answerValueSet", valueSetUrl("involvement"));
        question(items, "topic", true).put("answerValueSet", valueSetUrl("feedback-topic"));
        question(items, "organisation", true);
        enabledWhenAbout(question(items, "service", false), FeedbackTopic.SERVICE);
        enabledWhenAbout(question(items, "referral", true), FeedbackTopic.REFERRAL);
        question(items, "comment", false);
        return r;
    }

    private static ObjectNode question(ArrayNode items, String linkId, boolean required) {
        ObjectNode item = items.addObject();
        item.put("linkId", linkId);
        item.put("text", FeedbackMapper.QUESTIONS.get(linkId));
        item.put("type", FeedbackMapper.ITEM_TYPES.get(linkId));
        item.put("required", required);
        return item;
    }

    // Asked only when the topic answer is this one (the mapper writes the item only then).
    private static void enabledWhenAbout(ObjectNode item, FeedbackTopic topic) {
        item.putArray("enableWhen").addObject().put("question", "topic").put("operator", "=")
                .set("answerCoding", SdkExtensions.coding("feedback-topic", topic));
    }

    private static ObjectNode element(ArrayNode elements, String id, String path) {
        ObjectNode e = elements.addObject();
        e.put("id", id);
        e.put("path", path);
        return e;
    }

    private static void typed(ObjectNode element, String type) {
        element.putArray("type").addObject().put("code", type);
    }

    private static <E extends Enum<E>> CodeSystemSpec closed(String name, String title, Class<E> type) {
        return closed(name, title, type, c -> display(c.name()));
    }

    private static <E extends Enum<E>> CodeSystemSpec closed(String name, String title, Class<E> type,
            Function<E, String> display) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (E constant : type.getEnumConstants()) {
            codes.put(constant.name(), display.apply(constant));
        }
        return closed(name, title, codes);
    }

    private static CodeSystemSpec closed(String name, String title, Map<String, String> codes) {
        Map<String, String> sorted = new LinkedHashMap<>();
        codes.keySet().stream().sorted().forEach(code -> sorted.put(code, codes.get(code)));
        return new CodeSystemSpec(name, title, sorted);
    }

    private static Map<String, String> displays(List<String> codes) {
        Map<String, String> map = new LinkedHashMap<>();
        codes.forEach(code -> map.put(code, display(code)));
        return map;
    }

    private static CodeSystemSpec open(String name, String title) {
        return new CodeSystemSpec(name, title, Map.of());
    }

    private static Map<String, String> patientChoices() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(ServiceRequestMapper.CHOICE_OFFERED, display(ServiceRequestMapper.CHOICE_OFFERED));
        for (ChoiceExemption e : ChoiceExemption.values()) {
            codes.put(e.name(), display(e.name()));
        }
        return codes;
    }

    private static ExtensionSpec simple(String url, String valueType) {
        return new ExtensionSpec(url, valueType, Map.of());
    }

    private static ExtensionSpec complex(String url, Object... namesAndTypes) {
        return new ExtensionSpec(url, null, partsOf(namesAndTypes));
    }

    private static Map<String, String> partsOf(Object... namesAndTypes) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            parts.put((String) namesAndTypes[i], (String) namesAndTypes[i + 1]);
        }
        return parts;
    }

    /** The last path segment of an SDK code system URL. */
    private static String name(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** {@code GENERAL_PRACTITIONER} or {@code approver} as "General practitioner", "Approver". */
    static String display(String code) {
        String words = code.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String pascal(String id) {
        return Arrays.stream(id.split("-")).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining());
    }

    /** Every SDK code system URL with its codes, for the tests (open systems have none). */
    static Map<String, Set<String>> codesBySystem() {
        return codeSystems().stream().collect(Collectors.toMap(CodeSystemSpec::url,
                cs -> Set.copyOf(cs.codes().keySet())));
    }

    /** Every SDK extension URL with the names of its parts, for the tests. */
    static Map<String, Set<String>> partsByExtension() {
        return extensions().stream().collect(Collectors.toMap(ExtensionSpec::url, e -> Stream.concat(
                e.parts().keySet().stream(), e.parts().values().stream().anyMatch(Objects::isNull)
                        ? partsOf(SIGNATURE_PARTS).keySet().stream() : Stream.empty()).collect(Collectors.toSet())));
    }
}
