package io.github.personalcare.referral;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.Ubrn;
import io.github.personalcare.identity.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.github.personalcare.referral.ReferralWorld.BRADFORD_TRIAGE;
import static io.github.personalcare.referral.ReferralWorld.CARDIOLOGY;
import static io.github.personalcare.referral.ReferralWorld.LEEDS_CARDIOLOGY;
import static io.github.personalcare.referral.ReferralWorld.PRACTICE;
import static io.github.personalcare.referral.ReferralWorld.YORK_CARDIOLOGY;

/** Aggregate-level fixtures: referrals in each state, built with the pure {@link Referral#apply}. */
final class Referrals {
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Ubrn UBRN = Ubrn.parse("000000070000");
    static final ReasonCode REASON = ReasonCode.of("NOT_CLINICALLY_APPROPRIATE");

    private Referrals() {
    }

    static Referral draft() {
        return Referral.draft(ReferralId.random(), UBRN, PatientId.random(), new Referrer(UserId.of("GP1"), PRACTICE),
                Priority.ROUTINE, CARDIOLOGY, ReferralWorld.CLINICAL_REASON, RequestType.APPOINTMENT, List.of(), T0);
    }

    static Instant day(long n) {
        return T0.plus(Duration.ofDays(n));
    }

    static Referral apply(Referral r, ReferralCommand c, Instant at) {
        return r.apply(c, at, UUID::randomUUID).referral();
    }

    static ReferralCommand.Shortlist shortlistOfThree() {
        return new ReferralCommand.Shortlist(List.of(LEEDS_CARDIOLOGY, YORK_CARDIOLOGY, BRADFORD_TRIAGE),
                PatientChoice.choiceOffered());
    }

    static Referral notBooked() {
        Referral r = apply(draft(), shortlistOfThree(), T0);
        return apply(r, new ReferralCommand.Submit(), T0);
    }

    static Referral booked() {
        return apply(notBooked(), new ReferralCommand.Book(LEEDS_CARDIOLOGY.id(), day(14)), day(1));
    }

    static Referral accepted() {
        return apply(booked(), new ReferralCommand.Accept(), day(2));
    }

    static Referral awaitingTriage() {
        return apply(notBooked(), new ReferralCommand.SendForTriage(BRADFORD_TRIAGE.id()), day(1));
    }

    static Referral adviceRequested() {
        Referral r = Referral.draft(ReferralId.random(), UBRN, PatientId.random(), new Referrer(UserId.of("GP1"), PRACTICE),
                Priority.ROUTINE, CARDIOLOGY, ReferralWorld.CLINICAL_REASON, RequestType.ADVICE_AND_GUIDANCE, List.of(),
                T0);
        r = apply(r, new ReferralCommand.Shortlist(List.of(LEEDS_CARDIOLOGY), PatientChoice.choiceOffered()), T0);
        return apply(r, new ReferralCommand.Submit(), T0);
    }

    static ReferralCommand.Cancel cancel() {
        return new ReferralCommand.Cancel(ReasonCode.of("NO_LONGER_REQUIRED"), Optional.empty());
    }
}
