package io.github.personalcare.feedback;

import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.ServiceId;

import java.util.Optional;

/**
 * What the feedback is about: a service (an organisation by ODS code, and the directory service
 * when known), the patient's care planning at an organisation, or one of their referrals (whose
 * receiving provider, or referrer when none, is the organisation it counts for).
 */
public sealed interface FeedbackSubject permits FeedbackSubject.AboutService, FeedbackSubject.AboutCarePlanning,
        FeedbackSubject.AboutReferral {

    /** {@return the topic code} */
    FeedbackTopic topic();

    /**
     * A service.
     *
     * @param organisation the organisation providing it
     * @param service      the directory service, if known
     */
    record AboutService(OdsCode organisation, Optional<ServiceId> service) implements FeedbackSubject {
        /**
         * Checks the organisation is present; a missing service means none.
         *
         * @param organisation the organisation
         * @param service      the directory service, if known
         * @throws InvalidInputException if the organisation is missing
         */
        public AboutService {
            Require.present("organisation", organisation);
            service = service == null ? Optional.empty() : service;
        }

        @Override
        public FeedbackTopic topic() {
            return FeedbackTopic.SERVICE;
        }
    }

    /**
     * Care planning at an organisation.
     *
     * @param organisation the organisation that planned care with the patient
     */
    record AboutCarePlanning(OdsCode organisation) implements FeedbackSubject {
        /**
         * Checks the organisation is present.
         *
         * @param organisation the organisation
         * @throws InvalidInputException if it is missing
         */
        public AboutCarePlanning {
            Require.present("organisation", organisation);
        }

        @Override
        public FeedbackTopic topic() {
            return FeedbackTopic.CARE_PLANNING;
        }
    }

    /**
     * One of the patient's referrals.
     *
     * @param referral the referral
     */
    record AboutReferral(ReferralId referral) implements FeedbackSubject {
        /**
         * Checks the referral is present.
         *
         * @param referral the referral
         * @throws InvalidInputException if it is missing
         */
        public AboutReferral {
            Require.present("referral", referral);
        }

        @Override
        public FeedbackTopic topic() {
            return FeedbackTopic.REFERRAL;
        }
    }
}
