package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentCategory;
import io.github.personalcare.consent.ConsentId;
import io.github.personalcare.consent.ConsentPeriod;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentStatus;
import io.github.personalcare.consent.ConsentTerms;
import io.github.personalcare.consent.DataPeriod;
import io.github.personalcare.consent.LegalAuthority;
import io.github.personalcare.consent.Performer;
import io.github.personalcare.consent.PolicyReference;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.consent.ProvisionActor;
import io.github.personalcare.consent.ProvisionType;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ConsentRecord} as a UK Core Consent (domain notes §4.8).
 *
 * <ul>
 *   <li>{@code status}, {@code scope} (consentscope), {@code category} (INFA), {@code dateTime}
 *       (when recorded or last changed) and {@code patient}, always present (R44).</li>
 *   <li>{@code performer}: the Patient, or a representative as a RelatedPerson by user id with
 *       the legal authority in the SDK extension {@code consent-legal-authority}.</li>
 *   <li>{@code policy}: the base policy first, as the SDK's policy URI for opt-in or opt-out
 *       ({@link ConsentCodes#BASE_POLICY_URI}), then the policies it is given under (authority,
 *       uri); at least one is always written, as the domain requires (ppc-1, R44). On input a v3
 *       ActCode OPTIN / OPTOUT {@code policyRule}, as other systems write it, is read too.</li>
 *   <li>{@code provision}: the root has no {@code type} (R43), every nested one has one; period,
 *       actors (person or organisation by identifier with role IRCP; a professional role or a
 *       relationship kind as role IRCP carrying the SDK role in the extension {@link #ACTOR_ROLE},
 *       the reference naming the group by display), actions (consentaction), purposes (v3 PurposeOfUse), data classes
 *       ({@code class}, as the FHIR resource type of each, {@link ConsentCodes#DATA_CLASS}) and
 *       sensitivity labels ({@code securityLabel}: the standard label, {@link ConsentCodes#LABEL},
 *       with the SDK label in the extension {@link #LABEL}), dataPeriod, nested provisions. An
 *       empty root and empty periods are left out. On input the SDK's own data-class and
 *       sensitivity-label codings, and actor roles, of earlier exports are read too.</li>
 * </ul>
 *
 * <p>On input a Consent without patient, or without policy and policyRule, is refused (R44), as
 * is an untyped nested provision (R43) and overlapping contradicting siblings (R45). A typed root
 * provision, which other systems write, is read as an untyped root holding one nested provision
 * with that type and the root's conditions, with a warning {@code ROOT_PROVISION_TYPED}.
 */
public final class ConsentMapper implements FhirMapper<ConsentRecord> {
    static final String LEGAL_AUTHORITY = FhirSystems.SDK_BASE + "/StructureDefinition/consent-legal-authority";
    /** The SDK extension on an actor's role coding holding the SDK professional role or relationship kind. */
    static final String ACTOR_ROLE = FhirSystems.SDK_BASE + "/StructureDefinition/consent-actor-role";
    /** The SDK extension on a {@code securityLabel} coding holding the exact SDK sensitivity label. */
    static final String LABEL = FhirSystems.SDK_BASE + "/StructureDefinition/consent-sensitivity-label";
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "status", "scope", "category",
            "patient", "dateTime", "performer", "policy", "policyRule", "provision");
    private static final Set<String> PROVISION_READ = Set.of("type", "period", "actor", "action", "securityLabel",
            "purpose", "class", "dataPeriod", "provision");

    /** A mapper; stateless and thread-safe. */
    public ConsentMapper() {
    }

    @Override
    public String resourceType() {
        return "Consent";
    }

    @Override
    public String profile() {
        return FhirSystems.UKCORE_CONSENT;
    }

    @Override
    public ObjectNode toFhir(ConsentRecord consent) {
        ConsentTerms terms = consent.terms();
        ObjectNode r = Elements.resource("Consent", consent.id().value().toString(), profile());
        r.put("status", ConsentCodes.STATUS.code(consent.status()));
        r.set("scope", Elements.concept(Elements.coding(FhirSystems.CONSENT_SCOPE, ConsentCodes.SCOPE.code(terms.scope()))));
        ArrayNode categories = r.putArray("category");
        terms.categories().forEach(c -> categories.add(Elements.concept(Elements.coding(ConsentCodes.CATEGORY_SYSTEM,
                ConsentCodes.CATEGORY.code(c)))));
        r.set("patient", Elements.reference("Patient", consent.patient().value().toString()));
        r.put("dateTime", consent.recordedAt().toString());
        r.putArray("performer").add(performer(terms.performer(), consent.patient()));
        if (!terms.policies().isEmpty() || terms.policyRule().isPresent()) {
            ArrayNode policies = r.putArray("policy");
            terms.policyRule().ifPresent(rule -> policies.addObject()
                    .put("uri", ConsentCodes.BASE_POLICY_URI.code(rule)));
            for (PolicyReference p : terms.policies()) {
                ObjectNode policy = policies.addObject();
                p.authority().ifPresent(a -> policy.put("authority", a));
                policy.put("uri", p.uri());
            }
        }
        ObjectNode provision = provision(terms.provision());
        if (!provision.isEmpty()) {
            r.set("provision", provision);
        }
        return r;
    }

    private static ObjectNode performer(Performer performer, PatientId patient) {
        if (performer instanceof Performer.Representative rep) {
            ObjectNode ref = Elements.object();
            ref.putArray("extension").add(SdkExtensions.of(LEGAL_AUTHORITY, "Coding",
                    SdkExtensions.coding("legal-authority", rep.authority())));
            ref.put("type", "RelatedPerson");
            ref.set("identifier", Elements.identifier(FhirSystems.SDK_USER_ID, rep.user().value()));
            return ref;
        }
        return Elements.reference("Patient", patient.value().toString());
    }

    private static ObjectNode provision(Provision p) {
        ObjectNode out = Elements.object();
        p.type().ifPresent(t -> out.put("type", ConsentCodes.PROVISION_TYPE.code(t)));
        p.period().ifPresent(period -> {
            ObjectNode node = Elements.object();
            period.start().ifPresent(s -> node.put("start", s.toString()));
            period.end().ifPresent(e -> node.put("end", e.toString()));
            if (!node.isEmpty()) {
                out.set("period", node);
            }
        });
        if (!p.actors().isEmpty()) {
            ArrayNode actors = out.putArray("actor");
            p.actors().forEach(a -> actors.add(actor(a)));
        }
        if (!p.actions().isEmpty()) {
            ArrayNode actions = out.putArray("action");
            p.actions().forEach(a -> actions.add(Elements.concept(Elements.coding(FhirSystems.CONSENT_ACTION,
                    AccessCodes.ACTION.code(a)))));
        }
        if (!p.labels().isEmpty()) {
            ArrayNode labels = out.putArray("securityLabel");
            p.labels().forEach(l -> {
                ObjectNode label = labels.addObject();
                label.putArray("extension").add(SdkExtensions.of(LABEL, "Coding",
                        SdkExtensions.coding("sensitivity-label", l)));
                label.put("system", ConsentCodes.labelSystem(l));
                label.put("code", ConsentCodes.LABEL.code(l));
            });
        }
        if (!p.purposes().isEmpty()) {
            ArrayNode purposes = out.putArray("purpose");
            p.purposes().forEach(x -> purposes.add(Elements.coding(FhirSystems.V3_ACT_REASON,
                    AccessCodes.PURPOSE.code(x))));
        }
        if (!p.dataClasses().isEmpty()) {
            ArrayNode classes = out.putArray("class");
            p.dataClasses().forEach(c -> classes.add(Elements.coding(ConsentCodes.RESOURCE_TYPES,
                    ConsentCodes.DATA_CLASS.code(c))));
        }
        p.dataPeriod().ifPresent(period -> {
            ObjectNode node = Elements.object();
            period.start().ifPresent(s -> node.put("start", s.toString()));
            period.end().ifPresent(e -> node.put("end", e.toString()));
            if (!node.isEmpty()) {
                out.set("dataPeriod", node);
            }
        });
        if (!p.provisions().isEmpty()) {
            ArrayNode nested = out.putArray("provision");
            p.provisions().forEach(child -> nested.add(provision(child)));
        }
        return out;
    }

    private static ObjectNode actor(ProvisionActor a) {
        ObjectNode actor = Elements.object();
        ObjectNode reference = Elements.object();
        if (a instanceof ProvisionActor.Person person) {
            actor.set("role", recipientRole());
            reference.set("identifier", Elements.identifier(FhirSystems.SDK_USER_ID, person.user().value()));
        } else if (a instanceof ProvisionActor.Organisation org) {
            actor.set("role", recipientRole());
            reference.put("type", "Organization");
            reference.set("identifier", OrganizationCodes.identifier(org.organisation()));
        } else if (a instanceof ProvisionActor.Role role) {
            actor.set("role", recipient(Elements.coding(FhirSystems.SDK_PROFESSIONAL_ROLE, role.role().name())));
            reference.put("display", "Any professional acting in this role");
        } else if (a instanceof ProvisionActor.Related related) {
            actor.set("role", recipient(SdkExtensions.coding("relationship-kind", related.kind())));
            reference.put("display", "Anyone with this relationship to the patient");
        }
        actor.set("reference", reference);
        return actor;
    }

    // The standard role (R4 security-role-type: whoever the actor names receives information), carrying
    // the SDK's role of the group in an extension: a second coding beside it fails the extensible binding.
    private static ObjectNode recipient(ObjectNode sdkRole) {
        ObjectNode coding = Elements.object();
        coding.putArray("extension").add(SdkExtensions.of(ACTOR_ROLE, "Coding", sdkRole));
        coding.put("system", FhirSystems.V3_PARTICIPATION_TYPE);
        coding.put("code", ConsentCodes.RECIPIENT);
        return Elements.concept(coding);
    }

    private static ObjectNode recipientRole() {
        return Elements.concept(Elements.coding(FhirSystems.V3_PARTICIPATION_TYPE, ConsentCodes.RECIPIENT));
    }

    @Override
    public Optional<ConsentRecord> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        r.ignoreAllBut(READ);
        Optional<ConsentId> id = ForeignIds.id(r, "Consent").flatMap(v -> r.convert("id", () -> ConsentId.parse(v)));
        Optional<ConsentStatus> status = r.requiredText("status", "REQUIRED")
                .flatMap(v -> r.convert("status", () -> ConsentCodes.STATUS.read(v, "status", "CODE",
                        "is not a known consent status")));
        Optional<ConsentScope> scope = scope(r);
        Optional<List<ConsentCategory>> categories = categories(r, scope);
        Optional<PatientId> patient = patient(r);
        Optional<Instant> recordedAt = r.requiredText("dateTime", "REQUIRED")
                .flatMap(v -> FhirDateTimes.start(r, "dateTime", v));
        Optional<Performer> performer = performer(r, patient);
        List<BasePolicy> basePolicies = new ArrayList<>();
        Optional<List<PolicyReference>> policies = policies(r, basePolicies);
        Optional<Optional<BasePolicy>> policyRule = basePolicy(r, basePolicies, policyRule(r));
        if (policies.isPresent() && policies.get().isEmpty() && policyRule.isPresent() && policyRule.get().isEmpty()) {
            r.problem("policy", "R44", "a consent needs a policy or a policyRule (ppc-1)");
        }
        Optional<Provision> provision = r.object("provision").map(p -> provision(p, true))
                .orElseGet(() -> r.has("provision") ? Optional.empty() : Optional.of(Provision.root().build()));
        if (context.hasProblems() || id.isEmpty() || status.isEmpty() || scope.isEmpty() || categories.isEmpty()
                || patient.isEmpty() || recordedAt.isEmpty() || performer.isEmpty() || policies.isEmpty()
                || policyRule.isEmpty() || provision.isEmpty()) {
            return Optional.empty();
        }
        Optional<ConsentTerms> terms = SdkExtensions.build(r, null, () -> new ConsentTerms(scope.get(),
                categories.get(), performer.get(), policies.get(), policyRule.get(), provision.get()));
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        return SdkExtensions.build(r, null, () -> new ConsentRecord(id.get(), patient.get(), status.get(),
                recordedAt.get(), terms.get()));
    }

    private static Optional<ConsentScope> scope(FhirElement r) {
        Optional<FhirElement> scope = r.object("scope");
        if (scope.isEmpty()) {
            r.problem("scope", "REQUIRED", "is required");
            return Optional.empty();
        }
        for (FhirElement coding : scope.get().objects("coding")) {
            if (coding.text("system").filter(FhirSystems.CONSENT_SCOPE::equals).isPresent()) {
                return coding.requiredText("code", "CODE").flatMap(v -> coding.convert("code",
                        () -> ConsentCodes.SCOPE.read(v, "scope", "CODE", "is not a known consent scope")));
            }
        }
        scope.get().problem("coding", "CODE", "a coding of " + FhirSystems.CONSENT_SCOPE + " is required");
        return Optional.empty();
    }

    private static Optional<List<ConsentCategory>> categories(FhirElement r, Optional<ConsentScope> scope) {
        List<ConsentCategory> out = new ArrayList<>();
        for (FhirElement category : r.objects("category")) {
            boolean known = false;
            for (FhirElement coding : category.objects("coding")) {
                String system = coding.text("system").orElse("");
                String code = coding.text("code").orElse("");
                Optional<ConsentCategory> c = system.equals(ConsentCodes.CATEGORY_SYSTEM)
                        ? ConsentCodes.CATEGORY.fromCode(code) : Optional.empty();
                if (c.isPresent()) {
                    out.add(c.get());
                    known = true;
                }
            }
            if (!known) {
                r.context().ignored(category.path());
            }
        }
        if (out.isEmpty() && scope.filter(ConsentScope.PATIENT_PRIVACY::equals).isPresent()) {
            // another system's category (LOINC 59284-0 "Patient Consent", ...) on a privacy consent: the scope says
            // it governs access to information, which is the one category the domain knows
            r.warning("category", "CATEGORY_FROM_SCOPE",
                    "no v3-ActCode INFA category: a patient-privacy consent is read as information access");
            return Optional.of(List.of(ConsentCategory.INFORMATION_ACCESS));
        }
        if (out.isEmpty()) {
            r.problem("category", "CODE", "needs a category the SDK knows (v3-ActCode INFA), or scope patient-privacy");
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private static Optional<PatientId> patient(FhirElement r) {
        Optional<FhirElement> patient = r.object("patient");
        if (patient.isEmpty()) {
            r.problem("patient", "R44", "a consent must name its patient");
            return Optional.empty();
        }
        Optional<String> id = patient.get().text("reference")
                .flatMap(ref -> References.logicalId(ref, "Patient", r.context()));
        if (id.isEmpty()) {
            patient.get().problem("reference", "R44", "must reference the Patient (Patient/<id> or its Bundle entry)");
            return Optional.empty();
        }
        return patient.get().convert("reference",
                () -> PatientId.parse(ForeignIds.uuid(patient.get(), "reference", "Patient", id.get())));
    }

    private static Optional<Performer> performer(FhirElement r, Optional<PatientId> patient) {
        List<FhirElement> performers = r.objects("performer");
        if (performers.isEmpty()) {
            // FHIR allows a Consent without performer; the domain's default is the patient (ConsentTerms.builder)
            r.warning("performer", "PERFORMER_DEFAULTED", "is missing: read as the patient, the domain's default");
            return Optional.of(Performer.patient());
        }
        if (performers.size() > 1) {
            performers.get(1).problem(null, "PERFORMER", "the SDK records one performer: who gave the consent");
            return Optional.empty();
        }
        FhirElement p = performers.get(0);
        Optional<FhirElement> authority = SdkExtensions.one(p, LEGAL_AUTHORITY, "PERFORMER");
        if (authority.isEmpty()) {
            Optional<String> id = p.text("reference").flatMap(ref -> References.logicalId(ref, "Patient", r.context()));
            if (id.isEmpty()) {
                // R46/R47: someone other than the patient consents only with a recorded legal authority
                p.problem(null, "PERFORMER_AUTHORITY", "must be the Patient, or a representative with a legal authority "
                        + "extension (R46, R47)");
                return Optional.empty();
            }
            if (patient.isPresent()
                    && !patient.get().value().toString().equals(ForeignIds.uuid(p, "reference", "Patient", id.get()))) {
                p.problem("reference", "ONE_PATIENT", "must be the consent's own patient");
                return Optional.empty();
            }
            return Optional.of(Performer.patient());
        }
        Optional<LegalAuthority> legal = SdkExtensions.decodeValue(authority.get(), "legal-authority",
                LegalAuthority.class, "PERFORMER");
        Optional<String> user = References.identifier(p, "RelatedPerson", PractitionerMapper.USER_SYSTEMS);
        if (user.isEmpty()) {
            p.problem("identifier", "PERFORMER", "a representative must carry a user id identifier");
            return Optional.empty();
        }
        Optional<UserId> userId = p.convert("identifier", () -> UserId.of(user.get()));
        if (legal.isEmpty() || userId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Performer.representative(userId.get(), legal.get()));
    }

    // The policies the consent is given under; a policy whose uri is the SDK's base-policy URI is the base
    // policy (ConsentCodes.BASE_POLICY_URI), added to basePolicies instead.
    private static Optional<List<PolicyReference>> policies(FhirElement r, List<BasePolicy> basePolicies) {
        List<PolicyReference> out = new ArrayList<>();
        boolean ok = true;
        for (FhirElement policy : r.objects("policy")) {
            Optional<String> authority = policy.text("authority");
            Optional<String> uri = policy.requiredText("uri", "R44");
            Optional<BasePolicy> base = uri.flatMap(ConsentCodes.BASE_POLICY_URI::fromCode);
            if (base.isPresent()) {
                basePolicies.add(base.get());
                continue;
            }
            Optional<PolicyReference> ref = uri.flatMap(u -> policy.convert(null, () -> new PolicyReference(authority, u)));
            if (ref.isPresent()) {
                out.add(ref.get());
            } else {
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    /**
     * A provision's security label: the SDK label in its extension on a standard coding (exact), the
     * SDK coding itself (older exports), or a v3 ActCode sensitivity code of another system read by
     * {@link ConsentCodes#V3_LABELS}. Never dropped (clinical safety, fail closed): a label narrows
     * what its provision covers, so leaving one out would widen a permit (or, under a deny, a permit
     * nested in it). A code that names only part of an SDK label is read as the whole label only on a
     * deny provision with nothing nested in it, where that withholds more and permits nothing more
     * ({@code SECURITY_LABEL_WIDENED}); elsewhere it is refused ({@code SECURITY_LABEL_PART}). A v3
     * confidentiality level (N, R, V ...) grades data, it names no kind of information the engine can
     * test ({@code SECURITY_LABEL_LEVEL}); any other code is refused ({@code SECURITY_LABEL}).
     */
    private static Optional<SensitivityLabel> label(FhirElement coding, boolean leafDeny) {
        Optional<FhirElement> exact = SdkExtensions.one(coding, LABEL, "SECURITY_LABEL");
        if (exact.isPresent()) {
            return SdkExtensions.decodeValue(exact.get(), "sensitivity-label", SensitivityLabel.class,
                    "SECURITY_LABEL");
        }
        String system = coding.text("system").orElse("");
        if (system.equals(FhirSystems.V3_CONFIDENTIALITY)) {
            coding.problem("code", "SECURITY_LABEL_LEVEL", "a confidentiality level grades data but names no kind "
                    + "of information: the engine cannot test it, and dropping it would widen the provision (R45)");
            return Optional.empty();
        }
        if (!system.equals(FhirSystems.V3_ACT_CODE)) {
            return SdkExtensions.decode(coding, "sensitivity-label", SensitivityLabel.class, "SECURITY_LABEL");
        }
        Optional<String> code = coding.requiredText("code", "SECURITY_LABEL");
        if (code.isEmpty()) {
            return Optional.empty();
        }
        ConsentCodes.V3Label v3 = ConsentCodes.V3_LABELS.get(code.get());
        if (v3 == null) {
            coding.problem("code", "SECURITY_LABEL", "is a v3 ActCode that names no SDK sensitivity label: the engine "
                    + "cannot test it, and dropping it would widen the provision (R45)");
            return Optional.empty();
        }
        if (v3.fit() == ConsentCodes.LabelFit.SAME) {
            if (!code.get().equals(ConsentCodes.LABEL.code(v3.label()))) {
                coding.warning("code", "SECURITY_LABEL_SYNONYM", "read as the SDK sensitivity label of the same "
                        + "meaning");
            }
            return Optional.of(v3.label());
        }
        if (!leafDeny) {
            coding.problem("code", "SECURITY_LABEL_PART", "names part of an SDK sensitivity label: read as the whole "
                    + "label it would widen this provision, so it is read only on a deny provision with nothing "
                    + "nested in it (R45)");
            return Optional.empty();
        }
        coding.warning("code", "SECURITY_LABEL_WIDENED", "names part of an SDK sensitivity label: this deny "
                + "provision is read as denying the whole label, withholding more and never less");
        return Optional.of(v3.label());
    }

    /**
     * The one base policy: from the SDK's policy URI (what the SDK writes) or from a v3 OPTIN/OPTOUT
     * {@code policyRule} (what other systems, and HL7's examples, write); both may be present if they
     * agree. Two that differ leave the consent without a computable base, which is refused
     * ({@code BASE_POLICY}, R44): guessing one could share what the patient kept back.
     */
    private static Optional<Optional<BasePolicy>> basePolicy(FhirElement r, List<BasePolicy> fromUris,
            Optional<Optional<BasePolicy>> fromRule) {
        if (fromRule.isEmpty()) {
            return fromRule;
        }
        List<BasePolicy> all = new ArrayList<>(fromUris);
        fromRule.get().ifPresent(all::add);
        if (all.stream().distinct().count() > 1) {
            r.problem("policy", "BASE_POLICY", "names both opt-in and opt-out as the base policy (R44)");
            return Optional.empty();
        }
        return Optional.of(all.stream().findFirst());
    }

    private static Optional<Optional<BasePolicy>> policyRule(FhirElement r) {
        Optional<FhirElement> rule = r.object("policyRule");
        if (rule.isEmpty()) {
            return r.has("policyRule") ? Optional.empty() : Optional.of(Optional.empty());
        }
        for (FhirElement coding : rule.get().objects("coding")) {
            if (coding.text("system").filter(FhirSystems.V3_ACT_CODE::equals).isPresent()) {
                Optional<String> code = coding.requiredText("code", "CODE");
                Optional<BasePolicy> p = code.flatMap(ConsentCodes.BASE_POLICY::fromCode);
                if (p.isPresent()) {
                    return Optional.of(p);
                }
                coding.problem("code", "CODE", "must be OPTIN or OPTOUT");
                return Optional.empty();
            }
        }
        rule.get().problem("coding", "CODE", "a v3 ActCode OPTIN or OPTOUT coding is required");
        return Optional.empty();
    }

    private static Optional<Provision> provision(FhirElement p, boolean isRoot) {
        if (isRoot && p.has("type")) {
            // R43 keeps the base policy the consent's own (policy URI or policyRule); a typed root (common in
            // R4 examples) says "permit or deny when these conditions are met", which is what one nested
            // provision under an untyped root says.
            p.warning("type", "ROOT_PROVISION_TYPED", "the root provision has a type: read as an untyped root "
                    + "holding one nested provision with that type and the root's conditions (R43)");
            return provision(p, false).flatMap(inner -> SdkExtensions.build(p, null,
                    () -> Provision.root().provision(inner).build()));
        }
        for (Iterator<String> names = p.json().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PROVISION_READ.contains(name)) {
                p.context().ignored(p.path() + "." + name);
            }
        }
        Optional<ProvisionType> type = Optional.empty();
        Optional<String> typeCode = p.text("type");
        if (!isRoot) {
            if (typeCode.isEmpty()) {
                p.problem("type", "R43", "a nested provision must say permit or deny");
                return Optional.empty();
            }
            type = ConsentCodes.PROVISION_TYPE.fromCode(typeCode.get());
            if (type.isEmpty()) {
                p.problem("type", "R43", "must be permit or deny");
                return Optional.empty();
            }
        }
        Optional<ConsentPeriod> period = Optional.empty();
        Optional<FhirElement> periodElement = p.object("period");
        if (periodElement.isPresent()) {
            FhirElement x = periodElement.get();
            Optional<Instant> start = x.text("start").flatMap(v -> FhirDateTimes.start(x, "start", v));
            Optional<Instant> end = x.text("end").flatMap(v -> FhirDateTimes.end(x, "end", v));
            if (x.has("start") != start.isPresent() || x.has("end") != end.isPresent()) {
                return Optional.empty();
            }
            period = SdkExtensions.build(x, null, () -> new ConsentPeriod(start, end));
            if (period.isEmpty()) {
                return Optional.empty();
            }
        }
        Optional<List<ProvisionActor>> actors = SdkExtensions.each(p.objects("actor"), ConsentMapper::actor);
        Optional<List<AccessAction>> actions = SdkExtensions.each(p.objects("action"), ConsentMapper::action);
        boolean leafDeny = type.filter(t -> t == ProvisionType.DENY).isPresent()
                && p.json().path("provision").isEmpty();
        Optional<List<SensitivityLabel>> labels = SdkExtensions.each(p.objects("securityLabel"),
                coding -> label(coding, leafDeny));
        Optional<List<Purpose>> purposes = SdkExtensions.each(p.objects("purpose"), ConsentMapper::purpose);
        Optional<List<DataClass>> classes = SdkExtensions.each(p.objects("class"), ConsentMapper::dataClass);
        Optional<DataPeriod> dataPeriod = Optional.empty();
        Optional<FhirElement> dataPeriodElement = p.object("dataPeriod");
        if (dataPeriodElement.isPresent()) {
            FhirElement x = dataPeriodElement.get();
            Optional<LocalDate> start = x.text("start").flatMap(v -> SdkExtensions.date(x, "start", v));
            Optional<LocalDate> end = x.text("end").flatMap(v -> SdkExtensions.date(x, "end", v));
            if (x.has("start") != start.isPresent() || x.has("end") != end.isPresent()) {
                return Optional.empty();
            }
            dataPeriod = SdkExtensions.build(x, null, () -> new DataPeriod(start, end));
            if (dataPeriod.isEmpty()) {
                return Optional.empty();
            }
        }
        Optional<List<Provision>> nested = SdkExtensions.each(p.objects("provision"), child -> provision(child, false));
        if (actors.isEmpty() || actions.isEmpty() || labels.isEmpty() || purposes.isEmpty() || classes.isEmpty()
                || nested.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProvisionType> t = type;
        Optional<ConsentPeriod> inForce = period;
        Optional<DataPeriod> data = dataPeriod;
        return SdkExtensions.build(p, null, () -> new Provision(t, inForce, actors.get(), actions.get(),
                classes.get(), labels.get(), purposes.get(), data, nested.get()));
    }

    private static Optional<ProvisionActor> actor(FhirElement actor) {
        Optional<FhirElement> role = actor.object("role");
        Optional<FhirElement> reference = actor.object("reference");
        if (role.isEmpty() || reference.isEmpty()) {
            // a conformance error (both are 1..1 in R4), not an actor the engine cannot match
            actor.problem(null, "REQUIRED", "an actor needs a role and a reference");
            return Optional.empty();
        }
        for (FhirElement standard : role.get().objects("coding")) {
            // the SDK role in its extension on the standard coding, or as a coding itself (older exports)
            Optional<FhirElement> exact = SdkExtensions.one(standard, ACTOR_ROLE, "ACTOR")
                    .flatMap(e -> SdkExtensions.valueObject(e, "Coding", "ACTOR"));
            FhirElement coding = exact.orElse(standard);
            String system = coding.text("system").orElse("");
            if (system.equals(FhirSystems.SDK_PROFESSIONAL_ROLE)) {
                Optional<String> code = coding.requiredText("code", "ACTOR");
                for (ProfessionalRole r : ProfessionalRole.values()) {
                    if (code.isPresent() && r.name().equals(code.get())) {
                        return Optional.of(ProvisionActor.role(r));
                    }
                }
                coding.problem("code", "ACTOR", "is not a role of the SDK's professional-role code system");
                return Optional.empty();
            }
            if (system.equals(FhirSystems.SDK_CODES + "relationship-kind")) {
                return SdkExtensions.decode(coding, "relationship-kind", RelationshipKind.class, "ACTOR")
                        .map(ProvisionActor::related);
            }
        }
        FhirElement ref = reference.get();
        Optional<String> user = References.identifier(ref, "Practitioner", PractitionerMapper.USER_SYSTEMS);
        if (user.isPresent()) {
            return ref.convert("identifier", () -> ProvisionActor.person(UserId.of(user.get())));
        }
        Optional<References.Identifier> ods = References.identifierOf(ref, "Organization",
                OrganizationCodes.ODS_SYSTEMS);
        if (ods.isPresent()) {
            return ref.convert("identifier", () -> ProvisionActor.organisation(OrganizationCodes.odsCode(ods.get())));
        }
        Optional<String> target = ref.text("reference");
        if (target.filter(t -> t.startsWith("Practitioner/")).isPresent()) {
            // the same user id a Practitioner import gives this professional (registration number or derived)
            return PractitionerMapper.referenced(ref).map(ProvisionActor::person);
        }
        if (target.filter(t -> t.startsWith("Organization/")).isPresent()) {
            ref.problem(null, "R5", "an organisation is known to the SDK by its ODS code: the reference carries none");
            return Optional.empty();
        }
        ref.problem(null, "ACTOR", "must name a person by user id or an organisation by ODS code, or the actor's "
                + "role must be an SDK professional role or relationship kind");
        return Optional.empty();
    }

    /**
     * A data class: the resource type the SDK writes it as ({@link ConsentCodes#DATA_CLASS}) or the SDK's
     * own code (earlier exports); else another FHIR resource type ({@code http://hl7.org/fhir/resource-types})
     * read as the class that holds it, with a warning; else refused: a condition the engine cannot test would change
     * which provision matches (R45).
     */
    private static Optional<DataClass> dataClass(FhirElement coding) {
        if (coding.text("system").filter(ConsentCodes.RESOURCE_TYPES::equals).isPresent()) {
            Optional<DataClass> exact = coding.text("code").flatMap(ConsentCodes.DATA_CLASS::fromCode);
            if (exact.isPresent()) {
                return exact; // the type the SDK writes the class as (ConsentCodes.DATA_CLASS): exact
            }
            Optional<DataClass> mapped = coding.text("code").flatMap(ConsentCodes::dataClassOf);
            if (mapped.isPresent()) {
                coding.warning("code", "CLASS_FROM_RESOURCE_TYPE", "a FHIR resource type: read as the SDK data class "
                        + "that holds it");
                return mapped;
            }
            coding.problem("code", "DATA_CLASS", "is a resource type the SDK holds no data of (R45)");
            return Optional.empty();
        }
        if (coding.text("system").filter((FhirSystems.SDK_CODES + "data-class")::equals).isEmpty()) {
            coding.problem("system", "DATA_CLASS", "must be the SDK code system data-class or a FHIR resource type "
                    + "(R45: the engine must be able to test every condition)");
            return Optional.empty();
        }
        return SdkExtensions.decode(coding, "data-class", DataClass.class, "CODE");
    }

    private static Optional<AccessAction> action(FhirElement concept) {
        for (FhirElement coding : concept.objects("coding")) {
            if (coding.text("system").filter(FhirSystems.CONSENT_ACTION::equals).isPresent()) {
                return coding.requiredText("code", "CODE").flatMap(v -> coding.convert("code",
                        () -> AccessCodes.ACTION.read(v, "provision.action", "CODE", "is not a known consent action")));
            }
        }
        concept.problem("coding", "CODE", "a coding of " + FhirSystems.CONSENT_ACTION + " is required");
        return Optional.empty();
    }

    private static Optional<Purpose> purpose(FhirElement coding) {
        if (coding.text("system").filter(FhirSystems.V3_ACT_REASON::equals).isEmpty()) {
            coding.problem("system", "PURPOSE", "must be " + FhirSystems.V3_ACT_REASON);
            return Optional.empty();
        }
        return coding.requiredText("code", "PURPOSE").flatMap(v -> coding.convert("code",
                () -> AccessCodes.PURPOSE.read(v, "provision.purpose", "PURPOSE", "is not a known purpose of use")));
    }
}
