package io.github.personalcare.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.appointment.AppointmentId;
import io.github.personalcare.appointment.AppointmentMode;
import io.github.personalcare.appointment.AppointmentService;
import io.github.personalcare.appointment.AppointmentStores;
import io.github.personalcare.appointment.AppointmentType;
import io.github.personalcare.appointment.NewSlot;
import io.github.personalcare.appointment.Schedule;
import io.github.personalcare.appointment.ScheduleId;
import io.github.personalcare.appointment.Slot;
import io.github.personalcare.appointment.SlotId;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.referral.ServiceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free-slot search target of issue 20: with 10,000 slots stored, searching a service's free
 * slots over the next 4 weeks is answered from an index on PostgreSQL, never a sequential scan of
 * the slot table. The test runs {@code EXPLAIN} on the very statement the JDBC store issued for
 * {@link AppointmentService#freeSlots}, captured from the connection, with the same values bound.
 */
class PostgresFreeSlotSearchPlanIT {
    static final int SLOTS = 10_000;
    static final int SERVICES = 5;
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final String schema = TestDatabases.newSchemaName();
    private final HikariDataSource pool = TestDatabases.postgresSchema(schema, 2);

    @AfterEach
    void drop() {
        pool.close();
        TestDatabases.dropSchema(schema);
    }

    /** Publishes {@link #SLOTS} slots over 20 weeks for {@link #SERVICES} services, every other one booked. */
    static void publish(JdbcStorage storage) {
        List<Slot> slots = new ArrayList<>(SLOTS);
        Duration step = Duration.ofDays(140).dividedBy(SLOTS / SERVICES);
        List<Schedule> schedules = new ArrayList<>();
        for (int s = 0; s < SERVICES; s++) {
            schedules.add(new Schedule(ScheduleId.random(), ServiceId.of("SVC-" + s), OdsCode.of("RR8"), "Clinic " + s,
                    T0));
        }
        // stored in time order across the services, as weekly publishing would store them
        for (int i = 0; i < SLOTS / SERVICES; i++) {
            Instant start = T0.plus(Duration.ofHours(1)).plus(step.multipliedBy(i));
            for (Schedule schedule : schedules) {
                Slot slot = Slot.publish(SlotId.random(), schedule, new NewSlot(start, start.plus(Duration.ofMinutes(10)),
                        AppointmentType.ROUTINE, AppointmentMode.video(), ProfessionalRole.NURSE));
                slots.add(i % 2 == 0 ? slot : slot.takenBy(AppointmentId.random()));
            }
        }
        for (int from = 0; from < slots.size(); from += 1_000) {
            List<Slot> batch = slots.subList(from, Math.min(slots.size(), from + 1_000));
            storage.inTransaction(tx -> {
                tx.aggregates(AppointmentStores.SLOTS).insertAll(batch);
                return null;
            });
        }
    }

    @Test
    @DisplayName("Free slots of a service over 4 weeks, 10,000 slots stored: an index answers, no Seq Scan")
    void theFreeSlotSearchIsAnsweredFromAnIndex() throws SQLException {
        CountingDataSource recording = new CountingDataSource(pool);
        JdbcStorage storage = JdbcStorage.builder(recording).dialect(Dialect.POSTGRESQL).build();
        storage.migrate();
        publish(storage);
        TestDatabases.execute(pool, "ANALYZE appointment_slot");
        PersonalCare care = PersonalCare.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        LocalDate today = LocalDate.of(2026, 3, 2);
        recording.reset();

        List<Versioned<Slot>> free = care.appointments().freeSlots(ServiceId.of("SVC-2"), today, today.plusWeeks(4));

        assertThat(free).isNotEmpty().allSatisfy(v -> {
            assertThat(v.value().isFree()).isTrue();
            assertThat(v.value().service()).isEqualTo(ServiceId.of("SVC-2"));
        });
        String sql = recording.prepared().stream().filter(s -> s.contains("FROM appointment_slot")).findFirst().orElseThrow();
        assertThat(sql).contains("t.service = ?", "t.bookable = ?", "t.starts_at >= ?", "t.starts_at < ?");
        long from = today.atStartOfDay(Slot.UK).toEpochSecond();
        long to = today.plusWeeks(4).plusDays(1).atStartOfDay(Slot.UK).toEpochSecond();
        List<String> plan = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            ps.setString(1, "SVC-2");
            ps.setBoolean(2, true);
            ps.setLong(3, from);
            ps.setLong(4, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        String text = String.join("\n", plan);
        // PostgreSQL picks among the slot indexes by cost (starts_at, service or the composite search index
        // as the data lie); whichever it picks, the slot table is never read in full
        assertThat(text).as(text).doesNotContain("Seq Scan").containsPattern("Index Scan (using appointment_slot_\\w+ )?on "
                + "appointment_slot|Bitmap Index Scan on appointment_slot_\\w+");
        assertThat(TestDatabases.queryLong(pool, "SELECT COUNT(*) FROM appointment_slot")).isEqualTo(SLOTS);
    }
}
