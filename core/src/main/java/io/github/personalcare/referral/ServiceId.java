package io.github.personalcare.referral;

import io.github.personalcare.lang.InvalidInputException;

/**
 * Identifier of a healthcare service in the supplier's {@link ServiceDirectory} (an e-RS service
 * id, for example): 1 to 64 letters, digits, '.', '_' or '-'. Not personal.
 */
public record ServiceId(String value) {
    /**
     * Checks the id.
     *
     * @param value 1 to 64 letters, digits, '.', '_' or '-'
     * @throws InvalidInputException if missing or not of that form
     */
    public ServiceId {
        if (value == null || value.isEmpty() || value.length() > 64 || !value.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidInputException("serviceId", "ID", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    /**
     * Reads a service id.
     *
     * @param value 1 to 64 letters, digits, '.', '_' or '-'
     * @return the service id
     * @throws InvalidInputException if missing or not of that form
     */
    public static ServiceId of(String value) {
        return new ServiceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
