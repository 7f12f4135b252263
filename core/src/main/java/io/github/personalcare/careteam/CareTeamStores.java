package io.github.personalcare.careteam;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Index;
import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.Transaction;
import io.github.personalcare.lang.Versioned;

import java.util.List;
import java.util.Optional;

/** How care teams are stored: the aggregate type every storage adapter keeps them under. */
public final class CareTeamStores {
    /** Care teams, one per patient, queryable by patient. */
    public static final AggregateType<CareTeamId, CareTeam> TEAMS = new AggregateType<>(
            "care_team", CareTeam.class, CareTeam::id, CareTeam::patient,
            List.of(Index.text("patient", CareTeam::patient)));

    private CareTeamStores() {
    }

    /**
     * The patient's care team, read inside an open transaction (for services and policies).
     *
     * @param tx      the open transaction
     * @param patient the patient
     * @return the care team and its version, or empty if the patient has none
     */
    public static Optional<Versioned<CareTeam>> forPatient(Transaction tx, PatientId patient) {
        return tx.aggregates(TEAMS).query(Query.forPatient(patient)).stream().findFirst();
    }
}
