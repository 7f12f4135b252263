package io.github.personalcare.prescription;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

/**
 * A medicine as the record names it: its dm+d code and the name dm+d gives it, both as data (the
 * SDK ships no copy of dm+d; the supplier's prescribing system looks them up).
 *
 * @param code the dm+d code (a VMP or AMP for a prescribable product)
 * @param name the dm+d name, such as {@code "Paracetamol 500mg tablets"}
 */
public record Medicine(DmdCode code, String name) {
    /**
     * Checks both components.
     *
     * @param code the dm+d code
     * @param name the dm+d name, 1 to 200 characters
     * @throws InvalidInputException naming {@code medicine.code} or {@code medicine.name} if missing or invalid
     */
    public Medicine {
        Require.present("medicine.code", code);
        Require.text("medicine.name", name, Require.SHORT_TEXT);
    }

    /**
     * A medicine from its dm+d code and name.
     *
     * @param code the dm+d code's digits
     * @param name the dm+d name
     * @return the medicine
     * @throws InvalidInputException if the code is not a SNOMED CT concept identifier or the name is missing
     */
    public static Medicine of(String code, String name) {
        return new Medicine(DmdCode.of(code), name);
    }
}
