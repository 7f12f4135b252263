package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.econsult.EconsultCommand;
import io.github.personalcare.econsult.EconsultRequest;
import io.github.personalcare.econsult.EconsultState;
import io.github.personalcare.econsult.EconsultStatus;
import io.github.personalcare.econsult.EconsultTransition;
import io.github.personalcare.econsult.Econsultation;
import io.github.personalcare.econsult.EconsultationId;
import io.github.personalcare.econsult.RedFlag;
import io.github.personalcare.econsult.TriageOutcome;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.referral.ReferralId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An {@link Econsultation} as a UK Core Task: the patient's request to their practice, with the
 * answers as Task inputs and the practice's outcome as Task outputs.
 *
 * <ul>
 *   <li>{@code status}: AWAITING_TRIAGE → requested, URGENT_ADVICE → in-progress (priority
 *       {@code stat}), TRIAGED → completed, WITHDRAWN → cancelled; the exact status in
 *       {@code businessStatus} (SDK code system {@code econsult-status}). {@code intent}: order;
 *       {@code code}: SDK {@code econsult}.</li>
 *   <li>{@code for}: the Patient; {@code owner}: the practice's Organization (ODS);
 *       {@code authoredOn}: when it was submitted; who submitted it (the SDK actor reference) in
 *       the {@code econsult-submitted-by} extension; {@code restriction.period.end}: the due time
 *       while awaiting triage.</li>
 *   <li>{@code input}: {@code problem}, {@code impact}, {@code wish} (String), {@code since}
 *       (Date), and one {@code red-flag} (Coding, SDK code system {@code econsult-red-flag}) per
 *       red flag answered "yes"; types are codes of the SDK code system {@code econsult-input}.</li>
 *   <li>{@code output} once triaged: {@code outcome} (Coding of {@code triage-outcome}),
 *       {@code note} (String), {@code book-by} (Date) or {@code referral} (Reference to the
 *       ServiceRequest) when the outcome has one, {@code triaged-by} (Reference to the
 *       Practitioner); {@code lastModified}: when it was triaged, withdrawn or (urgent) advised.</li>
 * </ul>
 *
 * <p>The history is not written: this state machine has at most one transition, which the
 * reader rebuilds from the state.
 */
public final class EconsultTaskMapper implements FhirMapper<Econsultation> {
    static final String SUBMITTED_BY = "econsult-submitted-by";
    static final String INPUT = "econsult-input";
    static final String OUTPUT = "econsult-output";
    /** The codes of {@link #INPUT}, the parts of the request, in the order written. */
    static final List<String> INPUTS = List.of("problem", "since", "impact", "wish", "red-flag");
    /** The codes of {@link #OUTPUT}, the parts of the triage, in the order written. */
    static final List<String> OUTPUTS = List.of("outcome", "note", "book-by", "referral", "triaged-by");
    /** The SDK code system of {@code Task.code}, and its one code. */
    static final String TASK_CODE_SYSTEM = "task-code";
    static final String TASK_CODE = "econsult";
    static final String TASK_CODE_DISPLAY = "Online consultation request";

    /** A mapper; stateless and thread-safe. */
    public EconsultTaskMapper() {
    }

    @Override
    public String resourceType() {
        return "Task";
    }

    @Override
    public String profile() {
        return FhirSystems.UKCORE_TASK;
    }

    private static String status(EconsultStatus s) {
        return switch (s) {
            case AWAITING_TRIAGE -> "requested";
            case URGENT_ADVICE -> "in-progress";
            case TRIAGED -> "completed";
            case WITHDRAWN -> "cancelled";
        };
    }

