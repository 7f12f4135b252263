package io.github.personalcare.careplan;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** More patients for population tests, each with a care team led by the given GP. */
public final class TestPatients {
    private TestPatients() {
    }

    /** A valid NHS number (Modulus 11) built from a 9-digit prefix; prefixes whose check is 10 are skipped. */
    public static NhsNumber nhsNumber(int seed) {
        for (int n = seed; ; n++) {
            String prefix = String.format("%09d", 400_000_000 + n);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (prefix.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return NhsNumber.parse(prefix + check);
            }
        }
    }

    /** Registers a patient at practice A81001 with a care team whose lead is the GP user GP-1. */
    public static PatientId registerWithTeam(PersonalCare care, AccessContext gp, int seed, Set<PatientFlag> flags) {
        PatientId id = care.patients().register(gp, nhsNumber(seed), NhsNumberVerification.VERIFIED,
                new PersonName("Person", "Number" + (char) ('A' + seed % 26)), LocalDate.of(1955, 5, 5), flags,
                Optional.of(OdsCode.of("A81001"))).value().id();
        var team = care.careTeams().establish(gp, id);
        team = care.careTeams().addProfessional(gp, team.value().id(), UserId.of("GP-1"),
                ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001"), team.version());
        care.careTeams().appointLead(gp, team.value().id(), team.value().professionals().get(0).id(), team.version());
        return id;
    }
}
