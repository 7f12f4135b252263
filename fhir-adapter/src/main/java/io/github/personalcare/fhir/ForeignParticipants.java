package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.careteam.MemberId;
import io.github.personalcare.careteam.MembershipPeriod;
import io.github.personalcare.careteam.ProfessionalMember;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * CareTeam participants another system wrote, without the SDK's role coding. What the domain can
 * hold is kept; a participant it cannot hold is left out with a warning ({@code PARTICIPANT_NOT_KEPT},
 * or {@code ROLE_UNMAPPED} when its role names none of the SDK's roles), so access through the care
 * team fails closed. A carer (RelatedPerson) still needs the SDK's carer role and a period (R12).
 *
 * <p>The stated rules for a professional (a Practitioner or PractitionerRole member): the role
 * from the resolved PractitionerRole, else from the participant's role codes
 * ({@link ProfessionalRoleCodes}); the organisation from the PractitionerRole or from
 * {@code onBehalfOf} with an ODS code; the start of membership from the participant's period,
 * else from the care team's period ({@code PERIOD_FROM_TEAM}); the membership id, when the SDK's
 * extension is absent, the name-based UUID of the team id and the member reference
 * ({@code MEMBER_ID_DERIVED}).
 */
final class ForeignParticipants {
    private ForeignParticipants() {
    }

    /** The professional member a foreign participant names, or empty (with a warning or a problem). */
    static Optional<ProfessionalMember> read(FhirElement p, FhirElement team, ImportContext context,
            PractitionerRoleMapper roles) {
        Optional<FhirElement> target = p.object("member");
        if (target.isEmpty()) {
            p.problem("member", "REQUIRED", "is required");
            return Optional.empty();
        }
        String reference = target.get().text("reference").orElse("");
        String type = referencedType(reference, context);
        if (type.equals("RelatedPerson")) {
            p.problem("role", "R12", "a carer needs a role of the SDK's carer-role code system and a period");
            return Optional.empty();
        }
        if (!type.equals("Practitioner") && !type.equals("PractitionerRole")) {
            p.warning("member", "PARTICIPANT_NOT_KEPT",
                    "is not a Practitioner or PractitionerRole: the SDK's care team holds professionals and carers only");
            return Optional.empty();
        }
        Optional<Actor.Professional> actor = Optional.empty();
        if (type.equals("PractitionerRole")) {
            Optional<JsonNode> resolved = context.resolve(reference);
            if (resolved.isEmpty()) {
                p.warning("member", "PARTICIPANT_NOT_KEPT", "the PractitionerRole is not in the Bundle");
                return Optional.empty();
            }
            actor = roles.fromFhir(resolved.get(), context.within(target.get().path()));
            if (actor.isEmpty()) {
                return Optional.empty();
            }
        }
        Optional<ProfessionalRole> role = actor.map(Actor.Professional::role)
                .or(() -> p.objects("role").stream().map(ProfessionalRoleCodes::roleOf)
                        .flatMap(Optional::stream).findFirst());
        if (role.isEmpty()) {
            p.warning("role", "ROLE_UNMAPPED", "names none of the SDK's professional roles: the participant is not kept");
            return Optional.empty();
        }
        Optional<OdsCode> organisation = actor.map(Actor.Professional::organisation)
                .or(() -> p.object("onBehalfOf").flatMap(o -> References.identifierOf(o, "Organization",
                        OrganizationCodes.ODS_SYSTEMS)).map(OrganizationCodes::odsCode));
        if (organisation.isEmpty()) {
            p.warning("onBehalfOf", "PARTICIPANT_NOT_KEPT",
                    "names no organisation with an ODS code: the SDK keeps a professional with their organisation");
            return Optional.empty();
        }
        Optional<Instant> start = p.object("period").flatMap(x -> x.text("start")
                .flatMap(v -> FhirDateTimes.start(x, "start", v)));
        if (start.isEmpty() && !p.object("period").map(x -> x.has("start")).orElse(false)) {
            start = team.object("period").flatMap(x -> x.text("start").flatMap(v -> FhirDateTimes.start(x, "start", v)));
            if (start.isEmpty()) {
                p.warning("period", "PARTICIPANT_NOT_KEPT",
                        "no start of membership, here or on the care team: the participant is not kept");
                return Optional.empty();
            }
            p.warning("period", "PERIOD_FROM_TEAM", "no start of membership: read as the care team's period start");
        }
        if (start.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> end = p.object("period").flatMap(x -> x.text("end").flatMap(v -> FhirDateTimes.end(x, "end", v)));
        Optional<UserId> user = actor.map(Actor.Professional::user).or(() -> PractitionerMapper.referenced(target.get()));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Optional<MemberId> member = SdkExtensions.first(p, SdkExtensions.url(CareTeamMapper.MEMBER_EXTENSION)).isPresent()
                ? CareTeamMapper.memberId(p) : Optional.of(derivedMemberId(p, team, reference));
        if (member.isEmpty()) {
            return Optional.empty();
        }
        Instant from = start.get();
        return p.convert("period", () -> new ProfessionalMember(member.get(), user.get(), role.get(),
                organisation.get(), new MembershipPeriod(from, end)));
    }

    private static MemberId derivedMemberId(FhirElement p, FhirElement team, String reference) {
        p.warning("extension", "MEMBER_ID_DERIVED",
                "no membership id extension: the id is the name-based UUID of the team id and the member reference");
        return MemberId.parse(UUID.nameUUIDFromBytes(("CareTeam/" + team.json().path("id").asText("") + "|" + reference)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    private static String referencedType(String reference, ImportContext context) {
        Optional<JsonNode> resolved = context.resolve(reference);
        if (resolved.isPresent()) {
            return resolved.get().path("resourceType").asText("");
        }
        int slash = reference.indexOf('/');
        return slash > 0 && reference.indexOf('/', slash + 1) < 0 ? reference.substring(0, slash) : "";
    }
}
