package io.github.personalcare.careplan;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

/**
 * How one section differs between two versions of a plan: how many items were added, removed
 * and changed. Counts only, so it can be shown or logged without quoting the person's words.
 */
public record SectionChange(PlanSection section, int added, int removed, int changed) {
    /**
     * Checks the counts: none negative, at least one change.
     *
     * @param section the section
     * @param added   items added
     * @param removed items removed
     * @param changed items changed (goals and actions, matched by id)
     * @throws InvalidInputException if {@code section} is missing
     * @throws IllegalArgumentException if a count is negative or all are zero
     */
    public SectionChange {
        Require.present("section", section);
        if (added < 0 || removed < 0 || changed < 0 || added + removed + changed == 0) {
            throw new IllegalArgumentException("a section change counts at least one non-negative change");
        }
    }

    /** {@return the change in words, such as {@code "GOALS: 1 added, 1 changed"}} */
    public String describe() {
        StringBuilder sb = new StringBuilder(section.name()).append(':');
        String sep = " ";
        if (added > 0) {
            sb.append(sep).append(added).append(" added");
            sep = ", ";
        }
        if (removed > 0) {
            sb.append(sep).append(removed).append(" removed");
            sep = ", ";
        }
        if (changed > 0) {
            sb.append(sep).append(changed).append(" changed");
        }
        return sb.toString();
    }
}
