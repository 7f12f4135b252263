package io.github.personalcare.referral;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@link ServiceDirectory} held in memory, for tests and demos. Thread-safe. Every service has
 * free slots until {@link #setFreeSlots} says otherwise.
 *
 * <pre>{@code
 * var directory = new InMemoryServiceDirectory(List.of(leedsCardiology, bradfordCardiology));
 * directory.setFreeSlots(leedsCardiology.id(), false);     // now R33 allows deferring to it
 * }</pre>
 */
public final class InMemoryServiceDirectory implements ServiceDirectory {
    private final Map<ServiceId, HealthcareService> services;
    private final Set<ServiceId> fullyBooked = ConcurrentHashMap.newKeySet();

    /**
     * A directory listing the given services (ids must be distinct).
     *
     * @param services the services listed
     * @throws InvalidInputException if {@code services} is missing or holds a null
     * @throws IllegalArgumentException if two services share an id
     */
    public InMemoryServiceDirectory(List<HealthcareService> services) {
        this.services = Require.list("services", services, Integer.MAX_VALUE).stream()
                .collect(Collectors.toUnmodifiableMap(HealthcareService::id, Function.identity()));
    }

    /** {@return an empty directory: the default until a supplier configures one} */
    public static InMemoryServiceDirectory empty() {
        return new InMemoryServiceDirectory(List.of());
    }

    @Override
    public List<HealthcareService> search(Specialty specialty, String postcodeDistrict) {
        Require.present("specialty", specialty);
        String district = Require.text("postcodeDistrict", postcodeDistrict, 8).strip().toUpperCase(Locale.ROOT);
        String area = district.replaceAll("[^A-Z].*$", "");
        return services.values().stream()
                .filter(s -> s.specialty().equals(specialty) && s.postcodeArea().equals(area))
                .sorted(Comparator.comparing((HealthcareService s) -> !s.postcodeDistrict().equals(district))
                        .thenComparing(HealthcareService::name)
                        .thenComparing(s -> s.id().value()))
                .toList();
    }

    @Override
    public Optional<HealthcareService> find(ServiceId id) {
        return Optional.ofNullable(services.get(id));
    }

    @Override
    public boolean hasFreeSlots(ServiceId id) {
        return services.containsKey(id) && !fullyBooked.contains(id);
    }

    /**
     * Marks the service as having free slots or not.
     *
     * @param id   the service
     * @param free whether it has free slots
     */
    public void setFreeSlots(ServiceId id, boolean free) {
        if (free) {
            fullyBooked.remove(id);
        } else {
            fullyBooked.add(id);
        }
    }
}
