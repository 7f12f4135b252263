package io.github.personalcare.referral;

import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Index;

import java.util.List;

/**
 * How referrals are stored: the aggregate type every storage adapter keeps them under, with the
 * indexes the service, the legitimate-relationship check and the RTT report query.
 *
 * <ul>
 *   <li>{@code ubrn}: the UBRN, to keep it unique (R4). Adapters should make it a unique column.</li>
 *   <li>{@code status}: the {@link ReferralState} name.</li>
 *   <li>{@code rtt_start}: the UK date the first RTT clock started (null before one starts); every
 *       clock open at a census date started on or after it, so the report pre-filters on it.</li>
 *   <li>{@code receiving_org}: ODS code of the chosen service's provider (null when none).</li>
 *   <li>{@code open}: false once completed or cancelled.</li>
 *   <li>{@code clock_start}, {@code clock_stop}: the UK start and stop dates of the latest RTT
 *       clock (start null when it was nullified), for the RTT report's incomplete pathways.</li>
 *   <li>{@code sent_on}: the UK date an appointment referral was sent (null for advice and
 *       guidance), and {@code choice_offered}, for the report's share offered choice.</li>
 * </ul>
 */
public final class ReferralStores {
    /** Referrals. */
    public static final AggregateType<ReferralId, Referral> REFERRALS = new AggregateType<>(
            "referral", Referral.class, Referral::id, Referral::patient,
            List.of(Index.text("ubrn", r -> r.ubrn().value()),
                    Index.text("status", Referral::state),
                    Index.date("rtt_start", r -> r.firstClockStart().orElse(null)),
                    Index.text("receiving_org", r -> r.receivingOrganisation().map(OdsCode::value).orElse(null)),
                    Index.bool("open", Referral::isOpen),
                    Index.date("clock_start", r -> lastClock(r).filter(c -> c.nullification().isEmpty())
                            .map(RttClock::startedOn).orElse(null)),
                    Index.date("clock_stop", r -> lastClock(r).flatMap(RttClock::stop).map(RttStop::on).orElse(null)),
                    Index.date("sent_on", r -> r.requestType() == RequestType.APPOINTMENT ? r.sentOn().orElse(null)
                            : null),
                    Index.bool("choice_offered", r -> r.choice().map(PatientChoice::offered).orElse(false))));

    private static java.util.Optional<RttClock> lastClock(Referral r) {
        return r.clocks().isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(r.clocks().get(r.clocks().size() - 1));
    }

    private ReferralStores() {
    }
}
