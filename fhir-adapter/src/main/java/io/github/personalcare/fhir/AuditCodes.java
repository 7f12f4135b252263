package io.github.personalcare.fhir;

import io.github.personalcare.audit.AuditOutcome;
import java.util.Map;
import java.util.Set;

/**
 * The FHIR R4 codes of an audit record as a UK Core AuditEvent, written by {@link AuditEventMapper}
 * and read back by it.
 */
final class AuditCodes {
    /** {@code AuditEvent.type} of every record: DICOM ({@link FhirSystems#DICOM}) "Patient Record". */
    static final String TYPE = "110110";
    /** The display of {@link #TYPE}. */
    static final String TYPE_DISPLAY = "Patient Record";

    /**
     * {@code AuditEvent.outcome}: {@code 0} (success) for PERMIT and SUCCESS, {@code 4} (minor
     * failure) for DENY, REJECTED and NOT_FOUND, {@code 8} (serious failure) for ERROR. FHIR is coarser than the domain, so no code reads
     * back as an outcome: the exact one is a detail of the record entity, and the FHIR outcome
     * must agree with it.
     */
    static final CodeTable<AuditOutcome> OUTCOME = CodeTable.of(AuditOutcome.class, Map.of(), Map.of(
            AuditOutcome.PERMIT, "0",
            AuditOutcome.SUCCESS, "0",
            AuditOutcome.DENY, "4",
            AuditOutcome.REJECTED, "4",
            AuditOutcome.NOT_FOUND, "4",
            AuditOutcome.ERROR, "8"));

    /** The entities the SDK writes into an AuditEvent. */
    enum Entity {
        /** The patient the record is about. */
        PATIENT,
        /** The record acted on, by name. */
        SUBJECT,
        /** The position of the record in its hash chain, in {@code detail}s. */
        CHAIN
    }

    /** {@code entity.type} ({@link FhirSystems#AUDIT_ENTITY_TYPE}). */
    static final CodeTable<Entity> ENTITY_TYPE = CodeTable.of(Entity.class, Map.of(
            Entity.PATIENT, "1",
            Entity.SUBJECT, "2",
            Entity.CHAIN, "4"));

    /** The code system's display of each {@link #ENTITY_TYPE} code, written beside it and never read. */
    static final CodeTable<Entity> ENTITY_TYPE_DISPLAY = CodeTable.of(Entity.class, Map.of(
            Entity.PATIENT, "Person",
            Entity.SUBJECT, "System Object",
            Entity.CHAIN, "Other"));

    /**
     * {@code entity.role} ({@link FhirSystems#OBJECT_ROLE}), by which the reader tells the
     * entities apart: the chain entity has no role and is known by its details.
     */
    static final CodeTable<Entity> ENTITY_ROLE = CodeTable.partial(Entity.class, Map.of(
            Entity.PATIENT, "1",
            Entity.SUBJECT, "4"), Map.of());

    /** The code system's display of each {@link #ENTITY_ROLE} code, written beside it and never read. */
    static final CodeTable<Entity> ENTITY_ROLE_DISPLAY = CodeTable.partial(Entity.class, Map.of(
            Entity.PATIENT, "Patient",
            Entity.SUBJECT, "Domain Resource"), Map.of());

    /** FHIR's RESTful interactions, which the R4 AuditEvent sub-type value set includes whole. */
    static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";

    /** Verbs (the last part of an action such as {@code careplan.read}) of actions that only read. */
    private static final Set<String> READS = Set.of("read", "open", "get", "view", "accessLog", "balance", "ledger",
            "statement", "changes", "reviews", "history", "current", "forecast", "summary", "records", "verify",
            "version", "export");
    /** Verbs of actions that list or search. */
    private static final Set<String> SEARCHES = Set.of("list", "search", "report");
    /** Verbs of actions that make a new record (a plan draft, a ledger entry, a message ...). */
    private static final Set<String> CREATES = Set.of("draft", "register", "establish", "record", "submit", "post",
            "give", "propose", "request", "book", "allocate", "spend", "refund", "recover", "adjust", "issue",
            "shortlist", "checkpoint");

    private AuditCodes() {
    }

    /**
     * The RESTful interaction ({@link #RESTFUL_INTERACTION}) an SDK action is an instance of, written
     * as the standard {@code AuditEvent.subtype} beside the exact action and never read back: {@code read}
     * for actions that only read, {@code search-type} for lists, {@code create} for actions that make a
     * record, {@code update} for every other change (the SDK deletes nothing). Only the action's last
     * part (its verb) is looked at, so an action added later gets a category without a change here.
     */
    static String interaction(String action) {
        String verb = action.substring(action.lastIndexOf('.') + 1);
        if (READS.contains(verb) || verb.startsWith("read")) {
            return "read";
        }
        if (SEARCHES.contains(verb) || verb.startsWith("report")) {
            return "search-type";
        }
        if (CREATES.contains(verb) || verb.startsWith("add")) {
            return "create";
        }
        return "update";
    }
}
