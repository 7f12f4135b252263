package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.identity.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A professional's user account as a UK Core Practitioner: the {@link UserId} as an identifier
 * of {@link FhirSystems#SDK_USER_ID} and a stable id derived from it. The SDK keeps no names
 * for professionals.
 *
 * <p>Reading a Practitioner another system wrote, the user id is, in this order: an SDK or SDS
 * user id identifier; else a professional registration number (GMC, GMP, GPhC or NMC, in the
 * UK Core identifier systems) as {@code <register>:<number>}, with a warning
 * {@code USER_ID_FROM_REGISTER}; else, derived from the resource id, {@code fhir:<uuid>} where the
 * uuid is the id if it is a UUID or the name-based UUID of {@code Practitioner/<id>}, with a
 * warning {@code USER_ID_DERIVED}. A reference {@code Practitioner/<id>} that carries and resolves
 * to no identifier reads as the same derived user id.
 */
public final class PractitionerMapper implements FhirMapper<UserId> {
    static final Set<String> USER_SYSTEMS = Set.of(FhirSystems.SDK_USER_ID, FhirSystems.SDS_USER_ID);
    /** Professional registers whose numbers are read as a user id, by identifier system: the prefix. */
    static final Map<String, String> REGISTERS = Map.of(FhirSystems.GMC_NUMBER, "gmc", FhirSystems.GMP_NUMBER, "gmp",
            FhirSystems.GPHC_NUMBER, "gphc", FhirSystems.NMC_NUMBER, "nmc");
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "identifier");

    /** A mapper; stateless and thread-safe. */
    public PractitionerMapper() {
    }

    @Override
    public String resourceType() {
        return "Practitioner";
    }

    @Override
    public String profile() {
        return FhirSystems.UKCORE_PRACTITIONER;
    }

    /**
     * {@return the stable resource id of the Practitioner for a user id}
     *
     * @param user the professional's user id
     */
    public static String idFor(UserId user) {
        return Elements.derivedId("Practitioner", user.value());
    }

    static ObjectNode referenceTo(UserId user) {
        return Elements.reference("Practitioner", idFor(user), FhirSystems.SDK_USER_ID, user.value());
    }

    @Override
    public ObjectNode toFhir(UserId user) {
        ObjectNode r = Elements.resource("Practitioner", idFor(user), profile());
        r.putArray("identifier").add(Elements.identifier(FhirSystems.SDK_USER_ID, user.value()));
        return r;
    }

    @Override
    public Optional<UserId> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        r.ignoreAllBut(READ);
        for (FhirElement id : r.objects("identifier")) {
            Optional<String> system = id.text("system");
            if (system.isPresent() && USER_SYSTEMS.contains(system.get())) {
                return id.requiredText("value", "IDENTIFIER").flatMap(v -> id.convert("value", () -> UserId.of(v)));
            }
        }
        for (FhirElement id : r.objects("identifier")) {
            Optional<String> system = id.text("system");
            if (system.isPresent() && REGISTERS.containsKey(system.get())) {
                return id.requiredText("value", "IDENTIFIER")
                        .flatMap(v -> id.convert("value", () -> fromRegister(id, system.get(), v)));
            }
        }
        Optional<String> id = r.text("id").filter(ForeignIds::isFhirId);
        if (id.isPresent()) {
            return r.convert("id", () -> derived(r, "id", id.get()));
        }
        r.problem("identifier", "IDENTIFIER",
                "a user id (SDK or SDS user id, GMC, GMP, GPhC or NMC number) or a resource id is required");
        return Optional.empty();
    }

    /**
     * The user id of the Practitioner a reference names, read by the rule of this class: its own or
     * its resolved resource's user id or registration number, else derived from {@code Practitioner/<id>}.
     * A problem at the reference if none of these is there.
     */
    static Optional<UserId> referenced(FhirElement reference) {
        Optional<References.Identifier> user = References.identifierOf(reference, "Practitioner", USER_SYSTEMS);
        if (user.isPresent()) {
            return reference.convert("identifier", () -> UserId.of(user.get().value()));
        }
        Optional<References.Identifier> registered = References.identifierOf(reference, "Practitioner",
                REGISTERS.keySet());
        if (registered.isPresent()) {
            return reference.convert("identifier",
                    () -> fromRegister(reference, registered.get().system(), registered.get().value()));
        }
        Optional<String> id = reference.text("reference")
                .flatMap(v -> References.logicalId(v, "Practitioner", reference.context()))
                .filter(ForeignIds::isFhirId);
        if (id.isPresent()) {
            return reference.convert("reference", () -> derived(reference, "reference", id.get()));
        }
        reference.problem(null, "IDENTIFIER",
                "must carry or resolve to a user id or registration number, or name Practitioner/<id>");
        return Optional.empty();
    }

    private static UserId fromRegister(FhirElement at, String system, String number) {
        UserId user = UserId.of(REGISTERS.get(system) + ":" + number);
        at.warning(null, "USER_ID_FROM_REGISTER",
                "a professional registration number: the SDK user id is <register>:<number>");
        return user;
    }

    private static UserId derived(FhirElement at, String name, String id) {
        UserId user = UserId.of("fhir:" + ForeignIds.uuidText("Practitioner", id));
        at.warning(name, "USER_ID_DERIVED",
                "no user id or registration number: the SDK user id is fhir:<uuid of Practitioner/<id>>");
        return user;
    }
}
