package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.careteam.AuthorityKind;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.CareTeamId;
import io.github.personalcare.careteam.CarerMember;
import io.github.personalcare.careteam.CarerRole;
import io.github.personalcare.careteam.MemberId;
import io.github.personalcare.careteam.MembershipPeriod;
import io.github.personalcare.careteam.ProfessionalMember;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A patient's {@link CareTeam} as a UK Core CareTeam, with one UK Core RelatedPerson per carer.
 *
 * <p>Each participant carries its membership id (extension {@code care-team-member}, an
 * identifier of {@link FhirSystems#SDK_CARE_TEAM_MEMBER}), its role and its period (R12).
 * Professionals reference their PractitionerRole (role as {@link FhirSystems#SDK_PROFESSIONAL_ROLE});
 * the lead professional's participant has the extension {@code care-team-lead} = {@code true}.
 * Carers have a role of {@link FhirSystems#SDK_CARER_ROLE} and reference a RelatedPerson whose id is
 * the membership id: user id as identifier, the patient, the relationship in words as
 * {@code relationship[0].text}, and SDK extensions for proxy rights, legal authority and when the
 * patient agreed to their involvement. {@link #resources} gives the CareTeam and the RelatedPersons;
 * on import the PractitionerRoles and RelatedPersons are resolved through the Bundle, and the role's
 * code system says which a participant is ({@link CareTeamCodes#ROLE_SYSTEM}).
 */
public final class CareTeamMapper implements FhirMapper<CareTeam> {
    static final String MEMBER_EXTENSION = "care-team-member";
    static final String LEAD_EXTENSION = "care-team-lead";
    static final String PROXY_EXTENSION = "carer-proxy";
    static final String AUTHORITY_EXTENSION = "carer-authority";
    static final String AGREED_EXTENSION = "carer-patient-agreed-at";

    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "status", "subject", "participant",
            "period");
    private static final Set<String> PARTICIPANT_READ = Set.of("extension", "role", "member", "period",
            "onBehalfOf");
    private static final Set<String> RELATED_READ = Set.of("resourceType", "id", "meta", "extension", "identifier",
            "active", "patient", "relationship");

    private final PractitionerRoleMapper roles = new PractitionerRoleMapper();

    /** A mapper; stateless and thread-safe. */
    public CareTeamMapper() {
    }

    @Override
    public String resourceType() {
        return "CareTeam";
    }

    @Override
    public String profile() {
        return FhirSystems.UKCORE_CARE_TEAM;
    }

    /**
     * The professionals on the team as actors, so their PractitionerRoles can be written to the Bundle.
     *
     * @param team the care team
     * @return one actor per professional membership, in team order
     */
    public static List<Actor.Professional> professionals(CareTeam team) {
        return team.professionals().stream().map(CareTeamMapper::actor).toList();
    }

    private static Actor.Professional actor(ProfessionalMember m) {
        return Actor.professional(m.user(), m.role(), m.organisation());
    }

    /**
     * The CareTeam followed by one RelatedPerson per carer membership, in Bundle order.
     *
     * @param team the care team
     * @return the team's resources, in Bundle order
     */
    public List<ObjectNode> resources(CareTeam team) {
        List<ObjectNode> out = new ArrayList<>();
        out.add(toFhir(team));
        for (CarerMember c : team.carers()) {
            out.add(relatedPerson(team.patient(), c));
        }
        return out;
    }

    @Override
    public ObjectNode toFhir(CareTeam team) {
        ObjectNode r = Elements.resource("CareTeam", team.id().toString(), profile());
        r.put("status", CareTeamCodes.STATUS);
        r.set("subject", Elements.reference("Patient", team.patient().toString()));
        ArrayNode participants = r.putArray("participant");
        for (ProfessionalMember m : team.professionals()) {
            ObjectNode p = participants.addObject();
            ArrayNode ext = p.putArray("extension");
            ext.add(memberExtension(m.id()));
            if (team.lead().filter(m.id()::equals).isPresent()) {
                ext.add(SdkExtensions.of(SdkExtensions.url(LEAD_EXTENSION), true));
            }
            p.putArray("role").add(Elements.concept(Elements.coding(
                    CareTeamCodes.ROLE_SYSTEM.code(CareTeamCodes.Member.PROFESSIONAL), m.role().name())));
            p.set("member", Elements.reference("PractitionerRole", PractitionerRoleMapper.idFor(actor(m))));
            p.set("period", period(m.period()));
        }
        for (CarerMember c : team.carers()) {
            ObjectNode p = participants.addObject();
            p.putArray("extension").add(memberExtension(c.id()));
            p.putArray("role").add(Elements.concept(Elements.coding(
                    CareTeamCodes.ROLE_SYSTEM.code(CareTeamCodes.Member.CARER), c.role().name())));
            p.set("member", Elements.reference("RelatedPerson", c.id().toString(), FhirSystems.SDK_USER_ID,
                    c.user().value()));
            p.set("period", period(c.period()));
        }
        if (participants.isEmpty()) {
            r.remove("participant");
        }
        return r;
    }

    private static ObjectNode memberExtension(MemberId id) {
        return SdkExtensions.of(SdkExtensions.url(MEMBER_EXTENSION), "Identifier",
                Elements.identifier(FhirSystems.SDK_CARE_TEAM_MEMBER, id.toString()));
    }

    private static ObjectNode period(MembershipPeriod period) {
        ObjectNode p = Elements.object();
        p.put("start", period.start().toString());
        period.end().ifPresent(end -> p.put("end", end.toString()));
        return p;
    }

    /** The UK Core RelatedPerson of a carer membership. */
    static ObjectNode relatedPerson(PatientId patient, CarerMember c) {
        ObjectNode r = Elements.resource("RelatedPerson", c.id().toString(), FhirSystems.UKCORE_RELATED_PERSON);
        ArrayNode ext = r.putArray("extension");
        ext.add(SdkExtensions.of(SdkExtensions.url(PROXY_EXTENSION), c.proxy()));
        c.authority().ifPresent(a -> ext.add(SdkExtensions.of(SdkExtensions.url(AUTHORITY_EXTENSION), "Code",
                a.name())));
        c.patientAgreedAt().ifPresent(at -> ext.add(SdkExtensions.of(SdkExtensions.url(AGREED_EXTENSION), "DateTime",
                at.toString())));
        r.putArray("identifier").add(Elements.identifier(FhirSystems.SDK_USER_ID, c.user().value()));
        r.put("active", true);
        r.set("patient", Elements.reference("Patient", patient.toString()));
        ObjectNode relationship = r.putArray("relationship").addObject();
        String code = CareTeamCodes.RELATIONSHIP.code(c.role());
        relationship.putArray("coding").add(Elements.coding(CareTeamCodes.RELATIONSHIP_SYSTEM, code,
                CareTeamCodes.RELATIONSHIP_DISPLAY.get(code)));
        relationship.put("text", c.relationship());
        return r;
    }

    @Override
    public Optional<CareTeam> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        r.ignoreAllBut(READ);
        Optional<CareTeamId> id = ForeignIds.id(r, "CareTeam").flatMap(v -> r.convert("id", () -> CareTeamId.parse(v)));
        Optional<PatientId> patient = patient(r, "subject", context);
        List<ProfessionalMember> professionals = new ArrayList<>();
        List<CarerMember> carers = new ArrayList<>();
        Optional<MemberId> lead = Optional.empty();
        for (FhirElement p : r.objects("participant")) {
            p.ignoreAllBut(PARTICIPANT_READ);
            Optional<FhirElement> coding = p.objects("role").stream().flatMap(c -> c.objects("coding").stream())
                    .filter(c -> CareTeamCodes.ROLE_SYSTEM.fromCode(c.json().path("system").asText("")).isPresent())
                    .findFirst();
            if (coding.isEmpty()) {
                // written by another system: kept where the domain can hold it, else left out with a warning
                ForeignParticipants.read(p, r, context, roles).ifPresent(professionals::add);
                continue;
            }
            Optional<MemberId> member = memberId(p);
            Optional<MembershipPeriod> period = period(p);
            Optional<String> code = coding.get().requiredText("code", "R12");
            Optional<FhirElement> target = p.object("member");
            if (target.isEmpty()) {
                p.problem("member", "REQUIRED", "is required");
                continue;
            }
            boolean professional = CareTeamCodes.ROLE_SYSTEM.fromCode(coding.get().json().path("system").asText())
                    .filter(CareTeamCodes.Member.PROFESSIONAL::equals).isPresent();
            boolean isLead = SdkExtensions.withUrl(p, SdkExtensions.url(LEAD_EXTENSION)).stream()
                    .anyMatch(e -> e.json().path("valueBoolean").asBoolean(false));
            if (isLead) {
                if (!professional) {
                    p.problem("extension", "LEAD_PROFESSIONAL", "a carer cannot be the lead professional");
                } else if (lead.isPresent()) {
                    p.problem("extension", "LEAD_PROFESSIONAL", "only one participant may be the lead");
                } else {
                    lead = member;
                }
            }
            if (professional) {
                Optional<ProfessionalRole> role = code.flatMap(c ->
                        SdkExtensions.enumCode(coding.get(), "code", ProfessionalRole.class, c, "ROLE"));
                Optional<Actor.Professional> actor = resolve(target.get(), "PractitionerRole", context)
                        .flatMap(json1 -> roles.fromFhir(json1, context.within(target.get().path())));
                if (actor.isPresent() && role.isPresent() && actor.get().role() != role.get()) {
                    coding.get().problem("code", "ROLE_MISMATCH", "does not match the PractitionerRole's role");
                }
                if (member.isPresent() && period.isPresent() && actor.isPresent()) {
                    Actor.Professional a = actor.get();
                    p.convert(null, () -> new ProfessionalMember(member.get(), a.user(), a.role(), a.organisation(),
                            period.get())).ifPresent(professionals::add);
                }
            } else {
                Optional<CarerRole> role = code.flatMap(c ->
                        SdkExtensions.enumCode(coding.get(), "code", CarerRole.class, c, "R12"));
                Optional<FhirElement> related = resolve(target.get(), "RelatedPerson", context)
                        .flatMap(j -> FhirElement.resource(j, context.within(target.get().path()), "RelatedPerson"));
                if (related.isPresent() && member.isPresent() && period.isPresent() && role.isPresent()) {
                    carer(related.get(), member.get(), role.get(), period.get(), patient, context)
                            .ifPresent(carers::add);
                }
            }
        }
        if (context.hasProblems() || id.isEmpty() || patient.isEmpty()) {
            return Optional.empty();
        }
        Optional<MemberId> leadId = lead;
        return r.convert("participant", () -> new CareTeam(id.get(), patient.get(), professionals, carers, leadId));
    }

    private static Optional<CarerMember> carer(FhirElement rp, MemberId member, CarerRole role,
            MembershipPeriod period, Optional<PatientId> teamPatient, ImportContext context) {
        int problemsBefore = context.problems().size();
        rp.ignoreAllBut(RELATED_READ);
        if (!rp.json().path("id").asText("").equals(member.toString())) {
            rp.problem("id", "CARE_TEAM_MEMBER", "must be the carer's membership id");
        }
        Optional<PatientId> patient = patient(rp, "patient", context);
        if (patient.isPresent() && teamPatient.isPresent() && !patient.equals(teamPatient)) {
            rp.problem("patient", "ONE_PATIENT", "must be the care team's patient");
        }
        Optional<String> user = rp.objects("identifier").stream()
                .filter(i -> PractitionerMapper.USER_SYSTEMS.contains(i.json().path("system").asText("")))
                .findFirst().flatMap(i -> i.requiredText("value", "IDENTIFIER"));
        if (user.isEmpty()) {
            rp.problem("identifier", "IDENTIFIER", "a user id identifier is required");
        }
        Optional<String> relationship = rp.objects("relationship").stream().findFirst()
                .flatMap(c -> c.requiredText("text", "R12"));
        if (relationship.isEmpty()) {
            rp.problem("relationship", "R12", "the relationship in words is required as relationship[0].text");
        }
        boolean proxy = SdkExtensions.first(rp, SdkExtensions.url(PROXY_EXTENSION))
                .flatMap(e -> e.bool("valueBoolean")).orElse(false);
        Optional<AuthorityKind> authority = SdkExtensions.first(rp, SdkExtensions.url(AUTHORITY_EXTENSION))
                .flatMap(e -> e.requiredText("valueCode", "R8")
                        .flatMap(v -> SdkExtensions.enumCode(e, "valueCode", AuthorityKind.class, v, "R8")));
        Optional<Instant> agreed = SdkExtensions.first(rp, SdkExtensions.url(AGREED_EXTENSION))
                .flatMap(e -> e.requiredText("valueDateTime", "R12")
                        .flatMap(v -> SdkExtensions.dateTime(e, "valueDateTime", v)));
        if (user.isEmpty() || relationship.isEmpty() || context.problems().size() > problemsBefore) {
            return Optional.empty();
        }
        return rp.convert(null, () -> new CarerMember(member, UserId.of(user.get()), role, relationship.get(), proxy,
                authority, agreed, period));
    }

    static Optional<MemberId> memberId(FhirElement p) {
        Optional<FhirElement> ext = SdkExtensions.first(p, SdkExtensions.url(MEMBER_EXTENSION));
        if (ext.isEmpty()) {
            p.problem("extension", "CARE_TEAM_MEMBER", "the membership id extension is required");
            return Optional.empty();
        }
        return ext.get().object("valueIdentifier")
                .filter(i -> i.json().path("system").asText("").equals(FhirSystems.SDK_CARE_TEAM_MEMBER))
                .flatMap(i -> i.requiredText("value", "CARE_TEAM_MEMBER"))
                .flatMap(v -> ext.get().convert("valueIdentifier", () -> MemberId.parse(v)))
                .or(() -> {
                    ext.get().problem("valueIdentifier", "CARE_TEAM_MEMBER", "must be a membership id identifier");
                    return Optional.empty();
                });
    }

    private static Optional<MembershipPeriod> period(FhirElement p) {
        Optional<FhirElement> period = p.object("period");
        if (period.isEmpty()) {
            p.problem("period", "R12", "every member has a period");
            return Optional.empty();
        }
        Optional<Instant> start = period.get().requiredText("start", "R12")
                .flatMap(v -> FhirDateTimes.start(period.get(), "start", v));
        Optional<Instant> end = period.get().text("end").flatMap(v -> FhirDateTimes.end(period.get(), "end", v));
        if (start.isEmpty() || period.get().has("end") && end.isEmpty()) {
            return Optional.empty();
        }
        return period.get().convert(null, () -> new MembershipPeriod(start.get(), end));
    }

    /** The patient a reference element {@code name} names; a problem if missing or wrong. */
    static Optional<PatientId> patient(FhirElement r, String name, ImportContext context) {
        Optional<FhirElement> ref = r.object(name);
        if (ref.isEmpty()) {
            r.problem(name, "REQUIRED", "is required");
            return Optional.empty();
        }
        Optional<String> logical = ref.get().text("reference")
                .flatMap(v -> References.logicalId(v, "Patient", context));
        if (logical.isEmpty()) {
            ref.get().problem("reference", "ONE_PATIENT", "must reference the Patient (Patient/<id> or its Bundle entry)");
            return Optional.empty();
        }
        // a non-UUID id is derived (ForeignIds); what is not a FHIR id is reported by the conversion (rule ID)
        return ref.get().convert("reference",
                () -> PatientId.parse(ForeignIds.uuid(ref.get(), "reference", "Patient", logical.get())));
    }

    /** The resource of {@code type} a reference resolves to in the Bundle; a problem if it does not. */
    static Optional<JsonNode> resolve(FhirElement reference, String type, ImportContext context) {
        Optional<JsonNode> target = reference.text("reference").flatMap(context::resolve)
                .filter(j -> type.equals(j.path("resourceType").asText()));
        if (target.isEmpty()) {
            reference.problem("reference", "REFERENCE", "must resolve to a " + type + " in the Bundle");
        }
        return target;
    }
}
