package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.referral.Referral;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link PatientRecord} as a Bundle, the whole-record export: the Patient, the Organization of
 * the registered practice (never for an S-flagged patient, R49), an Organization, Practitioner
 * and PractitionerRole for each professional, the referrer's Organization and Practitioner for
 * each referral, a ServiceRequest per referral, a Consent per consent record, and an AuditEvent
 * per audit record, in chain order.
 * {@link #toFhir} gives a collection Bundle, {@link #toTransaction} a transaction Bundle.
 *
 * <p>Care teams ({@link CareTeamMapper}, with their carers' RelatedPersons) and care plans
 * ({@link CarePlanMapper}, with their Goals and version snapshots) follow the professionals.
 *
 * <p>R49, fail closed: the record of an S-flagged patient is refused ({@link RuleViolationException}
 * with rule R49) when its registered practice would show anyway, as the organisation of a
 * professional, care-team member, referrer, budget holder or audited actor, because a restricted
 * patient's registered-practice details are never exported. Exporting such a record is a decision
 * for the supplier's clinical-safety officer, not something the SDK does quietly.
 *
 * <p>On input every Bundle that carries resources is read: {@code collection}, {@code transaction},
 * {@code batch}, {@code document} (its Composition is reported as ignored) and {@code searchset}
 * (a search or {@code Patient/$everything} result; {@code match} and {@code include} entries alike,
 * {@code outcome} entries are reported as ignored). A searchset with a {@code next} link is one page
 * of a paged result and is refused ({@code BUNDLE_PAGED}): join the pages with
 * {@link FhirBundles#joinPages} first, since a partial record must not pass for a whole one.
 * {@code transaction-response} and {@code batch-response} Bundles hold a server's outcome of each
 * request, not the record, and are refused ({@code BUNDLE_RESPONSE}); {@code history} and
 * {@code message} Bundles are refused too ({@code BUNDLE_TYPE}).
 *
 * <p>A resource without an {@code id} in an entry whose fullUrl is {@code urn:uuid:<uuid>} (common in
 * transaction Bundles) takes that uuid as its id, with a warning {@code ID_FROM_FULL_URL} at the
 * entry's fullUrl; references to it by the fullUrl or by {@code Type/<uuid>} resolve. Without either
 * it is refused ({@code ID_MISSING}).
 *
 * <p>The Bundle must hold exactly one Patient. Entries are resolved by reference (fullUrl, or
 * {@code Type/id}), never by position, and the record's parts are sorted on their own keys
 * ({@link PatientRecord}), so any order of the entries imports as the same record. Organizations and
 * Practitioners are read through the references to them; entries of other resource types are
 * reported as ignored.
 */
public final class PatientRecordMapper implements FhirMapper<PatientRecord> {
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "type", "entry", "link");
    private static final Set<String> BUNDLE_TYPES = Set.of("collection", "transaction", "batch", "document",
            "searchset");

    private final PatientMapper patients = new PatientMapper();
    private final OrganizationMapper organizations = new OrganizationMapper();
    private final PractitionerMapper practitioners = new PractitionerMapper();
    private final PractitionerRoleMapper roles = new PractitionerRoleMapper();
    private final AuditEventMapper auditEvents = new AuditEventMapper();
    private final CareTeamMapper careTeams = new CareTeamMapper();
    private final CarePlanMapper carePlans = new CarePlanMapper();
    private final ServiceRequestMapper serviceRequests = new ServiceRequestMapper();
    private final ConsentMapper consentMapper = new ConsentMapper();

    /** A mapper; stateless and thread-safe. */
    public PatientRecordMapper() {
    }

    @Override
    public String resourceType() {
        return "Bundle";
    }

    @Override
    public String profile() {
        return "http://hl7.org/fhir/StructureDefinition/Bundle";
    }

    /** @throws RuleViolationException with rule R49 as the class comment says */
    @Override
    public ObjectNode toFhir(PatientRecord record) {
        return FhirBundles.ofOwned(resources(record), false);
    }

    /**
     * The record as a transaction Bundle, for pushing to a FHIR server.
     *
     * @param record the patient's record
     * @return the transaction Bundle
     * @throws RuleViolationException with rule R49 as the class comment says
     */
    public ObjectNode toTransaction(PatientRecord record) {
        return FhirBundles.ofOwned(resources(record), true);
    }

    /**
     * The resources of the record, in Bundle order.
     *
     * @param record the patient's record
     * @return the resources, in Bundle order
     * @throws RuleViolationException with rule R49 if the record is a restricted patient's and would
     *                                show their registered practice
     */
    public List<ObjectNode> resources(PatientRecord record) {
        Patient patient = record.patient();
        List<ObjectNode> out = new ArrayList<>();
        out.add(patients.toFhir(patient));
        if (!patient.has(PatientFlag.SENSITIVE)) {
            patient.registeredPractice().ifPresent(ods -> out.add(organizations.toFhir(ods)));
        }
        for (Actor.Professional p : record.professionals()) {
            out.add(organizations.toFhir(p.organisation()));
            out.add(practitioners.toFhir(p.user()));
            out.add(roles.toFhir(p));
        }
        record.careTeams().forEach(t -> out.addAll(careTeams.resources(t)));
        record.carePlans().forEach(p -> out.addAll(carePlans.resources(p)));
        for (OdsCode ods : BudgetRecordReader.organisations(record.budgets())) {
            out.add(organizations.toFhir(ods));
        }
        out.addAll(BudgetRecordReader.resources(record.budgets(), record.ledger()));
        for (Referral r : record.referrals()) {
            out.add(organizations.toFhir(r.referrer().organisation()));
            out.add(practitioners.toFhir(r.referrer().user()));
        }
        for (Referral r : record.referrals()) {
            out.add(serviceRequests.toFhir(r));
        }
        for (ConsentRecord c : record.consents()) {
            out.add(consentMapper.toFhir(c));
        }
        for (AuditRecord r : record.audit()) {
            out.add(auditEvents.toFhir(r));
        }
        if (patient.has(PatientFlag.SENSITIVE) && patient.registeredPractice().isPresent()
                && reveals(out, patient.registeredPractice().get())) {
            throw new RuleViolationException("R49", "the record of a restricted (S-flagged) patient would show their "
                    + "registered practice (as the organisation of someone who acted on it), so it is not exported");
        }
        return out;
    }

    /**
     * True if any resource names the practice: as an ODS identifier, or inside an SDK actor
     * reference ({@code professional:U1@A81001/ROLE}) as audit records and signatures keep them.
     */
    static boolean reveals(List<ObjectNode> resources, OdsCode practice) {
        String inActor = "@" + practice.value() + "/";
        List<JsonNode> pending = new ArrayList<>(resources);
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            if (node.isTextual()) {
                if (node.asText().contains(inActor)) {
                    return true;
                }
            } else if (node.isObject()) {
                String system = node.path("system").asText("");
                if (OrganizationCodes.ODS_SYSTEMS.contains(system)
                        && practice.value().equals(node.path("value").asText())) {
                    return true;
                }
                node.elements().forEachRemaining(pending::add);
            } else if (node.isArray()) {
                node.elements().forEachRemaining(pending::add);
            }
        }
        return false;
    }

    /** Whether a Bundle of this type carries a whole record; if not, a problem says why. */
    private static boolean readable(FhirElement bundle, String type) {
        switch (type) {
            case "transaction-response", "batch-response" -> {
                bundle.problem("type", "BUNDLE_RESPONSE", "is a server's response: it holds the outcome of each request "
                        + "(status and location), not the record; read the resources back, for example with a search");
                return false;
            }
            case "history" -> {
                bundle.problem("type", "BUNDLE_TYPE", "is a history: it holds past versions of resources, "
                        + "not one current record");
                return false;
            }
            case "message" -> {
                bundle.problem("type", "BUNDLE_TYPE", "is a message: the SDK does not process FHIR messaging");
                return false;
            }
            default -> {
                if (!BUNDLE_TYPES.contains(type)) {
                    bundle.problem("type", "BUNDLE_TYPE", "must be collection, transaction, batch, document or searchset");
                    return false;
                }
            }
        }
        if (type.equals("searchset")) {
            for (FhirElement link : bundle.objects("link")) {
                if (link.text("relation").map("next"::equals).orElse(false)) {
                    link.problem(null, "BUNDLE_PAGED", "the Bundle is one page of a paged search "
                            + "result: join every page (FhirBundles.joinPages) before import");
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public Optional<PatientRecord> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement bundle = root.get();
        bundle.ignoreAllBut(READ);
        Optional<String> type = bundle.requiredText("type", "REQUIRED");
        if (type.isPresent() && !readable(bundle, type.get())) {
            return Optional.empty();
        }
        List<FhirElement> entries = bundle.objects("entry");
        if (entries.size() > PatientRecord.MAX_ENTRIES) {
            bundle.problem("entry", "LIMIT", "has more than " + PatientRecord.MAX_ENTRIES + " entries");
            return Optional.empty();
        }
        Map<String, JsonNode> byFullUrl = new HashMap<>();
        List<FhirElement> resources = new ArrayList<>();
        for (FhirElement entry : entries) {
            Optional<FhirElement> resource = entry.object("resource");
            if (resource.isEmpty()) {
                entry.problem("resource", "REQUIRED", "is required");
                continue;
            }
            FhirElement read = BundleEntries.withIdFromFullUrl(entry, resource.get());
            entry.text("fullUrl").ifPresent(url -> {
                if (byFullUrl.putIfAbsent(url, read.json()) != null) {
                    entry.problem("fullUrl", "BUNDLE", "is used by another entry");
                }
            });
            resources.add(read);
        }
        ImportContext inBundle = context.withEntries(byFullUrl);
        List<Patient> found = new ArrayList<>();
        List<Actor.Professional> professionals = new ArrayList<>();
        List<AuditRecord> audit = new ArrayList<>();
        List<CareTeam> teams = new ArrayList<>();
        List<CarePlan> plans = new ArrayList<>();
        List<Referral> referrals = new ArrayList<>();
        List<ConsentRecord> consents = new ArrayList<>();
        BudgetRecordReader budgets = new BudgetRecordReader(resources);
        for (FhirElement resource : resources) {
            ImportContext at = inBundle.within(resource.path());
            String resourceType = resource.json().path("resourceType").asText("");
            switch (resourceType) {
                case "Patient" -> patients.fromFhir(resource.json(), at).ifPresent(found::add);
                case "PractitionerRole" -> roles.fromFhir(resource.json(), at).ifPresent(professionals::add);
                case "AuditEvent" -> auditEvents.fromFhir(resource.json(), at).ifPresent(audit::add);
                case "ServiceRequest" -> serviceRequests.fromFhir(resource.json(), at).ifPresent(referrals::add);
                case "Consent" -> consentMapper.fromFhir(resource.json(), at).ifPresent(consents::add);
                case "Organization" -> organizations.fromFhir(resource.json(), at);
                case "Practitioner" -> practitioners.fromFhir(resource.json(), at);
                case "CareTeam" -> careTeams.fromFhir(resource.json(), at).ifPresent(teams::add);
                case "CarePlan" -> {
                    if (!CarePlanMapper.isVersionSnapshot(resource.json())) {
                        carePlans.fromFhir(resource.json(), at).ifPresent(plans::add);
                    }
                }
                case "Goal", "RelatedPerson" -> { } // read through the CarePlan and CareTeam that reference them
                case "Account" -> budgets.account(resource, at);
                case "ChargeItem" -> budgets.chargeItem(resource, at);
                default -> context.ignored(resource.path());
            }
        }
        long patientCount = resources.stream()
                .filter(r -> "Patient".equals(r.json().path("resourceType").asText())).count();
        if (patientCount != 1) {
            bundle.problem("entry", "ONE_PATIENT", "must hold exactly one Patient");
        }
        if (found.size() == 1) {
            budgets.check(found.get(0).id(), context);
        }
        if (context.hasProblems() || found.size() != 1) {
            return Optional.empty();
        }
        return bundle.convert("entry", () -> PatientRecord.builder(found.get(0)).professionals(professionals)
                .careTeams(teams).carePlans(plans)
                .budgets(budgets.budgets()).ledger(budgets.ledger())
                .referrals(referrals).consents(consents).audit(audit).build());
    }
}
