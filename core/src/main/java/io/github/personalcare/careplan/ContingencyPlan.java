package io.github.personalcare.careplan;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.util.List;

/**
 * What to do if help is needed before the next review (§1.2): the signs to look out for, what to
 * do (each at most {@link Require#LONG_TEXT} characters), and who to contact (at least one, each at
 * most {@link Require#SHORT_TEXT}).
 */
public record ContingencyPlan(String signs, String whatToDo, List<String> whoToContact) {
    /** Most contacts one contingency plan lists. */
    public static final int MAX_CONTACTS = 10;

    /**
     * Checks the plan (R7).
     *
     * @param signs        the signs to look out for
     * @param whatToDo     what to do if they appear
     * @param whoToContact who to contact, at least one and at most {@value #MAX_CONTACTS}
     * @throws InvalidInputException naming {@code contingency.signs}...
     */
    public ContingencyPlan {
        signs = Require.text("contingency.signs", signs, Require.LONG_TEXT);
        whatToDo = Require.text("contingency.whatToDo", whatToDo, Require.LONG_TEXT);
        whoToContact = Require.list("contingency.whoToContact", whoToContact, MAX_CONTACTS);
        if (whoToContact.isEmpty()) {
            throw new InvalidInputException("contingency.whoToContact", "R7",
                    "must name at least one contact");
        }
        for (int i = 0; i < whoToContact.size(); i++) {
            Require.text("contingency.whoToContact[" + i + "]", whoToContact.get(i), Require.SHORT_TEXT);
        }
    }
}
