package io.github.personalcare.appointment;

import io.github.personalcare.internal.check.Require;

/**
 * How an appointment takes place: in person at a location, by video or by telephone. The location
 * is the name of a site or room (directory data, not personal).
 */
public sealed interface AppointmentMode permits AppointmentMode.InPerson, AppointmentMode.Video,
        AppointmentMode.Telephone {

    /**
     * In person, at a location.
     *
     * @param location the site or room, such as {@code "Church Street Surgery, room 3"}
     */
    record InPerson(String location) implements AppointmentMode {
        /**
         * Checks the location.
         *
         * @param location the site or room, 1 to {@link Require#SHORT_TEXT} characters
         * @throws io.github.personalcare.lang.InvalidInputException if missing, blank or too long
         */
        public InPerson {
            Require.text("mode.location", location, Require.SHORT_TEXT);
        }
    }

    /** By video call; the joining details are sent outside the SDK. */
    record Video() implements AppointmentMode {
    }

    /** By telephone, the service calling the patient. */
    record Telephone() implements AppointmentMode {
    }

    /**
     * In person.
     *
     * @param location the site or room
     * @return the mode
     * @throws io.github.personalcare.lang.InvalidInputException if the location is missing, blank or too long
     */
    static AppointmentMode inPerson(String location) {
        return new InPerson(location);
    }

    /** {@return by video} */
    static AppointmentMode video() {
        return new Video();
    }

    /** {@return by telephone} */
    static AppointmentMode telephone() {
        return new Telephone();
    }
}
