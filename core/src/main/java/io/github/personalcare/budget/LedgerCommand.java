package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A command to record one movement of money in a budget's ledger, as a caller gives it to
 * {@link BudgetService}. Each carries the caller's idempotency key: sending the same command
 * twice (after a timeout, say) records it once and returns the first entry. Amounts must be
 * more than zero (R17); the fields are checked when the command is built, so a bad command
 * never reaches storage.
 */
public sealed interface LedgerCommand
        permits LedgerCommand.Allocation, LedgerCommand.Spend, LedgerCommand.Refund, LedgerCommand.Adjustment,
        LedgerCommand.Recovery {

    /** {@return the caller's idempotency key, unique within the budget} */
    String idempotencyKey();

    /** {@return the line the money moves on} */
    BudgetLineCode line();

    /** {@return the amount, more than zero} */
    Money amount();

    /** {@return the date the money moved} */
    LocalDate date();

    /** {@return the audit action name of the command, such as {@code "budget.spend"}} */
    String auditAction();

    /**
     * The entry this command records.
     *
     * @param id         the new entry's id
     * @param budget     the budget it belongs to
     * @param patient    whose budget it is
     * @param recordedBy who recorded it, as a non-personal reference
     * @param recordedAt when it was recorded
     * @return the entry, not yet stored
     */
    LedgerEntry toEntry(LedgerEntryId id, BudgetId budget, PatientId patient, String recordedBy, Instant recordedAt);

    /**
     * A payment into the budget: for a direct-payment line, into the registered account named
     * (R21). An offset of accumulated unused money (R27) reduces what is paid; it may not exceed
     * the scheduled payment and is recorded as a downward adjustment beside the allocation.
     *
     * @param idempotencyKey  the caller's key
     * @param line            the line
     * @param amount          the scheduled payment
     * @param date            when paid
     * @param paidIntoAccount the account reference paid into (direct payments)
     * @param offset          accumulated unused money set against this payment (R27)
     */
    record Allocation(String idempotencyKey, BudgetLineCode line, Money amount, LocalDate date,
            Optional<String> paidIntoAccount, Optional<Money> offset) implements LedgerCommand {
        /**
         * Checks the payment: key, line, a positive amount and the date are required; an offset, if
         * any, is positive. Absent optionals become empty.
         *
         * @param idempotencyKey  the caller's key: 1 to 100 letters, digits, '.', '_', ':' or '-'
         * @param line            the line
         * @param amount          the scheduled payment
         * @param date            when paid
         * @param paidIntoAccount the account reference paid into (direct payments)
         * @param offset          accumulated unused money set against this payment (R27)
         * @throws InvalidInputException naming the component that is missing or wrong (R17 for
         *                               amounts)
         */
        public Allocation {
            idempotencyKey = key(idempotencyKey);
            Require.present("line", line);
            Require.present("amount", amount).requirePositive("amount");
            Require.present("date", date);
            paidIntoAccount = paidIntoAccount == null ? Optional.empty() : paidIntoAccount;
            offset = offset == null ? Optional.empty() : offset;
            offset.ifPresent(o -> o.requirePositive("offset"));
        }

        /**
         * A payment into a notional or third-party line.
         *
         * @param key    the caller's idempotency key
         * @param line   the line
         * @param amount the payment, more than zero
         * @param date   when paid
         * @return the command
         * @throws InvalidInputException if a component is missing or wrong
         */
        public static Allocation of(String key, BudgetLineCode line, Money amount, LocalDate date) {
            return new Allocation(key, line, amount, date, Optional.empty(), Optional.empty());
        }

        /**
         * A direct payment into the registered account (R21).
         *
         * @param key     the caller's idempotency key
         * @param line    the direct-payment line
         * @param amount  the payment, more than zero
         * @param date    when paid
         * @param account the registered account's reference
         * @return the command
         * @throws InvalidInputException if a component is missing or wrong
         * @throws NullPointerException if {@code account} is null
         */
        public static Allocation directPayment(String key, BudgetLineCode line, Money amount, LocalDate date,
                String account) {
            return new Allocation(key, line, amount, date, Optional.of(account), Optional.empty());
        }

        /**
         * A copy offsetting accumulated unused money against this payment (R27).
         *
         * @param unusedToOffset the accumulated unused money, more than zero
         * @return the copy
         * @throws InvalidInputException if {@code unusedToOffset} is not positive
         * @throws NullPointerException if {@code unusedToOffset} is null
         */
        public Allocation withOffset(Money unusedToOffset) {
            return new Allocation(idempotencyKey, line, amount, date, paidIntoAccount, Optional.of(unusedToOffset));
        }

        @Override
        public String auditAction() {
            return "budget.allocate";
        }

        @Override
        public LedgerEntry toEntry(LedgerEntryId id, BudgetId budget, PatientId patient, String recordedBy,
                Instant recordedAt) {
            return new LedgerEntry(id, budget, patient, idempotencyKey, EntryKind.ALLOCATION, Direction.INCREASE, line,
                    amount, date, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), recordedBy, recordedAt);
        }

        /** The downward adjustment recording the offset, keyed from this command's key. */
        LedgerEntry offsetEntry(LedgerEntryId id, BudgetId budget, PatientId patient, String recordedBy,
                Instant recordedAt) {
            return new LedgerEntry(id, budget, patient, idempotencyKey + ":offset", EntryKind.ADJUSTMENT,
                    Direction.DECREASE, line, offset.orElseThrow(), date, Optional.empty(), Optional.empty(),
                    Optional.of("offset of accumulated unused money against the scheduled payment (R27)"),
                    Optional.empty(), Optional.empty(), recordedBy, recordedAt);
        }
    }

    /**
     * A spend on a service or item in the plan, checked by the {@link SpendingRule}s first.
     *
     * @param idempotencyKey the caller's key
     * @param line           the plan line it is for (R15)
     * @param amount         how much
     * @param date           when spent
     * @param category       what it bought (R16)
     * @param payee          who was paid (free text, never logged)
     * @param approvedBy     who approved going over the balance of a notional line, if the policy allows it
     */
    record Spend(String idempotencyKey, BudgetLineCode line, Money amount, LocalDate date, SpendCategory category,
            String payee, Optional<UserId> approvedBy) implements LedgerCommand {
        /**
         * Checks the spend: key, line, a positive amount, date and category are required; the payee
         * is short text. An absent approver becomes empty.
         *
         * @param idempotencyKey the caller's key: 1 to 100 letters, digits, '.', '_', ':' or '-'
         * @param line           the plan line it is for (R15)
         * @param amount         how much
         * @param date           when spent
         * @param category       what it bought (R16)
         * @param payee          who was paid (free text, never logged)
         * @param approvedBy     who approved going over the balance of a notional line, if anyone
         * @throws InvalidInputException naming the component that is missing or wrong (R17 for the
         *                               amount)
         */
        public Spend {
            idempotencyKey = key(idempotencyKey);
            Require.present("line", line);
            Require.present("amount", amount).requirePositive("amount");
            Require.present("date", date);
            Require.present("category", category);
            Require.text("payee", payee, Require.SHORT_TEXT);
            approvedBy = approvedBy == null ? Optional.empty() : approvedBy;
        }

        /**
         * A spend.
         *
         * @param key      the caller's idempotency key
         * @param line     the plan line it is for
         * @param amount   how much, more than zero
         * @param date     when spent
         * @param category what it bought
         * @param payee    who was paid (free text, never logged)
         * @return the command
         * @throws InvalidInputException if a component is missing or wrong
         */
        public static Spend of(String key, BudgetLineCode line, Money amount, LocalDate date, SpendCategory category,
                String payee) {
            return new Spend(key, line, amount, date, category, payee, Optional.empty());
        }

        /**
         * A spend read from a caller's text amount and currency code.
         *
         * @param key      the caller's idempotency key
         * @param line     the line code
         * @param amount   the amount in pounds, such as {@code "12.50"}
         * @param currency the currency code; only {@code "GBP"}
         * @param date     when spent
         * @param category what it bought
         * @param payee    who was paid (free text, never logged)
         * @return the command
         * @throws InvalidInputException for a currency other than GBP, a line code that is not
         *                               valid, or a negative, zero or over-precise amount (R17)
         */
        public static Spend of(String key, String line, String amount, String currency, LocalDate date,
                SpendCategory category, String payee) {
            return of(key, BudgetLineCode.of(line), Money.of(amount, currency), date, category, payee);
        }

        /**
         * A copy naming who approved going over a notional line's balance.
         *
         * @param approver who approved
         * @return the copy
         * @throws NullPointerException if {@code approver} is null
         */
        public Spend approvedBy(UserId approver) {
            return new Spend(idempotencyKey, line, amount, date, category, payee, Optional.of(approver));
        }

        @Override
        public String auditAction() {
            return "budget.spend";
        }

        @Override
        public LedgerEntry toEntry(LedgerEntryId id, BudgetId budget, PatientId patient, String recordedBy,
                Instant recordedAt) {
            return new LedgerEntry(id, budget, patient, idempotencyKey, EntryKind.SPEND, Direction.DECREASE, line,
                    amount, date, Optional.of(category), Optional.of(payee), Optional.empty(), Optional.empty(),
                    approvedBy, recordedBy, recordedAt);
        }
    }

    /**
     * Money returned from an earlier spend on the line; no more than the line has spent.
     *
     * @param idempotencyKey the caller's key
     * @param line           the line
     * @param amount         how much came back
     * @param date           when
     * @param payee          who paid it back (free text, never logged)
     */
    record Refund(String idempotencyKey, BudgetLineCode line, Money amount, LocalDate date, String payee)
            implements LedgerCommand {
        /**
         * Checks the refund: key, line, a positive amount and the date are required; the payer is
         * short text.
         *
         * @param idempotencyKey the caller's key: 1 to 100 letters, digits, '.', '_', ':' or '-'
         * @param line           the line
         * @param amount         how much came back
         * @param date           when
         * @param payee          who paid it back (free text, never logged)
         * @throws InvalidInputException naming the component that is missing or wrong (R17 for the
         *                               amount)
         */
        public Refund {
            idempotencyKey = key(idempotencyKey);
            Require.present("line", line);
            Require.present("amount", amount).requirePositive("amount");
            Require.present("date", date);
            Require.text("payee", payee, Require.SHORT_TEXT);
        }

        @Override
        public String auditAction() {
            return "budget.refund";
        }

        @Override
        public LedgerEntry toEntry(LedgerEntryId id, BudgetId budget, PatientId patient, String recordedBy,
                Instant recordedAt) {
            return new LedgerEntry(id, budget, patient, idempotencyKey, EntryKind.REFUND, Direction.INCREASE, line,
                    amount, date, Optional.empty(), Optional.of(payee), Optional.empty(), Optional.empty(),
                    Optional.empty(), recordedBy, recordedAt);
        }
    }

    /**
     * A correction up or down, with its reason; down never below zero (R17).
     *
     * @param idempotencyKey the caller's key
     * @param line           the line
     * @param direction      up or down
     * @param amount         how much
     * @param date           when
     * @param reason         why (free text, never logged)
     */
    record Adjustment(String idempotencyKey, BudgetLineCode line, Direction direction, Money amount, LocalDate date,
            String reason) implements LedgerCommand {
        /**
         * Checks the adjustment: key, line, direction, a positive amount and the date are required;
         * the reason is short text.
         *
         * @param idempotencyKey the caller's key: 1 to 100 letters, digits, '.', '_', ':' or '-'
         * @param line           the line
         * @param direction      up or down
         * @param amount         how much
         * @param date           when
         * @param reason         why (free text, never logged)
         * @throws InvalidInputException naming the component that is missing or wrong (R17 for the
         *                               amount)
         */
        public Adjustment {
            idempotencyKey = key(idempotencyKey);
            Require.present("line", line);
            Require.present("direction", direction);
            Require.present("amount", amount).requirePositive("amount");
            Require.present("date", date);
            Require.text("reason", reason, Require.SHORT_TEXT);
        }

        @Override
        public String auditAction() {
            return "budget.adjust";
        }

        @Override
        public LedgerEntry toEntry(LedgerEntryId id, BudgetId budget, PatientId patient, String recordedBy,
                Instant recordedAt) {
            return new LedgerEntry(id, budget, patient, idempotencyKey, EntryKind.ADJUSTMENT, direction, line, amount,
                    date, Optional.empty(), Optional.empty(), Optional.of(reason), Optional.empty(), Optional.empty(),
                    recordedBy, recordedAt);
        }
    }

    /**
     * Unspent or misused money taken back, with its reason; from a direct-payment line only
     * under a repayment notice in force (R24), and never below zero (R17).
     *
     * @param idempotencyKey the caller's key
     * @param line           the line
     * @param amount         how much
     * @param date           when
     * @param reason         why (free text, never logged)
     * @param notice         the repayment notice (needed for direct payments)
     */
    record Recovery(String idempotencyKey, BudgetLineCode line, Money amount, LocalDate date, String reason,
            Optional<NoticeId> notice) implements LedgerCommand {
        /**
         * Checks the recovery: key, line, a positive amount and the date are required; the reason
         * is short text. An absent notice becomes empty.
         *
         * @param idempotencyKey the caller's key: 1 to 100 letters, digits, '.', '_', ':' or '-'
         * @param line           the line
         * @param amount         how much
         * @param date           when
         * @param reason         why (free text, never logged)
         * @param notice         the repayment notice (needed for direct payments)
         * @throws InvalidInputException naming the component that is missing or wrong (R17 for the
         *                               amount)
         */
        public Recovery {
            idempotencyKey = key(idempotencyKey);
            Require.present("line", line);
            Require.present("amount", amount).requirePositive("amount");
            Require.present("date", date);
            Require.text("reason", reason, Require.SHORT_TEXT);
            notice = notice == null ? Optional.empty() : notice;
        }

        @Override
        public String auditAction() {
            return "budget.recover";
        }

        @Override
        public LedgerEntry toEntry(LedgerEntryId id, BudgetId budget, PatientId patient, String recordedBy,
                Instant recordedAt) {
            return new LedgerEntry(id, budget, patient, idempotencyKey, EntryKind.RECOVERY, Direction.DECREASE, line,
                    amount, date, Optional.empty(), Optional.empty(), Optional.of(reason), notice, Optional.empty(),
                    recordedBy, recordedAt);
        }
    }

    /**
     * Checks a caller's idempotency key: 1–100 letters, digits, '.', '_', ':' or '-'.
     */
    private static String key(String key) {
        return LedgerEntry.checkCallerKey(key);
    }
}
