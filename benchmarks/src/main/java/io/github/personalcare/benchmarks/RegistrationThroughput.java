package io.github.personalcare.benchmarks;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanContent;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.testkit.CarePlans;
import io.github.personalcare.testkit.SyntheticRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Registrations with an agreed care plan per second through the services on PostgreSQL, beside
 * the same four commands in plain JDBC in the same run (issue 13). One operation is: register a
 * patient ({@code care.patients().register}, by the GP), then the patient drafts a plan, proposes
 * it and agrees it: four commands, four transactions. The baseline does the minimum the same four
 * commands need: insert the patient row (unique NHS number) and the plan row, then lock, update
 * and version the plan twice, with one audit row per command, each command a transaction of its
 * own. Threads, warm-up, measured seconds and rounds as {@link SpendThroughput}.
 *
 * <pre>
 * java -cp ... io.github.personalcare.benchmarks.RegistrationThroughput [jdbcUrl] [threads] [warmupSeconds] [seconds] [rounds]
 * </pre>
 * Each run works in a schema of its own, dropped at the end.
 */
public final class RegistrationThroughput {
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    /** NHS numbers are drawn from here upwards, one per operation of the whole run. */
    private static final int FIRST_NUMBER = 1_000_000;

    private RegistrationThroughput() {
    }

    /**
     * Runs the comparison.
     *
     * @param args URL, threads, warm-up seconds, measured seconds, rounds
     * @throws Exception if the database fails
     */
    public static void main(String[] args) throws Exception {
        TimedPhases.Settings settings = TimedPhases.Settings.parse(args);
        TimedPhases.inOwnSchema(settings, pool -> TimedPhases.compare("registrations+plans", pool, settings,
                sdk(pool), plain(pool)));
    }

    private static TimedPhases.Operation sdk(FixedPool pool) {
        TimedPhases.Sdk sdk = TimedPhases.Sdk.on(pool);
        PersonalCare care = sdk.care();
        AccessContext gp = sdk.gp();
        LocalDate today = sdk.today();
        CarePlanContent content = CarePlans.complete(today.plusMonths(CarePlan.FIRST_BUDGET_REVIEW_MONTHS));
        return (thread, n) -> {
            PatientId patient = care.patients().register(gp, SyntheticRecords.nhsNumber(FIRST_NUMBER + (int) n),
                    NhsNumberVerification.VERIFIED, new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10),
                    Set.of(), Optional.of(PRACTICE)).value().id();
            AccessContext self = AccessContext.patientSelf(patient);
            Versioned<CarePlan> plan = care.carePlans().draft(self, patient, content);
            plan = care.carePlans().propose(self, plan.value().id(), plan.version());
            care.carePlans().agree(self, plan.value().id(), plan.version());
        };
    }

    /** The minimum the four commands need in plain JDBC: a row each, versioned updates, an audit row per command. */
    private static TimedPhases.Operation plain(FixedPool pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE plain_patient (id uuid PRIMARY KEY, nhs_number text NOT NULL UNIQUE, doc text NOT NULL)");
            s.execute("CREATE TABLE plain_plan (id uuid PRIMARY KEY, patient_id uuid NOT NULL REFERENCES plain_patient, "
                    + "state text NOT NULL, version BIGINT NOT NULL, doc text NOT NULL)");
            s.execute("CREATE TABLE plain_audit (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, patient_id uuid NOT NULL, "
                    + "action text NOT NULL, occurred_at timestamptz NOT NULL)");
        }
        String patientDoc = "{\"name\":{\"given\":\"Ada\",\"family\":\"Lovelace\"},\"dateOfBirth\":\"1950-12-10\","
                + "\"registeredPractice\":\"A81001\"}";
        String planDoc = "{\"whatMattersToMe\":\"Staying at home\",\"goals\":[{\"description\":\"Walk to the shop\"}]}";
        return (thread, n) -> {
            UUID patient = UUID.randomUUID();
            UUID plan = UUID.randomUUID();
            String nhs = SyntheticRecords.nhsNumber(FIRST_NUMBER + (int) n).value();
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO plain_patient (id, nhs_number, doc) VALUES (?, ?, ?)")) {
                        ps.setObject(1, patient);
                        ps.setString(2, nhs);
                        ps.setString(3, patientDoc);
                        ps.executeUpdate();
                    }
                    audit(c, patient, "patient.register");
                    c.commit();
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO plain_plan (id, patient_id, state, version, doc) VALUES (?, ?, 'DRAFT', 1, ?)")) {
                        ps.setObject(1, plan);
                        ps.setObject(2, patient);
                        ps.setString(3, planDoc);
                        ps.executeUpdate();
                    }
                    audit(c, patient, "careplan.draft");
                    c.commit();
                    for (String state : new String[] {"PROPOSED", "AGREED"}) {
                        long version;
                        try (PreparedStatement ps = c.prepareStatement(
                                "SELECT version FROM plain_plan WHERE id = ? FOR UPDATE")) {
                            ps.setObject(1, plan);
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                version = rs.getLong(1);
                            }
                        }
                        try (PreparedStatement ps = c.prepareStatement(
                                "UPDATE plain_plan SET state = ?, version = ? WHERE id = ? AND version = ?")) {
                            ps.setString(1, state);
                            ps.setLong(2, version + 1);
                            ps.setObject(3, plan);
                            ps.setLong(4, version);
                            ps.executeUpdate();
                        }
                        audit(c, patient, "careplan." + state.toLowerCase(java.util.Locale.ROOT));
                        c.commit();
                    }
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        };
    }

    private static void audit(Connection c, UUID patient, String action) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO plain_audit (patient_id, action, occurred_at) VALUES (?, ?, now())")) {
            ps.setObject(1, patient);
            ps.setString(2, action);
            ps.executeUpdate();
        }
    }
}