    @Override
    public ObjectNode toFhir(Econsultation e) {
        ObjectNode r = Elements.resource("Task", e.id().value().toString(), profile());
        r.putArray("extension").add(PatientFacingFhir.stringExtension(SUBMITTED_BY, e.submittedBy()));
        r.put("status", status(e.status()));
        r.set("businessStatus", Elements.concept(SdkExtensions.coding("econsult-status", e.status())));
        r.put("intent", "order");
        r.put("priority", e.status() == EconsultStatus.URGENT_ADVICE || isUrgentOrigin(e) ? "stat" : "routine");
        r.set("code", Elements.concept(Elements.coding(FhirSystems.SDK_CODES + TASK_CODE_SYSTEM, TASK_CODE,
                TASK_CODE_DISPLAY)));
        r.set("for", Elements.reference("Patient", e.patient().value().toString()));
        r.put("authoredOn", e.submittedAt().toString());
        lastModified(e).ifPresent(at -> r.put("lastModified", at.toString()));
        r.set("owner", OrganizationMapper.referenceTo(e.practice()));
        e.dueBy().ifPresent(due -> r.putObject("restriction").putObject("period").put("end", due.toString()));
        ArrayNode input = r.putArray("input");
        EconsultRequest q = e.request();
        input.add(part(INPUT, "problem").put("valueString", q.problem()));
        input.add(part(INPUT, "since").put("valueDate", q.since().toString()));
        input.add(part(INPUT, "impact").put("valueString", q.impact()));
        input.add(part(INPUT, "wish").put("valueString", q.wish()));
        EnumSet<RedFlag> flags = q.redFlags().isEmpty() ? EnumSet.noneOf(RedFlag.class) : EnumSet.copyOf(q.redFlags());
        flags.forEach(f -> input.add(part(INPUT, "red-flag").set("valueCoding",
                SdkExtensions.coding("econsult-red-flag", f))));
        if (e.state() instanceof EconsultState.Triaged t) {
            ArrayNode output = r.putArray("output");
            output.add(part(OUTPUT, "outcome").set("valueCoding", SdkExtensions.coding("triage-outcome",
                    t.outcome().kind())));
            output.add(part(OUTPUT, "note").put("valueString", t.outcome().note()));
            if (t.outcome() instanceof TriageOutcome.AppointmentOffered a) {
                output.add(part(OUTPUT, "book-by").put("valueDate", a.bookBy().toString()));
            }
            if (t.outcome() instanceof TriageOutcome.ReferralMade m && m.referral().isPresent()) {
                output.add(part(OUTPUT, "referral").set("valueReference",
                        Elements.reference("ServiceRequest", m.referral().get().value().toString())));
            }
            output.add(part(OUTPUT, "triaged-by").set("valueReference", PractitionerMapper.referenceTo(t.by())));
        }
        return r;
    }

    private static boolean isUrgentOrigin(Econsultation e) {
        return e.request().hasRedFlag();
    }

    private static Optional<Instant> lastModified(Econsultation e) {
        EconsultState s = e.state();
        if (s instanceof EconsultState.Triaged t) {
            return Optional.of(t.at());
        }
        if (s instanceof EconsultState.Withdrawn w) {
            return Optional.of(w.at());
        }
        if (s instanceof EconsultState.UrgentAdvice u) {
            return Optional.of(u.at());
        }
        return Optional.empty();
    }

    private static ObjectNode part(String system, String code) {
        ObjectNode p = Elements.object();
        p.set("type", Elements.concept(Elements.coding(FhirSystems.SDK_CODES + system, code)));
        return p;
    }

    @Override
    public Optional<Econsultation> fromFhir(JsonNode json, ImportContext context) {
        PatientFacingFhir in = new PatientFacingFhir(context);
        try {
            if (!"Task".equals(json.path("resourceType").asText())) {
                throw in.problem("resourceType", "RESOURCE_TYPE", "must be Task");
            }
            EconsultationId id = new EconsultationId(in.uuid(json.get("id"), "id"));
            EconsultStatus status = in.code(json.path("businessStatus").path("coding").path(0), "businessStatus",
                    "econsult-status", EconsultStatus.class);
            if (!status(status).equals(json.path("status").asText())) {
                throw in.problem("status", "ECONSULT_STATE", "does not agree with businessStatus");
            }
            PatientId patient = in.patient(json.get("for"), "for");
            OdsCode practice = in.organisation(json.get("owner"), "owner");
            Instant submitted = in.instant(json.get("authoredOn"), "authoredOn");
            String submittedBy = in.stringExtension(json, SUBMITTED_BY)
                    .orElseThrow(() -> in.problem("extension", "REQUIRED", SUBMITTED_BY + " is required"));
            Map<String, JsonNode> inputs = new HashMap<>();
            Set<RedFlag> flags = EnumSet.noneOf(RedFlag.class);
            int i = 0;
            for (JsonNode p : PatientFacingFhir.each(json.get("input"))) {
                JsonNode coding = p.path("type").path("coding").path(0);
                String path = "input[" + i++ + "]";
                if (!(FhirSystems.SDK_CODES + INPUT).equals(coding.path("system").asText())) {
                    throw in.problem(path + ".type", "CODE_SYSTEM", "must be " + FhirSystems.SDK_CODES + INPUT);
                }
                String code = in.text(coding.get("code"), path + ".type.code");
                if (code.equals("red-flag")) {
                    flags.add(in.code(p.get("valueCoding"), path + ".valueCoding", "econsult-red-flag", RedFlag.class));
                } else if (inputs.put(code, p) != null) {
                    throw in.problem(path, "REPEATED", code + " is given twice");
                }
            }
            EconsultRequest request = in.domain("input", () -> new EconsultRequest(
                    in.text(inputs.getOrDefault("problem", Elements.object()).get("valueString"), "input(problem)"),
                    in.date(inputs.getOrDefault("since", Elements.object()).get("valueDate"), "input(since)"),
                    in.text(inputs.getOrDefault("impact", Elements.object()).get("valueString"), "input(impact)"),
                    in.text(inputs.getOrDefault("wish", Elements.object()).get("valueString"), "input(wish)"),
                    flags));
            EconsultStatus initial = request.hasRedFlag() ? EconsultStatus.URGENT_ADVICE : EconsultStatus.AWAITING_TRIAGE;
            EconsultState state;
            List<EconsultTransition> history = List.of();
            switch (status) {
                case AWAITING_TRIAGE -> state = new EconsultState.AwaitingTriage(in.instant(
                        json.path("restriction").path("period").get("end"), "restriction.period.end"));
                case URGENT_ADVICE -> state = in.domain("input", () -> new EconsultState.UrgentAdvice(flags,
                        in.instant(json.get("lastModified"), "lastModified")));
                case WITHDRAWN -> {
                    Instant at = in.instant(json.get("lastModified"), "lastModified");
                    state = new EconsultState.Withdrawn(at);
                    history = List.of(new EconsultTransition(EconsultCommand.Type.WITHDRAW, initial, status, at));
                }
                default -> {
                    Instant at = in.instant(json.get("lastModified"), "lastModified");
                    state = new EconsultState.Triaged(outcome(in, json), triagedBy(in, json), at);
                    history = List.of(new EconsultTransition(EconsultCommand.Type.TRIAGE, initial, status, at));
                }
            }
            if (initial == EconsultStatus.URGENT_ADVICE && status == EconsultStatus.AWAITING_TRIAGE
                    || initial == EconsultStatus.AWAITING_TRIAGE && status == EconsultStatus.URGENT_ADVICE) {
                throw in.problem("businessStatus", "ECONSULT_URGENT", "a request is urgent exactly when a red flag is given");
            }
            EconsultState finalState = state;
            List<EconsultTransition> finalHistory = history;
            return Optional.of(in.domain("Task", () -> new Econsultation(id, patient, practice, submittedBy, request,
                    submitted, finalState, finalHistory)));
        } catch (PatientFacingFhir.Stop stop) {
            return Optional.empty();
        }
    }

