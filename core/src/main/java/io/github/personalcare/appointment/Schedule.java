package io.github.personalcare.appointment;

import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.referral.ServiceId;

import java.time.Instant;

/**
 * A schedule a service or practice publishes slots on: the directory service it belongs to, the
 * organisation that runs it and a name for display (a clinic, not a person). Directory data, not
 * a patient's.
 *
 * @param id           the schedule's id
 * @param service      the directory service (or practice) the slots are for
 * @param organisation ODS code of the organisation that runs it; its staff publish and manage the slots
 * @param name         for display, such as {@code "Cardiology outpatients"}
 * @param publishedAt  when it was published (command time)
 */
public record Schedule(ScheduleId id, ServiceId service, OdsCode organisation, String name, Instant publishedAt) {
    /**
     * Checks every component.
     *
     * @param id           the schedule's id
     * @param service      the directory service (or practice) the slots are for
     * @param organisation ODS code of the organisation that runs it
     * @param name         for display, 1 to {@link Require#SHORT_TEXT} characters
     * @param publishedAt  when it was published
     * @throws io.github.personalcare.lang.InvalidInputException if a component is missing or the name blank or too long
     */
    public Schedule {
        Require.present("schedule.id", id);
        Require.present("schedule.service", service);
        Require.present("schedule.organisation", organisation);
        Require.text("schedule.name", name, Require.SHORT_TEXT);
        Require.present("schedule.publishedAt", publishedAt);
    }
}
