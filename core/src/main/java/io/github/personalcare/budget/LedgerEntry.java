package io.github.personalcare.budget;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One append-only entry of a budget's {@link Ledger}: what kind, which line, how much (a
 * positive amount in pence, R17), on what date, to or from whom (a payee description: free
 * text, stored but never logged or put in events), who recorded it and when. The idempotency
 * key, unique within the budget, makes a retried command record once.
 *
 * @param id             internal id
 * @param budget         the budget whose ledger this is
 * @param patient        the budget's patient
 * @param idempotencyKey the caller's key for the command (1–100 letters, digits, '.', '_', ':' or '-'),
 *                       or a key derived from it for a second entry of the same command
 * @param kind           allocation, spend, refund, adjustment or recovery
 * @param direction      INCREASE or DECREASE; fixed by the kind except for adjustments
 * @param line           the budget line (a plan item, R15)
 * @param amount         more than zero
 * @param date           when the money moved
 * @param category       what a spend bought; empty for other kinds
 * @param payee          who was paid or paid back, as the caller describes them
 * @param reason         why, for adjustments and recoveries (free text, never logged)
 * @param notice         the written notice a recovery is made under (R24), if any
 * @param approvedBy     who approved a notional overspend, if this spend is one
 * @param recordedBy     the non-personal reference of the actor who recorded it
 * @param recordedAt     when it was recorded
 */
public record LedgerEntry(
        LedgerEntryId id,
        BudgetId budget,
        PatientId patient,
        String idempotencyKey,
        EntryKind kind,
        Direction direction,
        BudgetLineCode line,
        Money amount,
        LocalDate date,
        Optional<SpendCategory> category,
        Optional<String> payee,
        Optional<String> reason,
        Optional<NoticeId> notice,
        Optional<UserId> approvedBy,
        String recordedBy,
        Instant recordedAt) {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,120}");
    private static final Pattern CALLER_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /**
     * Checks the entry: ids, kind, line, a positive amount (R17), date and who recorded it are
     * required; the direction is the kind's own except for adjustments; a spend has a category
     * (R16), an adjustment or recovery a reason; payee and reason are short text. Absent optionals
     * become empty.
     *
     * @param id             internal id
     * @param budget         the budget whose ledger this is
     * @param patient        the budget's patient
     * @param idempotencyKey 1 to 120 letters, digits, '.', '_', ':' or '-'
     * @param kind           allocation, spend, refund, adjustment or recovery
     * @param direction      INCREASE or DECREASE
     * @param line           the budget line
     * @param amount         more than zero
     * @param date           when the money moved
     * @param category       what a spend bought
     * @param payee          who was paid or paid back (free text, never logged)
     * @param reason         why, for adjustments and recoveries (free text, never logged)
     * @param notice         the written notice a recovery is made under, if any
     * @param approvedBy     who approved a notional overspend, if any
     * @param recordedBy     the non-personal reference of the actor who recorded it
     * @param recordedAt     when it was recorded
     * @throws InvalidInputException naming the component that is missing or wrong
     */
    public LedgerEntry {
        Require.present("id", id);
        Require.present("budget", budget);
        Require.present("patient", patient);
        idempotencyKey = checkKey(idempotencyKey);
        Require.present("kind", kind);
        Require.present("direction", direction);
        if (kind != EntryKind.ADJUSTMENT && direction != fixedDirection(kind)) {
            throw new InvalidInputException("direction", "LEDGER", "is fixed for this kind of entry");
        }
        Require.present("line", line);
        Require.present("amount", amount).requirePositive("amount");
        Require.present("date", date);
        category = category == null ? Optional.empty() : category;
        if (kind == EntryKind.SPEND && category.isEmpty()) {
            throw new InvalidInputException("category", "R16", "is required for a spend");
        }
        payee = Require.optionalText("payee", payee == null ? Optional.empty() : payee, Require.SHORT_TEXT);
        reason = Require.optionalText("reason", reason == null ? Optional.empty() : reason, Require.SHORT_TEXT);
        if ((kind == EntryKind.ADJUSTMENT || kind == EntryKind.RECOVERY) && reason.isEmpty()) {
            throw new InvalidInputException("reason", "LEDGER", "is required for an adjustment or a recovery");
        }
        notice = notice == null ? Optional.empty() : notice;
        approvedBy = approvedBy == null ? Optional.empty() : approvedBy;
        Require.text("recordedBy", recordedBy, Require.SHORT_TEXT);
        Require.present("recordedAt", recordedAt);
    }

    /**
     * Checks an idempotency key.
     *
     * @throws InvalidInputException unless 1–120 letters, digits, '.', '_', ':' or '-'
     */
    static String checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidInputException("idempotencyKey", "IDEMPOTENCY",
                    "must be 1 to 120 letters, digits, '.', '_', ':' or '-'");
        }
        return key;
    }

    /**
     * Checks an idempotency key given by a caller: 1–100 letters, digits, '.', '_', ':' or '-'
     * (entries derived from a command may add a suffix, up to 120).
     *
     * @throws InvalidInputException otherwise
     */
    static String checkCallerKey(String key) {
        if (key == null || !CALLER_KEY.matcher(key).matches()) {
            throw new InvalidInputException("idempotencyKey", "IDEMPOTENCY",
                    "must be 1 to 100 letters, digits, '.', '_', ':' or '-'");
        }
        return key;
    }

    /** The direction every entry of a kind other than adjustment moves the balance. */
    static Direction fixedDirection(EntryKind kind) {
        return kind.sign(Direction.INCREASE) > 0 ? Direction.INCREASE : Direction.DECREASE;
    }

    /**
     * {@return the amount with the sign it has on the balance: positive into the budget, negative
     * out of it}
     */
    public long signedPence() {
        return kind.sign(direction) * amount.pence();
    }

    /**
     * True if {@code other} records the same movement of money (kind, direction, line, amount,
     * date, category): a retry of this entry's command.
     *
     * @param other another entry with the same idempotency key
     * @return whether both record the same movement
     */
    public boolean sameMovementAs(LedgerEntry other) {
        return kind == other.kind && direction == other.direction && line.equals(other.line)
                && amount.equals(other.amount) && date.equals(other.date) && category.equals(other.category);
    }

    @Override
    public String toString() {
        // The payee and reason are free text and may name a person: never printed.
        return "LedgerEntry[" + id + " " + kind + " " + direction + " " + line + " " + amount.pence() + "p " + date + "]";
    }
}
