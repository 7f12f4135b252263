package io.github.personalcare.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentTerms;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.lang.Versioned;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a clinician marks on a referral's attachments decides who sees them: third-party and
 * serious-harm documents never reach the patient or proxies (R48), and a label the patient objected
 * to never reaches the professionals they objected to (R41). The stored referral keeps everything.
 */
class ReferralRedactionTest {
    private final ReferralWorld world = new ReferralWorld();
    private final Attachment letter = new Attachment("Referral letter", "application/pdf", "https://docs.example/1");
    private final Attachment thirdParty = new Attachment("Note from the patient's daughter", "application/pdf",
            "https://docs.example/2").labelled(SensitivityLabel.THIRD_PARTY);
    private final Attachment sexualHealth = new Attachment("GUM clinic letter", "application/pdf",
            "https://docs.example/3").labelled(SensitivityLabel.SEXUAL_HEALTH);
    private final AccessContext self = AccessContext.patientSelf(world.patient);

    private Versioned<Referral> referralWithEveryKindOfAttachment() {
        return world.referrals().draft(world.gp,
                world.routineCardiology().withAttachments(List.of(letter, thirdParty, sexualHealth)));
    }

    private static List<String> titles(Versioned<Referral> r) {
        return r.value().attachments().stream().map(Attachment::title).toList();
    }

    @Test
    @DisplayName("R48 the patient sees their referral without the attachments marked third-party or serious harm")
    void thePatientDoesNotSeeThirdPartyAttachments() {
        Versioned<Referral> drafted = referralWithEveryKindOfAttachment();

        Versioned<Referral> seen = world.referrals().get(self, drafted.value().id());

        assertThat(titles(seen)).containsExactly("Referral letter", "GUM clinic letter");
        assertThat(world.referrals().forPatient(self, world.patient)).singleElement()
                .satisfies(r -> assertThat(titles(r)).containsExactly("Referral letter", "GUM clinic letter"));
        assertThat(world.referrals().findByUbrn(self, world.patient, drafted.value().ubrn())).get()
                .satisfies(r -> assertThat(titles(r)).hasSize(2));
        assertThat(world.stored()).singleElement().satisfies(r -> assertThat(r.attachments()).hasSize(3));
    }

    @Test
    @DisplayName("R48 the referring GP sees every attachment, including third-party ones")
    void theReferrerSeesEverything() {
        Versioned<Referral> drafted = referralWithEveryKindOfAttachment();

        assertThat(titles(drafted)).hasSize(3);
        assertThat(titles(world.referrals().get(world.gp, drafted.value().id()))).hasSize(3);
    }

    @Test
    @DisplayName("R41 a patient's objection to sharing sexual-health data leaves those attachments out for the GP")
    void anObjectionToALabelRedactsItForProfessionals() {
        Versioned<Referral> drafted = referralWithEveryKindOfAttachment();
        world.care.consents().record(self, world.patient, ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_OUT)
                .provision(Provision.root().provision(Provision.deny().label(SensitivityLabel.SEXUAL_HEALTH)))
                .build());

        Versioned<Referral> seen = world.referrals().get(world.gp, drafted.value().id());

        assertThat(titles(seen)).containsExactly("Referral letter", "Note from the patient's daughter");
    }

    @Test
    @DisplayName("R48 a command's result is redacted too, and the stored attachments survive the command")
    void aCommandByThePatientReturnsTheRedactedReferralAndKeepsTheStoredOne() {
        Versioned<Referral> r = referralWithEveryKindOfAttachment();
        r = world.referrals().shortlist(world.gp, r.value().id(),
                List.of(ReferralWorld.LEEDS_CARDIOLOGY.id(), ReferralWorld.YORK_CARDIOLOGY.id()),
                PatientChoice.choiceOffered(), r.version());
        r = world.referrals().submit(world.gp, r.value().id(), r.version());

        Versioned<Referral> booked = world.referrals().book(self, r.value().id(),
                ReferralWorld.LEEDS_CARDIOLOGY.id(), world.inDays(14), r.version());

        assertThat(booked.value().state()).isEqualTo(ReferralState.BOOKED);
        assertThat(titles(booked)).containsExactly("Referral letter", "GUM clinic letter");
        assertThat(world.stored()).singleElement().satisfies(s -> assertThat(s.attachments()).hasSize(3));
    }

    @Test
    void aStrangerStillSeesNothing() {
        Versioned<Referral> drafted = referralWithEveryKindOfAttachment();

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> world.referrals().get(ReferralWorld.professional("X1",
                        ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("B99999")), drafted.value().id()));
    }
}
