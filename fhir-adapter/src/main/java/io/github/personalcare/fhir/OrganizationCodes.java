package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.identity.OdsCode;
import java.util.Map;
import java.util.Set;

/**
 * The identifier systems of an ODS code (R5): an organisation code is written with
 * {@link FhirSystems#ODS_ORGANIZATION}, a site code with {@link FhirSystems#ODS_SITE}, and each
 * system reads back as its kind, so a code leaves in the system it came in.
 */
final class OrganizationCodes {
    /** The identifier system of each kind of ODS code. */
    static final CodeTable<OdsCode.Kind> ODS_SYSTEM = CodeTable.of(OdsCode.Kind.class, Map.of(
            OdsCode.Kind.ORGANISATION, FhirSystems.ODS_ORGANIZATION,
            OdsCode.Kind.SITE, FhirSystems.ODS_SITE));

    /** Both ODS identifier systems, either of which names an organisation on input. */
    static final Set<String> ODS_SYSTEMS = Set.of(FhirSystems.ODS_ORGANIZATION, FhirSystems.ODS_SITE);

    private OrganizationCodes() {
    }

    /** The identifier of an ODS code, in the system of its kind. */
    static ObjectNode identifier(OdsCode code) {
        return Elements.identifier(ODS_SYSTEM.code(code.kind()), code.value());
    }

    /**
     * The ODS code of an identifier: a site code if {@code system} is the site system, else an
     * organisation code (where a reader does not check the system, as it always read them).
     *
     * @throws io.github.personalcare.lang.InvalidInputException if the value is not an ODS code (R5)
     */
    static OdsCode odsCode(String system, String value) {
        return new OdsCode(value, ODS_SYSTEM.fromCode(system).orElse(OdsCode.Kind.ORGANISATION));
    }

    /** The ODS code of an identifier read from a Reference. */
    static OdsCode odsCode(References.Identifier identifier) {
        return odsCode(identifier.system(), identifier.value());
    }
}
