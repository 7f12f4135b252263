package io.github.personalcare.careplan;

import io.github.personalcare.access.SensitivityLabel;

import java.util.Set;

/** Label arithmetic shared by the labelled plan entries. */
final class Labels {
    private Labels() {
    }

    static Set<SensitivityLabel> with(Set<SensitivityLabel> labels, SensitivityLabel... more) {
        Set<SensitivityLabel> all = new java.util.HashSet<>(labels);
        all.addAll(java.util.Arrays.asList(more));
        return all; // the record's constructor checks and copies it
    }

    static boolean withheld(Set<SensitivityLabel> labels, Set<SensitivityLabel> withheld) {
        for (SensitivityLabel label : labels) {
            if (withheld.contains(label)) {
                return true;
            }
        }
        return false;
    }
}
