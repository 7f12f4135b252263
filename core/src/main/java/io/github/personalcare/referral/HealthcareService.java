package io.github.personalcare.referral;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.OdsCode;

/**
 * A service a patient can be referred to, as the {@link ServiceDirectory} lists it and as the
 * referral's shortlist keeps it (a copy, so the shortlist shows what was offered even after the
 * directory changes).
 *
 * @param id               the directory's id of the service
 * @param name             the service's public name (not personal)
 * @param provider         ODS code of the organisation that runs it: the receiving organisation
 * @param specialty        what it treats
 * @param bookingMode      how it takes referrals
 * @param consultantLed    true if consultant-led: only then does a referral start an RTT clock (R35)
 * @param postcodeDistrict where it is, as a postcode outward code such as {@code "LS1"}
 */
public record HealthcareService(
        ServiceId id,
        String name,
        OdsCode provider,
        Specialty specialty,
        BookingMode bookingMode,
        boolean consultantLed,
        String postcodeDistrict) {
    /**
     * Checks the service: every field is required, the name is short text and the district is a
     * postcode outward code.
     *
     * @param id               the directory's id of the service
     * @param name             the service's public name (not personal)
     * @param provider         ODS code of the organisation that runs it: the receiving organisation
     * @param specialty        what it treats
     * @param bookingMode      how it takes referrals
     * @param consultantLed    true if consultant-led: only then does a referral start an RTT clock (R35)
     * @param postcodeDistrict where it is, as a postcode outward code such as {@code "LS1"}
     * @throws io.github.personalcare.lang.InvalidInputException if a field is missing or malformed
     */
    public HealthcareService {
        Require.present("service.id", id);
        name = Require.text("service.name", name, Require.SHORT_TEXT);
        Require.present("service.provider", provider);
        Require.present("service.specialty", specialty);
        Require.present("service.bookingMode", bookingMode);
        if (postcodeDistrict == null || !postcodeDistrict.matches("[A-Z]{1,2}[0-9][0-9A-Z]?")) {
            throw new io.github.personalcare.lang.InvalidInputException("service.postcodeDistrict", "CODE",
                    "must be a postcode outward code such as LS1");
        }
    }

    /** {@return the postcode area: the leading letters of the district ({@code "LS"} for {@code "LS1"})} */
    public String postcodeArea() {
        int i = 0;
        while (i < postcodeDistrict.length() && Character.isLetter(postcodeDistrict.charAt(i))) {
            i++;
        }
        return postcodeDistrict.substring(0, i);
    }
}
