package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.identity.UserId;
import java.util.Optional;
import java.util.Set;

/**
 * A professional's user account as a UK Core Practitioner: the {@link UserId} as an identifier
 * of {@link FhirSystems#SDK_USER_ID} and a stable id derived from it. The SDK keeps no names
 * for professionals; on input an SDS user id ({@link FhirSystems#SDS_USER_ID}) is accepted too.
 */
public final class PractitionerMapper implements FhirMapper<UserId> {
    static final Set<String> USER_SYSTEMS = Set.of(FhirSystems.SDK_USER_ID, FhirSystems.SDS_USER_ID);
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
        r.problem("identifier", "IDENTIFIER", "a user id identifier (SDK user id or SDS user id) is required");
        return Optional.empty();
    }
}