    private static Map<String, JsonNode> outputs(PatientFacingFhir in, JsonNode json) {
        Map<String, JsonNode> out = new HashMap<>();
        int i = 0;
        for (JsonNode p : PatientFacingFhir.each(json.get("output"))) {
            JsonNode coding = p.path("type").path("coding").path(0);
            String path = "output[" + i++ + "]";
            if (!(FhirSystems.SDK_CODES + OUTPUT).equals(coding.path("system").asText())) {
                throw in.problem(path + ".type", "CODE_SYSTEM", "must be " + FhirSystems.SDK_CODES + OUTPUT);
            }
            if (out.put(in.text(coding.get("code"), path + ".type.code"), p) != null) {
                throw in.problem(path, "REPEATED", "is given twice");
            }
        }
        return out;
    }

    private static JsonNode output(PatientFacingFhir in, Map<String, JsonNode> out, String code) {
        JsonNode p = out.get(code);
        if (p == null) {
            throw in.problem("output(" + code + ")", "REQUIRED", "is required once triaged");
        }
        return p;
    }

    private static TriageOutcome outcome(PatientFacingFhir in, JsonNode json) {
        Map<String, JsonNode> out = outputs(in, json);
        TriageOutcome.Kind kind = in.code(output(in, out, "outcome").get("valueCoding"), "output(outcome)",
                "triage-outcome", TriageOutcome.Kind.class);
        String note = in.text(output(in, out, "note").get("valueString"), "output(note)");
        return in.domain("output", () -> switch (kind) {
            case SELF_CARE_ADVICE -> new TriageOutcome.SelfCareAdvice(note);
            case APPOINTMENT_OFFERED -> new TriageOutcome.AppointmentOffered(note,
                    in.date(output(in, out, "book-by").get("valueDate"), "output(book-by)"));
            case PRESCRIPTION_ISSUED -> new TriageOutcome.PrescriptionIssued(note);
            case REFERRAL_MADE -> new TriageOutcome.ReferralMade(note, out.containsKey("referral")
                    ? Optional.of(new ReferralId(UUID.fromString(in.text(out.get("referral").path("valueReference")
                            .get("reference"), "output(referral)").replaceFirst("^ServiceRequest/", ""))))
                    : Optional.empty());
            case REPLY_BY_MESSAGE -> new TriageOutcome.ReplyByMessage(note);
        });
    }

    private static UserId triagedBy(PatientFacingFhir in, JsonNode json) {
        JsonNode ref = output(in, outputs(in, json), "triaged-by").get("valueReference");
        JsonNode identifier = ref == null ? null : ref.get("identifier");
        if (identifier == null || !FhirSystems.SDK_USER_ID.equals(identifier.path("system").asText())) {
            throw in.problem("output(triaged-by)", "REFERENCE", "must identify the Practitioner by SDK user id");
        }
        return in.domain("output(triaged-by)", () -> UserId.of(in.text(identifier.get("value"),
                "output(triaged-by).identifier.value")));
    }
}
