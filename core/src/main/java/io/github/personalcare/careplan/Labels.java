package io.github.personalcare.careplan;

import io.github.personalcare.access.SensitivityLabel;

import java.util.EnumSet;
import java.util.Set;

/** Label arithmetic shared by the labelled plan entries. */
final class Labels {
    private Labels() {
    }

    static Set<SensitivityLabel> with(Set<SensitivityLabel> labels, SensitivityLabel... more) {
        EnumSet<SensitivityLabel> all = EnumSet.noneOf(SensitivityLabel.class);
        all.addAll(labels);
        for (SensitivityLabel label : more) {
            all.add(io.github.personalcare.internal.check.Require.present("label", label));
        }
        return Set.copyOf(all);
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
