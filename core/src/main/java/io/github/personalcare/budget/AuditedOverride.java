package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.InvalidInputException;

/**
 * A named person's decision to set a default rule aside (R16 exclusion list, R20 Schedule
 * exclusion), with the reason. Every use is written to the audit trail; the reason is free text
 * and is never logged.
 *
 * @param approvedBy who decided
 * @param reason     why, in words
 */
public record AuditedOverride(UserId approvedBy, String reason) {
    /**
     * Checks the approver is present and the reason is short text.
     *
     * @param approvedBy who decided
     * @param reason     why, in words
     * @throws InvalidInputException if the approver is missing or the reason is blank or longer
     *                               than 200 characters
     */
    public AuditedOverride {
        Require.present("override.approvedBy", approvedBy);
        Require.text("override.reason", reason, Require.SHORT_TEXT);
    }
}
