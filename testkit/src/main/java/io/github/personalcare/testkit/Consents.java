package io.github.personalcare.testkit;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentId;
import io.github.personalcare.consent.ConsentPeriod;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentTerms;
import io.github.personalcare.consent.DataPeriod;
import io.github.personalcare.consent.LegalAuthority;
import io.github.personalcare.consent.Performer;
import io.github.personalcare.consent.PolicyReference;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.consent.ProvisionActor;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Consent records in domain words, for partners' tests and the storage contract: a carer's proxy
 * grant, an objection to an organisation, and one record that uses every part of the model.
 */
public final class Consents {
    /** The time the fixtures are recorded at. */
    public static final Instant RECORDED_AT = Instant.parse("2026-01-05T09:30:00Z");

    private Consents() {
    }

    /**
     * The patient lets a carer view their care plan during 2026 (opt-in privacy consent).
     *
     * @param patient whose consent it is
     * @param carer   the carer's user id
     * @return the consent, active
     */
    public static ConsentRecord proxyGrant(PatientId patient, UserId carer) {
        return ConsentRecord.active(ConsentId.random(), patient, ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_IN)
                .provision(Provision.root().actor(ProvisionActor.person(carer)).provision(Provision.permit()
                        .action(AccessAction.ACCESS)
                        .dataClass(DataClass.CARE_PLAN)
                        .period(ConsentPeriod.between(Instant.parse("2026-01-01T00:00:00Z"),
                                Instant.parse("2027-01-01T00:00:00Z")))))
                .build(), RECORDED_AT);
    }

    /**
     * The patient objects to an organisation seeing their record (opt-out privacy consent with a deny).
     *
     * @param patient      whose consent it is
     * @param organisation the organisation objected to
     * @return the consent, active
     */
    public static ConsentRecord objectionTo(PatientId patient, OdsCode organisation) {
        return ConsentRecord.active(ConsentId.random(), patient, ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_OUT)
                .provision(Provision.root().provision(Provision.deny()
                        .actor(ProvisionActor.organisation(organisation))))
                .build(), RECORDED_AT);
    }

    /**
     * A consent using every part of the model: a representative performer, policy references with
     * and without authority, no policy rule, all four kinds of actor, every criterion, a data
     * period and provisions nested three deep. Storage must give it back equal.
     *
     * @param patient whose consent it is
     * @return the consent, active
     */
    public static ConsentRecord everyPart(PatientId patient) {
        Provision root = Provision.root()
                .period(ConsentPeriod.from(Instant.parse("2026-01-01T00:00:00Z")))
                .provision(Provision.deny()
                        .actor(ProvisionActor.organisation(OdsCode.of("RH8")), ProvisionActor.role(
                                ProfessionalRole.PHARMACIST))
                        .action(AccessAction.ACCESS, AccessAction.DISCLOSE)
                        .dataClass(DataClass.CARE_PLAN, DataClass.REFERRAL)
                        .label(SensitivityLabel.SEXUAL_HEALTH, SensitivityLabel.MENTAL_HEALTH)
                        .purpose(Purpose.DIRECT_CARE)
                        .dataPeriod(DataPeriod.between(LocalDate.of(2019, 1, 1), LocalDate.of(2020, 12, 31)))
                        .provision(Provision.permit()
                                .actor(ProvisionActor.person(UserId.of("consultant-7")))
                                .period(ConsentPeriod.until(Instant.parse("2026-07-01T00:00:00Z")))
                                .provision(Provision.deny().action(AccessAction.DISCLOSE))))
                .provision(Provision.permit()
                        .actor(ProvisionActor.related(RelationshipKind.CARER_WITH_PROXY))
                        .action(AccessAction.ACCESS)
                        .dataClass(DataClass.BUDGET)
                        .purpose(Purpose.PATIENT_SELF_SERVICE))
                .build();
        ConsentTerms terms = ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .performer(Performer.representative(UserId.of("attorney-1"), LegalAuthority.LPA_HEALTH_AND_WELFARE))
                .policies(List.of(PolicyReference.NATIONAL_DATA_OPT_OUT, PolicyReference.of("urn:local:policy:1")))
                .provision(root)
                .build();
        return ConsentRecord.active(ConsentId.random(), patient, terms, RECORDED_AT);
    }
}
