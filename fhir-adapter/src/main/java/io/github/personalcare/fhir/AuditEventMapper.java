package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditKey;
import io.github.personalcare.audit.AuditKeys;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An {@link AuditRecord} as a UK Core AuditEvent, keeping everything its hash covers so that an
 * imported record still verifies against its chain (R50).
 *
 * <ul>
 *   <li>{@code type}: DICOM {@code 110110} "Patient Record"; {@code subtype}: the standard RESTful
 *       interaction of the action ({@code read}, {@code create} ..., {@link AuditCodes#interaction}),
 *       carrying the exact SDK action ({@code careplan.agree}) in the extension {@link #ACTION_EXTENSION}.
 *       On input the older form, a subtype coding of {@link FhirSystems#SDK_AUDIT_ACTION}, is read too.</li>
 *   <li>{@code outcome}: {@code 0} (success) for PERMIT and SUCCESS, {@code 4} (minor failure) for
 *       DENY, REJECTED and NOT_FOUND ({@link AuditCodes#OUTCOME}); the exact domain outcome is kept
 *       in the record entity.</li>
 *   <li>{@code purposeOfEvent} and {@code agent.purposeOfUse}: the v3 PurposeOfUse code of the
 *       purpose; the caller's reason (a break-glass reason) as {@code purposeOfEvent.text}.</li>
 *   <li>{@code agent}: {@code altId} is the SDK actor reference, exactly; {@code who} points at
 *       the Patient or PractitionerRole, or names the carer's user id or the system.</li>
 *   <li>{@code entity}: the patient (role 1), the subject record by name (role 4), and the record
 *       entity whose {@code detail}s hold chain, sequence, previousHash, hash, keyId, outcome, rule
 *       and correlationId.</li>
 * </ul>
 *
 * <p>On input, a plain SHA-256 record whose hash does not match its content is a problem (rule
 * R50); a keyed record's hash can be checked only with its key, by the audit trail's verify.
 */
public final class AuditEventMapper implements FhirMapper<AuditRecord> {
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "type", "subtype", "recorded",
            "outcome", "purposeOfEvent", "agent", "source", "entity");
    /** The SDK extension on {@code subtype} holding the exact action ({@code careplan.agree}). */
    static final String ACTION_EXTENSION = SdkExtensions.url("audit-action");
    // immutable: built once, not for every AuditEvent read
    private static final AuditKeys UNKEYED = AuditKeys.unkeyed();
    private static final String SECURITY_SOURCE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    private static final String RECORD_DESCRIPTION = "Position of this record in the SDK's audit hash chain";

    /** A mapper; stateless and thread-safe. */
    public AuditEventMapper() {
    }

    @Override
    public String resourceType() {
        return "AuditEvent";
    }

    @Override
    public String profile() {
        return FhirSystems.UKCORE_AUDIT_EVENT;
    }

    @Override
    public ObjectNode toFhir(AuditRecord record) {
        AuditEvent e = record.event();
        ObjectNode r = Elements.resource("AuditEvent", e.id().toString(), profile());
        r.set("type", Elements.coding(FhirSystems.DICOM, AuditCodes.TYPE, AuditCodes.TYPE_DISPLAY));
        ObjectNode subtype = r.putArray("subtype").addObject();
        subtype.putArray("extension").add(SdkExtensions.of(ACTION_EXTENSION, "String", e.action()));
        subtype.put("system", AuditCodes.RESTFUL_INTERACTION);
        subtype.put("code", AuditCodes.interaction(e.action()));
        r.put("recorded", e.at().toString());
        r.put("outcome", AuditCodes.OUTCOME.code(e.outcome()));
        ObjectNode purpose = Elements.concept(Elements.coding(FhirSystems.V3_ACT_REASON, AccessCodes.PURPOSE.code(e.purpose())));
        e.reason().ifPresent(reason -> purpose.put("text", reason));
        r.putArray("purposeOfEvent").add(purpose);
        ObjectNode agent = r.putArray("agent").addObject();
        who(e.actor()).ifPresent(who -> agent.set("who", who));
        agent.put("altId", e.actor());
        agent.put("requestor", true);
        agent.putArray("purposeOfUse").add(Elements.concept(
                Elements.coding(FhirSystems.V3_ACT_REASON, AccessCodes.PURPOSE.code(e.purpose()))));
        ObjectNode source = r.putObject("source");
        source.putObject("observer").put("display", "Personal Care SDK");
        source.putArray("type").add(Elements.coding(SECURITY_SOURCE, "4", "Application Server"));
        ArrayNode entities = r.putArray("entity");
        e.patient().ifPresent(p -> {
            ObjectNode patient = entities.addObject();
            patient.set("what", Elements.reference("Patient", p.value().toString()));
            typeAndRole(patient, AuditCodes.Entity.PATIENT);
        });
        e.subject().ifPresent(s -> {
            ObjectNode subject = entities.addObject();
            typeAndRole(subject, AuditCodes.Entity.SUBJECT);
            subject.put("name", s);
        });
        ObjectNode chain = entities.addObject();
        typeAndRole(chain, AuditCodes.Entity.CHAIN);
        chain.put("description", RECORD_DESCRIPTION);
        ArrayNode details = chain.putArray("detail");
        detail(details, "chain", record.chain());
        detail(details, "sequence", Long.toString(record.sequence()));
        detail(details, "previousHash", record.previousHash());
        detail(details, "hash", record.hash());
        detail(details, "keyId", record.keyId());
        detail(details, "outcome", e.outcome().name());
        if (!e.rule().isEmpty()) {
            detail(details, "rule", e.rule());
        }
        detail(details, "correlationId", e.correlationId());
        return r;
    }

    private static void detail(ArrayNode details, String type, String value) {
        ObjectNode d = details.addObject();
        d.put("type", type);
        d.put("valueString", value);
    }

    private static void typeAndRole(ObjectNode entity, AuditCodes.Entity kind) {
        entity.set("type", Elements.coding(FhirSystems.AUDIT_ENTITY_TYPE, AuditCodes.ENTITY_TYPE.code(kind),
                AuditCodes.ENTITY_TYPE_DISPLAY.code(kind)));
        AuditCodes.ENTITY_ROLE.codeIfAny(kind).ifPresent(role -> entity.set("role",
                Elements.coding(FhirSystems.OBJECT_ROLE, role, AuditCodes.ENTITY_ROLE_DISPLAY.code(kind))));
    }

    private static Optional<ObjectNode> who(String actorReference) {
        Optional<Actor> actor = ActorReferences.parse(actorReference);
        if (actor.isEmpty()) {
            return Optional.empty();
        }
        Actor a = actor.get();
        if (a instanceof Actor.PatientActor p) {
            return Optional.of(Elements.reference("Patient", p.patient().value().toString()));
        }
        if (a instanceof Actor.Professional p) {
            return Optional.of(Elements.reference("PractitionerRole", PractitionerRoleMapper.idFor(p)));
        }
        ObjectNode who = Elements.object();
        if (a instanceof Actor.Carer c) {
            who.put("type", "RelatedPerson");
            who.set("identifier", Elements.identifier(FhirSystems.SDK_USER_ID, c.user().value()));
        } else if (a instanceof Actor.SystemActor s) {
            who.put("display", s.name());
        }
        return Optional.of(who);
    }

    // An entity with a "chain" detail: the SDK's record entity (a foreign event's own details do not count).
    private static boolean holdsChain(FhirElement entity) {
        return entity.objects("detail").stream().anyMatch(d -> d.text("type").filter("chain"::equals).isPresent());
    }

    @Override
    public Optional<AuditRecord> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        r.ignoreAllBut(READ);
        if (r.objects("entity").stream().noneMatch(AuditEventMapper::holdsChain)) {
            // another system's AuditEvent (with or without entity details of its own): one problem, not a list
            // of every SDK element it lacks
            r.problem("entity", "R50", "an AuditEvent without the SDK's chain details cannot join the SDK's "
                    + "append-only, tamper-evident audit trail");
            return Optional.empty();
        }
        Optional<UUID> id = r.requiredText("id", "ID").flatMap(v -> r.convert("id", () -> uuid(v)));
        Optional<String> action = Optional.empty();
        for (FhirElement subtype : r.objects("subtype")) {
            Optional<FhirElement> exact = SdkExtensions.one(subtype, ACTION_EXTENSION, "AUDIT");
            if (exact.isPresent()) {
                action = SdkExtensions.valueText(exact.get(), "String", "AUDIT");
            } else if (subtype.text("system").filter(FhirSystems.SDK_AUDIT_ACTION::equals).isPresent()) {
                // how exports before the standard sub-type wrote the action
                action = subtype.requiredText("code", "AUDIT");
            }
        }
        if (action.isEmpty()) {
            r.problem("subtype", "AUDIT", "a subtype carrying the SDK action (extension " + ACTION_EXTENSION
                    + ", or a coding of the SDK's audit-action code system) is required");
        }
        Optional<Instant> at = r.requiredText("recorded", "REQUIRED").flatMap(v -> instant(r, v));
        Optional<Purpose> purpose = Optional.empty();
        Optional<String> reason = Optional.empty();
        for (FhirElement p : r.objects("purposeOfEvent")) {
            for (FhirElement coding : p.objects("coding")) {
                if (coding.text("system").filter(FhirSystems.V3_ACT_REASON::equals).isPresent()) {
                    purpose = coding.text("code").flatMap(AccessCodes.PURPOSE::fromCode);
                    if (purpose.isEmpty()) {
                        coding.problem("code", "PURPOSE", "is not a purpose of use the SDK knows");
                    }
                    reason = p.text("text");
                }
            }
        }
        if (purpose.isEmpty()) {
            r.problem("purposeOfEvent", "PURPOSE", "a v3 PurposeOfUse coding is required");
        }
        Optional<String> actor = Optional.empty();
        for (FhirElement agent : r.objects("agent")) {
            if (agent.has("altId")) {
                actor = agent.text("altId");
            }
        }
        if (actor.isEmpty()) {
            r.problem("agent", "AUDIT", "an agent whose altId is the SDK actor reference is required");
        }
        Optional<PatientId> patient = Optional.empty();
        Optional<String> subject = Optional.empty();
        Map<String, String> details = new HashMap<>();
        Optional<FhirElement> recordEntity = Optional.empty();
        for (FhirElement entity : r.objects("entity")) {
            Optional<AuditCodes.Entity> role = entity.object("role").flatMap(c -> c.text("code"))
                    .flatMap(AuditCodes.ENTITY_ROLE::fromCode);
            if (role.equals(Optional.of(AuditCodes.Entity.PATIENT))) {
                patient = entity.object("what").flatMap(w -> w.text("reference"))
                        .flatMap(ref -> References.logicalId(ref, "Patient", context))
                        .flatMap(v -> entity.convert("what", () -> PatientId.parse(ForeignIds.uuid(entity, "what", "Patient", v))));
                if (patient.isEmpty()) {
                    entity.problem("what", "AUDIT", "must reference the Patient (Patient/<id> or its Bundle entry)");
                }
            } else if (role.equals(Optional.of(AuditCodes.Entity.SUBJECT))) {
                subject = entity.text("name");
            } else if (entity.has("detail")) {
                recordEntity = Optional.of(entity);
                for (FhirElement d : entity.objects("detail")) {
                    Optional<String> type = d.requiredText("type", "AUDIT");
                    Optional<String> value = d.requiredText("valueString", "AUDIT");
                    if (type.isPresent() && value.isPresent()) {
                        details.put(type.get(), value.get());
                    }
                }
            } else {
                context.ignored(entity.path());
            }
        }
        if (recordEntity.isEmpty()) {
            r.problem("entity", "AUDIT", "the entity holding the audit chain details is required");
            return Optional.empty();
        }
        FhirElement chainEntity = recordEntity.get();
        for (String required : new String[] {"chain", "sequence", "previousHash", "hash", "outcome", "correlationId"}) {
            if (!details.containsKey(required)) {
                chainEntity.problem("detail", "AUDIT", "a detail of type " + required + " is required");
            }
        }
        Optional<AuditOutcome> outcome = Optional.ofNullable(details.get("outcome")).flatMap(AuditEventMapper::outcomeOf);
        if (details.containsKey("outcome") && outcome.isEmpty()) {
            chainEntity.problem("detail", "AUDIT", "outcome must be PERMIT, DENY, SUCCESS or REJECTED");
        }
        Optional<Long> sequence = Optional.ofNullable(details.get("sequence")).flatMap(AuditEventMapper::positive);
        if (details.containsKey("sequence") && sequence.isEmpty()) {
            chainEntity.problem("detail", "AUDIT", "sequence must be a positive whole number");
        }
        Optional<String> fhirOutcome = r.requiredText("outcome", "REQUIRED");
        if (outcome.isPresent() && fhirOutcome.isPresent()
                && !AuditCodes.OUTCOME.code(outcome.get()).equals(fhirOutcome.get())) {
            r.problem("outcome", "AUDIT", "does not agree with the recorded domain outcome");
        }
        if (context.hasProblems() || id.isEmpty() || action.isEmpty() || at.isEmpty() || purpose.isEmpty()
                || actor.isEmpty() || outcome.isEmpty() || sequence.isEmpty()) {
            return Optional.empty();
        }
        Optional<PatientId> patientId = patient;
        Optional<String> subjectName = subject;
        Optional<String> reasonText = reason;
        Optional<String> actorRef = actor;
        Optional<String> actionCode = action;
        Purpose purposeOfUse = purpose.get();
        Optional<AuditEvent> event = r.convert(null, () -> new AuditEvent(id.get(), at.get(), actorRef.get(),
                purposeOfUse, actionCode.get(), patientId, subjectName,
                outcome.get(), details.getOrDefault("rule", ""), reasonText, details.get("correlationId")));
        if (event.isEmpty()) {
            return Optional.empty();
        }
        if (!event.get().chain().equals(details.get("chain"))) {
            chainEntity.problem("detail", "AUDIT", "chain does not match the event's patient");
            return Optional.empty();
        }
        String hash = details.get("hash");
        // Exports from before keyed chains carry no key id: their hashes use the first encoding.
        String keyId = details.getOrDefault("keyId", AuditKey.LEGACY_ID);
        // A plain SHA-256 hash is checked here; a keyed one only by whoever holds the key.
        Optional<AuditKey> plain = UNKEYED.find(keyId);
        if (plain.isPresent() && !AuditChain.hash(plain.get(), details.get("chain"), sequence.get(),
                details.get("previousHash"), event.get()).equals(hash)) {
            chainEntity.problem("detail", "R50", "the record's content does not match its hash");
            return Optional.empty();
        }
        return Optional.of(new AuditRecord(details.get("chain"), sequence.get(), event.get(),
                details.get("previousHash"), hash, keyId));
    }

    private static UUID uuid(String text) {
        return RecordId.uuid("id", text);
    }

    private static Optional<Instant> instant(FhirElement r, String value) {
        try {
            return Optional.of(FhirDateTimes.parseInstant(value));
        } catch (DateTimeParseException e) {
            r.problem("recorded", "DATE", "must be an instant with a time zone");
            return Optional.empty();
        }
    }

    private static Optional<AuditOutcome> outcomeOf(String name) {
        for (AuditOutcome o : AuditOutcome.values()) {
            if (o.name().equals(name)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> positive(String text) {
        try {
            long n = Long.parseLong(text);
            return n >= 1 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
