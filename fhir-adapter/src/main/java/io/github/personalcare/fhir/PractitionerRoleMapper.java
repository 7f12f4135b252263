package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import java.util.Optional;
import java.util.Set;

/**
 * A professional acting in a role at an organisation ({@link Actor.Professional}) as a UK Core
 * PractitionerRole: references to the Practitioner (with the user id) and the Organization (with
 * the ODS code, R5), and the role as a code of {@link FhirSystems#SDK_PROFESSIONAL_ROLE}.
 */
public final class PractitionerRoleMapper implements FhirMapper<Actor.Professional> {
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "practitioner", "organization",
            "code");

    /** A mapper; stateless and thread-safe. */
    public PractitionerRoleMapper() {
    }

    @Override
    public String resourceType() {
        return "PractitionerRole";
    }

    @Override
    public String profile() {
        return FhirSystems.UKCORE_PRACTITIONER_ROLE;
    }

    /**
     * {@return the stable resource id of the PractitionerRole of a professional}
     *
     * @param p the professional: user, organisation and role
     */
    public static String idFor(Actor.Professional p) {
        return Elements.derivedId("PractitionerRole", p.user().value() + "|" + p.organisation().value() + "|"
                + p.role().name());
    }

    @Override
    public ObjectNode toFhir(Actor.Professional p) {
        ObjectNode r = Elements.resource("PractitionerRole", idFor(p), profile());
        r.set("practitioner", PractitionerMapper.referenceTo(p.user()));
        r.set("organization", OrganizationMapper.referenceTo(p.organisation()));
        r.putArray("code").add(Elements.concept(Elements.coding(FhirSystems.SDK_PROFESSIONAL_ROLE, p.role().name())));
        return r;
    }

    @Override
    public Optional<Actor.Professional> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        r.ignoreAllBut(READ);
        Optional<UserId> user = Optional.empty();
        Optional<FhirElement> practitioner = r.object("practitioner");
        if (practitioner.isEmpty()) {
            // a role of nobody: access is decided per user and role (R39), so there is no professional to keep
            r.problem("practitioner", "PRACTITIONER_MISSING", "is required: the domain's professional is a user (R39)");
        } else {
            user = PractitionerMapper.referenced(practitioner.get());
        }
        Optional<OdsCode> organisation = Optional.empty();
        Optional<FhirElement> organization = r.object("organization");
        if (organization.isEmpty()) {
            r.problem("organization", "R5", "is required");
        } else {
            Optional<References.Identifier> value = References.identifierOf(organization.get(), "Organization",
                    OrganizationCodes.ODS_SYSTEMS);
            if (value.isEmpty()) {
                organization.get().problem(null, "R5", "must carry or resolve to an ODS code identifier");
            } else {
                organisation = organization.get().convert("identifier",
                        () -> OrganizationCodes.odsCode(value.get()));
            }
        }
        Optional<ProfessionalRole> role = role(r);
        if (user.isEmpty() || organisation.isEmpty() || role.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Actor.professional(user.get(), role.get(), organisation.get()));
    }

    /**
     * The role: a coding of the SDK's professional-role system; else a national or HL7 code with a
     * clear mapping ({@link ProfessionalRoleCodes}), with a warning that the code itself is not kept.
     */
    static Optional<ProfessionalRole> role(FhirElement r) {
        for (FhirElement code : r.objects("code")) {
            for (FhirElement coding : code.objects("coding")) {
                if (coding.text("system").filter(FhirSystems.SDK_PROFESSIONAL_ROLE::equals).isPresent()) {
                    Optional<String> value = coding.requiredText("code", "ROLE");
                    for (ProfessionalRole candidate : ProfessionalRole.values()) {
                        if (value.isPresent() && candidate.name().equals(value.get())) {
                            return Optional.of(candidate);
                        }
                    }
                    coding.problem("code", "ROLE", "is not a role of the SDK's professional-role code system");
                    return Optional.empty();
                }
            }
        }
        for (FhirElement code : r.objects("code")) {
            Optional<ProfessionalRole> mapped = ProfessionalRoleCodes.roleOf(code);
            if (mapped.isPresent()) {
                code.warning(null, "ROLE_MAPPED", "a national or HL7 role code: the SDK keeps the role it names, not the code");
                return mapped;
            }
        }
        r.problem("code", "ROLE", "a role the SDK knows is required: an SDK professional role, or an SDS job role, "
                + "SNOMED CT or HL7 practitioner-role code that names one");
        return Optional.empty();
    }
}
