package io.github.personalcare.referral;

import java.util.List;
import java.util.Optional;

/**
 * The port to the supplier's directory of services (the e-RS directory of services, a local
 * catalogue): what a referrer searches to build the patient's shortlist. The SDK ships
 * {@link InMemoryServiceDirectory} for tests and demos; suppliers plug in their own through
 * {@code PersonalCare.builder().serviceDirectory(...)}.
 *
 * <p>{@link ReferralService} calls it inside the storage transaction of a command, so
 * implementations should answer quickly (a local cache of the directory, not a remote call per
 * request). Implementations must be thread-safe. Services are not personal data.
 */
public interface ServiceDirectory {

    /**
     * Services offering the specialty near a place: those in the same postcode area as
     * {@code postcodeDistrict} (for example {@code "LS6"} finds the {@code LS} area), the same
     * district first.
     *
     * @param specialty        the specialty
     * @param postcodeDistrict a postcode district such as {@code "LS6"}
     * @return the services found, same district first; empty if none
     */
    List<HealthcareService> search(Specialty specialty, String postcodeDistrict);

    /**
     * The service with this id, if the directory lists it.
     *
     * @param id the service's id
     * @return the service, or empty if the directory does not list it
     */
    Optional<HealthcareService> find(ServiceId id);

    /**
     * True if the directly bookable service has a free slot now. Deferring booking to the
     * provider because there are no slots is refused while this is true (R33).
     *
     * @param id the service's id
     * @return whether it has a free slot now
     */
    boolean hasFreeSlots(ServiceId id);
}
