package io.github.personalcare.budget;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A written notice to a direct-payment recipient, with reasons (R24): a reduction of a line's
 * amount (the line and the new amount), or a demand for repayment (the amount, the date it is
 * due and who must repay). The recipient may ask for it to be reconsidered; while that is
 * pending, or if it was withdrawn, nothing is reduced or recovered under it.
 *
 * @param id              internal id
 * @param kind            reduction or repayment
 * @param issuedOn        when it was given
 * @param reasons         the reasons, in words (free text, never logged)
 * @param line            the line to reduce (reduction), or the line to recover from (repayment)
 * @param amount          the new planned amount (reduction) or the amount to repay (repayment)
 * @param dueOn           when repayment is due (repayment only)
 * @param repayer         who must repay (repayment only)
 * @param recovered       pence recovered under this notice so far
 * @param reconsideration the recipient's request to reconsider, if made
 */
public record WrittenNotice(NoticeId id, NoticeKind kind, LocalDate issuedOn, String reasons, BudgetLineCode line,
        Money amount, Optional<LocalDate> dueOn, Optional<Repayer> repayer, long recovered,
        Optional<Reconsideration> reconsideration) {
    /**
     * Checks the notice (R24): id, kind, date, line and amount are required and the reasons are at
     * most {@link Require#LONG_TEXT} characters; a repayment notice has a positive amount, a due
     * date after it was issued and a repayer, and a reduction notice has neither. Absent optionals
     * become empty.
     *
     * @param id              internal id
     * @param kind            reduction or repayment
     * @param issuedOn        when it was given
     * @param reasons         the reasons, in words (free text, never logged)
     * @param line            the line to reduce, or the line to recover from
     * @param amount          the new planned amount, or the amount to repay
     * @param dueOn           when repayment is due (repayment only)
     * @param repayer         who must repay (repayment only)
     * @param recovered       pence recovered under this notice so far
     * @param reconsideration the recipient's request to reconsider, if made
     * @throws InvalidInputException naming the component that is missing or breaks R24
     * @throws IllegalArgumentException if {@code recovered} is negative or more than a repayment's
     *                                  amount
     */
    public WrittenNotice {
        Require.present("notice.id", id);
        Require.present("notice.kind", kind);
        Require.present("notice.issuedOn", issuedOn);
        Require.text("notice.reasons", reasons, Require.LONG_TEXT);
        Require.present("notice.line", line);
        Require.present("notice.amount", amount);
        dueOn = dueOn == null ? Optional.empty() : dueOn;
        repayer = repayer == null ? Optional.empty() : repayer;
        reconsideration = reconsideration == null ? Optional.empty() : reconsideration;
        if (kind == NoticeKind.REPAYMENT) {
            amount.requirePositive("notice.amount");
            if (dueOn.isEmpty() || repayer.isEmpty()) {
                throw new InvalidInputException(dueOn.isEmpty() ? "notice.dueOn" : "notice.repayer", "R24",
                        "a repayment notice must say when the money is due and who must repay");
            }
            if (!dueOn.get().isAfter(issuedOn)) {
                throw new InvalidInputException("notice.dueOn", "R24", "must allow time after the notice is given");
            }
        } else if (dueOn.isPresent() || repayer.isPresent()) {
            throw new InvalidInputException("notice.dueOn", "R24", "only a repayment notice has a due date and a repayer");
        }
        if (recovered < 0 || recovered > amount.pence() && kind == NoticeKind.REPAYMENT) {
            throw new IllegalArgumentException("recovered must be between zero and the amount");
        }
    }

    /**
     * A reduction notice for {@code line} to {@code newAmount}.
     *
     * @param id        the notice's id
     * @param issuedOn  when it is given
     * @param reasons   the reasons, in words (free text, never logged)
     * @param line      the line to reduce
     * @param newAmount the line's new planned amount
     * @return the notice
     * @throws InvalidInputException if a component is missing or the reasons are blank or too long
     */
    public static WrittenNotice reduction(NoticeId id, LocalDate issuedOn, String reasons, BudgetLineCode line,
            Money newAmount) {
        return new WrittenNotice(id, NoticeKind.REDUCTION, issuedOn, reasons, line, newAmount, Optional.empty(),
                Optional.empty(), 0, Optional.empty());
    }

    /**
     * A repayment notice for {@code amount} from {@code line}, due on {@code dueOn}, by {@code repayer}.
     *
     * @param id       the notice's id
     * @param issuedOn when it is given
     * @param reasons  the reasons, in words (free text, never logged)
     * @param line     the line to recover from
     * @param amount   the amount to repay, more than zero
     * @param dueOn    when repayment is due, after {@code issuedOn}
     * @param repayer  who must repay
     * @return the notice
     * @throws InvalidInputException if a component is missing or breaks R24
     */
    public static WrittenNotice repayment(NoticeId id, LocalDate issuedOn, String reasons, BudgetLineCode line,
            Money amount, LocalDate dueOn, Repayer repayer) {
        Require.present("dueOn", dueOn);
        Require.present("repayer", repayer);
        return new WrittenNotice(id, NoticeKind.REPAYMENT, issuedOn, reasons, line, amount, Optional.of(dueOn),
                Optional.of(repayer), 0, Optional.empty());
    }

    /**
     * {@return whether something may be done under the notice: no reconsideration pending, and not
     * withdrawn}
     */
    public boolean isInForce() {
        return reconsideration.map(r -> r.outcome().map(o -> o == ReconsiderationOutcome.UPHELD).orElse(false))
                .orElse(true);
    }

    /** {@return what is still to be recovered (repayment notices)} */
    public Money outstanding() {
        return Money.ofPence(amount.pence() - recovered);
    }

    WrittenNotice withReconsideration(Reconsideration r) {
        return new WrittenNotice(id, kind, issuedOn, reasons, line, amount, dueOn, repayer, recovered, Optional.of(r));
    }

    WrittenNotice withRecovered(long pence) {
        return new WrittenNotice(id, kind, issuedOn, reasons, line, amount, dueOn, repayer, Math.addExact(recovered, pence),
                reconsideration);
    }
}
