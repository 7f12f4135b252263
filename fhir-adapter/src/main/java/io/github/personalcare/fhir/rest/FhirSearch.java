package io.github.personalcare.fhir.rest;

import io.github.personalcare.lang.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A FHIR search on one resource type, such as
 * {@code FhirSearch.of("CarePlan").byPatientIdentifier(NHS_NUMBER_SYSTEM, nhs).updatedSince(t).count(50)}.
 * Immutable: each method returns a new search. Parameter values travel in the query string and are
 * never logged.
 *
 * @param resourceType the type searched, such as {@code Patient}
 * @param parameters   the parameters in order, a name may repeat
 */
public record FhirSearch(String resourceType, List<Map.Entry<String, String>> parameters) {
    /**
     * Checks the type is a FHIR resource type name and copies the parameters.
     *
     * @param resourceType the type searched
     * @param parameters   the parameters
     * @throws InvalidInputException if the type is not a resource type name
     */
    public FhirSearch {
        FhirClient.requireType(resourceType);
        parameters = List.copyOf(parameters);
    }

    /**
     * A search on the type with no parameters (every resource of the type).
     *
     * @param resourceType the type, such as {@code Patient}
     * @return the search
     * @throws InvalidInputException if the type is not a resource type name
     */
    public static FhirSearch of(String resourceType) {
        return new FhirSearch(resourceType, List.of());
    }

    /**
     * Adds a parameter.
     *
     * @param name  the parameter, such as {@code status} or {@code _lastUpdated}
     * @param value its value, as FHIR search syntax expects it
     * @return the new search
     * @throws InvalidInputException if the name or value is blank
     */
    public FhirSearch where(String name, String value) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("search.name", "REQUIRED", "a parameter name is required");
        }
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("search." + name, "REQUIRED", "a parameter value is required");
        }
        List<Map.Entry<String, String>> next = new ArrayList<>(parameters);
        next.add(Map.entry(name, value));
        return new FhirSearch(resourceType, next);
    }

    /**
     * Resources whose {@code identifier} is the given one: {@code identifier=system|value}.
     *
     * @param system the identifier system, such as {@code https://fhir.nhs.uk/Id/nhs-number}
     * @param value  the identifier value
     * @return the new search
     * @throws InvalidInputException if either is blank
     */
    public FhirSearch byIdentifier(String system, String value) {
        return where("identifier", token(system, value));
    }

    /**
     * Resources about the patient with the given identifier, through the chained search
     * {@code patient.identifier=system|value} (CarePlan, Goal, ServiceRequest, Consent ...).
     *
     * @param system the identifier system, such as {@code https://fhir.nhs.uk/Id/nhs-number}
     * @param value  the identifier value
     * @return the new search
     * @throws InvalidInputException if either is blank
     */
    public FhirSearch byPatientIdentifier(String system, String value) {
        return where("patient.identifier", token(system, value));
    }

    /**
     * Resources changed at or after the instant: {@code _lastUpdated=ge<instant>}.
     *
     * @param since the earliest last-updated time
     * @return the new search
     * @throws NullPointerException if {@code since} is null
     */
    public FhirSearch updatedSince(Instant since) {
        return where("_lastUpdated", "ge" + since.toString());
    }

    /**
     * The page size the server is asked for: {@code _count}.
     *
     * @param pageSize entries per page, 1 to 1000
     * @return the new search
     * @throws InvalidInputException if out of range
     */
    public FhirSearch count(int pageSize) {
        if (pageSize < 1 || pageSize > 1000) {
            throw new InvalidInputException("search._count", "RANGE", "must be 1 to 1000");
        }
        return where("_count", Integer.toString(pageSize));
    }

    private static String token(String system, String value) {
        if (system == null || system.isBlank() || value == null || value.isBlank()) {
            throw new InvalidInputException("search.identifier", "REQUIRED", "an identifier system and value are required");
        }
        return system + "|" + value;
    }
}
