package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Optional;

/**
 * How one budget line's money is held (R14), with what each option needs: a third party is a
 * named organisation; a direct payment has a recipient (R19) and a registered dedicated
 * account (R21), and, for a person excluded under the Schedule, an audited override (R20).
 */
public sealed interface Management permits Management.Notional, Management.ThirdParty, Management.DirectPayment {

    /** {@return the option as a code, for reports and indexes} */
    ManagementOption option();

    /** {@return a notional line: the NHS holds the money} */
    static Notional notional() {
        return new Notional();
    }

    /**
     * A named organisation holds the money.
     *
     * @param organisation the organisation's name (not personal)
     * @param odsCode      its ODS code, if it has one
     * @return the line's management
     * @throws InvalidInputException if the name is blank or longer than 200 characters
     */
    static ThirdParty thirdParty(String organisation, Optional<OdsCode> odsCode) {
        return new ThirdParty(organisation, odsCode);
    }

    /**
     * A direct payment to the recipient, into the account.
     *
     * @param recipient who receives the money (R19)
     * @param account   the registered dedicated account it is paid into (R21)
     * @return the line's management, with no Schedule override
     * @throws InvalidInputException if either is missing
     */
    static DirectPayment directPayment(Recipient recipient, PaymentAccount account) {
        return new DirectPayment(recipient, account, Optional.empty());
    }

    /** A notional line: the NHS arranges the services. */
    record Notional() implements Management {
        @Override
        public ManagementOption option() {
            return ManagementOption.NOTIONAL;
        }
    }

    /**
     * A third-party line: the named organisation (independent of the person and the NHS) holds it.
     *
     * @param organisation the organisation's name (not personal)
     * @param odsCode      its ODS code, if it has one
     */
    record ThirdParty(String organisation, Optional<OdsCode> odsCode) implements Management {
        /**
         * Checks the name; an absent ODS code becomes empty.
         *
         * @param organisation the organisation's name (not personal)
         * @param odsCode      its ODS code, if it has one
         * @throws InvalidInputException if the name is blank or longer than 200 characters
         */
        public ThirdParty {
            Require.text("thirdParty.organisation", organisation, Require.SHORT_TEXT);
            odsCode = odsCode == null ? Optional.empty() : odsCode;
        }

        @Override
        public ManagementOption option() {
            return ManagementOption.THIRD_PARTY;
        }
    }

    /**
     * A direct-payment line.
     *
     * @param recipient        who receives the money (R19)
     * @param account          where it is paid (R21)
     * @param scheduleOverride the audited decision to pay a person excluded under the Schedule (R20)
     */
    record DirectPayment(Recipient recipient, PaymentAccount account, Optional<AuditedOverride> scheduleOverride)
            implements Management {
        /**
         * Checks the recipient and the account are present; an absent override becomes empty.
         *
         * @param recipient        who receives the money (R19)
         * @param account          where it is paid (R21)
         * @param scheduleOverride the audited decision to pay a person excluded under the Schedule
         *                         (R20)
         * @throws InvalidInputException if the recipient or the account is missing
         */
        public DirectPayment {
            Require.present("directPayment.recipient", recipient);
            Require.present("directPayment.account", account);
            scheduleOverride = scheduleOverride == null ? Optional.empty() : scheduleOverride;
        }

        /**
         * A copy carrying the override of the Schedule exclusion (R20).
         *
         * @param override who decided to set the Schedule exclusion aside, and why
         * @return the copy
         * @throws NullPointerException if {@code override} is null
         */
        public DirectPayment withScheduleOverride(AuditedOverride override) {
            return new DirectPayment(recipient, account, Optional.of(override));
        }

        @Override
        public ManagementOption option() {
            return ManagementOption.DIRECT_PAYMENT;
        }
    }
}
