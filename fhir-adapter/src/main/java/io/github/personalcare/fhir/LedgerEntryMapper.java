package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.Actor;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.Direction;
import io.github.personalcare.budget.EntryKind;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.LedgerEntryId;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.NoticeId;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A budget {@link LedgerEntry} as a base R4 ChargeItem (no UK Core profile exists, R51).
 *
 * <ul>
 *   <li>{@code identifier}: the entry's idempotency key, so a resent entry is recognised;
 *       {@code status} {@code billable} (entries are never deleted or reversed in place).</li>
 *   <li>{@code code}: the SDK entry kind, plus the spending category of a spend (R16).</li>
 *   <li>{@code account}: the line's Account (R15), carrying the line code as identifier; the
 *       budget Account in an SDK extension, carrying the budget id.</li>
 *   <li>{@code priceOverride}: the amount in GBP, a decimal of scale 2 (R17). On input anything
 *       that is not an exact, non-negative number of pence in GBP is a problem at
 *       {@code $.priceOverride.value} or {@code .currency}; nothing is rounded.</li>
 *   <li>{@code occurrenceDateTime}: the date the money moved; {@code enteredDate}: when it was
 *       recorded; {@code enterer}: the SDK actor reference of who recorded it (its identifier),
 *       and for a professional also a reference to their PractitionerRole;
 *       {@code performer} with function {@code approver}: who approved a notional overspend.</li>
 *   <li>{@code reason.text}: the reason of an adjustment or recovery; SDK extensions: the
 *       direction of an adjustment, the payee and the written notice of a recovery (R24).</li>
 *   <li>{@code supportingInformation}: the budget's CarePlan, for a spend (every spend is
 *       authorised by the agreed plan, R15); written by {@link #toFhir(LedgerEntry, CarePlanId)}.</li>
 * </ul>
 */
public final class LedgerEntryMapper implements FhirMapper<LedgerEntry> {
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "extension", "identifier", "status",
            "code", "subject", "occurrenceDateTime", "performer", "priceOverride", "enterer", "enteredDate", "reason",
            "account", "supportingInformation");

    /** A mapper; stateless and thread-safe. */
    public LedgerEntryMapper() {
    }

    @Override
    public String resourceType() {
        return "ChargeItem";
    }

    @Override
    public String profile() {
        return BudgetFhir.BASE_CHARGE_ITEM;
    }

    /** The ChargeItem, without the CarePlan a spend is authorised by (see {@link #toFhir(LedgerEntry, CarePlanId)}). */
    @Override
    public ObjectNode toFhir(LedgerEntry e) {
        return write(e, Optional.empty(), 0);
    }

    /**
     * The ChargeItem of an entry of a budget for {@code plan}: a spend also points at the plan (R15).
     *
     * @param e    the ledger entry
     * @param plan the care plan the entry's budget is for
     * @return the ChargeItem resource
     */
    public ObjectNode toFhir(LedgerEntry e, CarePlanId plan) {
        return write(e, Optional.of(plan), 0);
    }

    /**
     * The ChargeItem of the {@code sequence}th entry (from 1) of a budget's ledger, as a whole-record
     * Bundle writes it: the position is kept in an SDK extension so the ledger reads back in its
     * recording order whatever the order of the Bundle's entries.
     */
    ObjectNode toFhir(LedgerEntry e, CarePlanId plan, int sequence) {
        return write(e, Optional.of(plan), sequence);
    }

    /**
     * The position an SDK ChargeItem gives its entry in the budget's ledger; empty if it has none.
     * A position that is not a positive whole number is a problem.
     */
    static Optional<Integer> sequenceOf(FhirElement chargeItem) {
        return SdkExtensions.extension(chargeItem, BudgetFhir.EXT_ENTRY_SEQUENCE).flatMap(x -> {
            JsonNode value = x.json().get("valuePositiveInt");
            if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
                x.problem("valuePositiveInt", "LEDGER_SEQUENCE", "the position in the ledger must be a positive whole number");
                return Optional.empty();
            }
            return Optional.of(value.asInt());
        });
    }

    private ObjectNode write(LedgerEntry e, Optional<CarePlanId> plan, int sequence) {
        ObjectNode r = Elements.resource("ChargeItem", e.id().toString(), profile());
        ArrayNode ext = r.putArray("extension");
        ext.add(SdkExtensions.extension(BudgetFhir.EXT_ENTRY_BUDGET).set("valueReference",
                Elements.reference("Account", e.budget().toString(), BudgetFhir.BUDGET_ID, e.budget().toString())));
        if (sequence > 0) {
            ext.add(SdkExtensions.extension(BudgetFhir.EXT_ENTRY_SEQUENCE).put("valuePositiveInt", sequence));
        }
        if (e.kind() == EntryKind.ADJUSTMENT) {
            ext.add(SdkExtensions.extension(BudgetFhir.EXT_ENTRY_DIRECTION)
                    .set("valueCoding", Elements.coding(BudgetFhir.ENTRY_DIRECTION, e.direction().name())));
        }
        e.payee().ifPresent(p -> ext.add(SdkExtensions.extension(BudgetFhir.EXT_ENTRY_PAYEE).put("valueString", p)));
        e.notice().ifPresent(n -> ext.add(SdkExtensions.extension(BudgetFhir.EXT_ENTRY_NOTICE)
                .set("valueIdentifier", Elements.identifier(BudgetFhir.NOTICE_ID, n.toString()))));
        r.putArray("identifier").add(Elements.identifier(BudgetFhir.IDEMPOTENCY_KEY, e.idempotencyKey()));
        r.put("status", LedgerCodes.STATUS);
        ObjectNode code = r.putObject("code");
        ArrayNode codings = code.putArray("coding");
        codings.add(Elements.coding(BudgetFhir.ENTRY_KIND, e.kind().name()));
        e.category().ifPresent(c -> codings.add(Elements.coding(BudgetFhir.SPEND_CATEGORY, c.code())));
        r.set("subject", Elements.reference("Patient", e.patient().toString()));
        r.put("occurrenceDateTime", e.date().toString());
        e.approvedBy().ifPresent(a -> {
            ObjectNode performer = r.putArray("performer").addObject();
            performer.set("function", Elements.concept(Elements.coding(BudgetFhir.ENTRY_ROLE, LedgerCodes.APPROVER)));
            performer.set("actor", BudgetFhir.identifierReference("Practitioner", FhirSystems.SDK_USER_ID, a.value()));
        });
        r.set("priceOverride", BudgetFhir.money(e.amount().pence()));
        r.set("enterer", enterer(e.recordedBy()));
        r.put("enteredDate", e.recordedAt().toString());
        e.reason().ifPresent(why -> r.putArray("reason").addObject().put("text", why));
        r.putArray("account").add(Elements.reference("Account", BudgetAccountMapper.lineIdFor(e.budget(), e.line()),
                BudgetFhir.BUDGET_LINE, e.line().value()));
        if (plan.isPresent() && e.kind() == EntryKind.SPEND) {
            r.putArray("supportingInformation").add(Elements.reference("CarePlan", plan.get().toString()));
        }
        return r;
    }

    // The identifier keeps the SDK's actor reference exactly; a professional is also referenced as
    // the PractitionerRole the whole-record Bundle holds (PatientRecord collects them).
    private static ObjectNode enterer(String recordedBy) {
        Optional<Actor.Professional> professional = ActorReferences.parse(recordedBy)
                .filter(Actor.Professional.class::isInstance).map(Actor.Professional.class::cast);
        ObjectNode r = professional.map(p -> Elements.reference("PractitionerRole", PractitionerRoleMapper.idFor(p)))
                .orElseGet(Elements::object);
        r.set("identifier", Elements.identifier(BudgetFhir.ACTOR_REFERENCE, recordedBy));
        return r;
    }

    /**
     * The CarePlan id a ChargeItem's {@code supportingInformation} names, if any, for the check
     * that a spend points at its budget's plan (R15).
     */
    static Optional<String> carePlanOf(FhirElement chargeItem) {
        for (FhirElement s : chargeItem.objects("supportingInformation")) {
            Optional<String> ref = s.text("reference");
            if (ref.isPresent()) {
                Optional<String> id = References.logicalId(ref.get(), "CarePlan", chargeItem.context());
                if (id.isPresent()) {
                    return id;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<LedgerEntry> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        r.ignoreAllBut(READ);
        Optional<LedgerEntryId> id = ForeignIds.id(r, "ChargeItem")
                .flatMap(v -> r.convert("id", () -> LedgerEntryId.parse(v)));
        Optional<BudgetId> budget = SdkExtensions.requiredExtension(r, BudgetFhir.EXT_ENTRY_BUDGET, "LEDGER_BUDGET")
                .flatMap(x -> x.object("valueReference").or(() -> {
                    x.problem("valueReference", "LEDGER_BUDGET", "is required");
                    return Optional.empty();
                }))
                .flatMap(ref -> referenceKey(ref, BudgetFhir.BUDGET_ID, "LEDGER_BUDGET")
                        .flatMap(v -> ref.convert("identifier", () -> BudgetId.parse(v))));
        Optional<String> key = Optional.empty();
        for (FhirElement i : r.objects("identifier")) {
            if (i.text("system").map(BudgetFhir.IDEMPOTENCY_KEY::equals).orElse(false)) {
                key = i.requiredText("value", "IDEMPOTENCY");
            }
        }
        if (key.isEmpty()) {
            r.problem("identifier", "IDEMPOTENCY", "an identifier of " + BudgetFhir.IDEMPOTENCY_KEY + " is required");
        }
        r.requiredText("status", "LEDGER").filter(s -> !s.equals(LedgerCodes.STATUS))
                .ifPresent(s -> r.problem("status", "LEDGER", "must be " + LedgerCodes.STATUS));
        Optional<EntryKind> kind = Optional.empty();
        Optional<SpendCategory> category = Optional.empty();
        Optional<FhirElement> code = r.object("code");
        if (code.isEmpty()) {
            r.problem("code", "LEDGER", "the entry kind is required");
        } else {
            for (FhirElement c : code.get().objects("coding")) {
                Optional<String> system = c.text("system");
                if (system.map(BudgetFhir.ENTRY_KIND::equals).orElse(false)) {
                    kind = c.requiredText("code", "LEDGER")
                            .flatMap(k -> SdkExtensions.constant(c, "code", EntryKind.class, k, "LEDGER"));
                } else if (system.map(BudgetFhir.SPEND_CATEGORY::equals).orElse(false)) {
                    category = c.requiredText("code", "R16").flatMap(v -> c.convert("code", () -> SpendCategory.of(v)));
                }
            }
            boolean coded = code.get().json().path("coding").findValuesAsText("system").contains(BudgetFhir.ENTRY_KIND);
            if (!coded) {
                code.get().problem("coding", "LEDGER", "a coding of " + BudgetFhir.ENTRY_KIND + " is required");
            }
        }
        Optional<Direction> direction = kind.flatMap(k -> direction(r, k));
        Optional<PatientId> patient = r.object("subject").or(() -> {
            r.problem("subject", "ONE_PATIENT", "is required");
            return Optional.empty();
        }).flatMap(s -> BudgetFhir.referencedId(s, "Patient", "ONE_PATIENT")
                .flatMap(v -> s.convert("reference", () -> PatientId.parse(ForeignIds.uuid(s, "reference", "Patient", v)))));
        Optional<java.time.LocalDate> date = SdkExtensions.requiredDate(r, "occurrenceDateTime", "LEDGER");
        Optional<UserId> approvedBy = approver(r);
        Optional<Long> pence = BudgetFhir.pence(r, "priceOverride");
        Optional<String> recordedBy = r.object("enterer").or(() -> {
            r.problem("enterer", "LEDGER", "who recorded the entry is required");
            return Optional.empty();
        }).flatMap(e -> referenceKey(e, BudgetFhir.ACTOR_REFERENCE, "LEDGER"));
        Optional<Instant> recordedAt = r.requiredText("enteredDate", "LEDGER").flatMap(t -> {
            try {
                return Optional.of(FhirDateTimes.parseInstant(t));
            } catch (DateTimeParseException e) {
                r.problem("enteredDate", "LEDGER", "must be a date and time with a zone");
                return Optional.empty();
            }
        });
        Optional<String> reason = Optional.empty();
        List<FhirElement> reasons = r.objects("reason");
        if (reasons.size() > 1) {
            r.problem("reason", "LEDGER", "may hold one reason");
        } else if (reasons.size() == 1) {
            reason = reasons.get(0).requiredText("text", "LEDGER");
        }
        Optional<String> payee = SdkExtensions.extension(r, BudgetFhir.EXT_ENTRY_PAYEE)
                .flatMap(x -> x.requiredText("valueString", "LEDGER"));
        Optional<NoticeId> notice = SdkExtensions.extension(r, BudgetFhir.EXT_ENTRY_NOTICE)
                .flatMap(x -> x.object("valueIdentifier").or(() -> {
                    x.problem("valueIdentifier", "R24", "is required");
                    return Optional.empty();
                }))
                .flatMap(i -> i.requiredText("value", "R24").flatMap(v -> i.convert("value", () -> NoticeId.parse(v))));
        Optional<BudgetLineCode> line = line(r, budget);
        if (context.hasProblems() || id.isEmpty() || budget.isEmpty() || key.isEmpty() || kind.isEmpty()
                || direction.isEmpty() || patient.isEmpty() || date.isEmpty() || pence.isEmpty()
                || recordedBy.isEmpty() || recordedAt.isEmpty() || line.isEmpty()) {
            return Optional.empty();
        }
        String k = key.get();
        EntryKind kd = kind.get();
        Optional<SpendCategory> cat = category;
        Optional<String> why = reason;
        return r.convert("priceOverride", () -> Money.ofPence(pence.get()).requirePositive("amount"))
                .flatMap(amount -> r.convert("code", () -> new LedgerEntry(id.get(), budget.get(), patient.get(), k, kd,
                        direction.get(), line.get(), amount, date.get(), cat, payee, why, notice, approvedBy,
                        recordedBy.get(), recordedAt.get())));
    }

    private static Optional<Direction> direction(FhirElement r, EntryKind kind) {
        Optional<FhirElement> x = SdkExtensions.extension(r, BudgetFhir.EXT_ENTRY_DIRECTION);
        if (kind != EntryKind.ADJUSTMENT) {
            if (x.isPresent()) {
                x.get().problem(null, "LEDGER", "only an adjustment carries a direction");
                return Optional.empty();
            }
            return Optional.of(kind == EntryKind.ALLOCATION || kind == EntryKind.REFUND
                    ? Direction.INCREASE : Direction.DECREASE);
        }
        if (x.isEmpty()) {
            r.problem("extension", "LEDGER", "an adjustment needs its direction (" + BudgetFhir.EXT_ENTRY_DIRECTION + ")");
            return Optional.empty();
        }
        return SdkExtensions.coded(x.get(), "valueCoding", BudgetFhir.ENTRY_DIRECTION, Direction.class, "LEDGER");
    }

    private static Optional<UserId> approver(FhirElement r) {
        List<FhirElement> performers = r.objects("performer");
        if (performers.isEmpty()) {
            return Optional.empty();
        }
        if (performers.size() > 1) {
            r.problem("performer", "LEDGER", "may name one approver");
            return Optional.empty();
        }
        FhirElement p = performers.get(0);
        boolean approver = p.object("function").map(f -> f.objects("coding").stream().anyMatch(c ->
                c.text("system").map(BudgetFhir.ENTRY_ROLE::equals).orElse(false)
                        && c.text("code").map(LedgerCodes.APPROVER::equals).orElse(false))).orElse(false);
        if (!approver) {
            p.problem("function", "LEDGER", "must be the SDK code " + LedgerCodes.APPROVER);
            return Optional.empty();
        }
        return p.object("actor").or(() -> {
            p.problem("actor", "LEDGER", "is required");
            return Optional.empty();
        }).flatMap(a -> References.identifier(a, "Practitioner", PractitionerMapper.USER_SYSTEMS).or(() -> {
            a.problem("identifier", "LEDGER", "the approver's user id is required");
            return Optional.empty();
        }).flatMap(v -> a.convert("identifier", () -> UserId.of(v))));
    }

    /** The value of a Reference's own identifier of {@code system}. */
    private static Optional<String> referenceKey(FhirElement reference, String system, String rule) {
        Optional<FhirElement> identifier = reference.object("identifier");
        if (identifier.isEmpty()) {
            reference.problem("identifier", rule, "an identifier of " + system + " is required");
            return Optional.empty();
        }
        FhirElement i = identifier.get();
        Optional<String> s = i.requiredText("system", rule);
        if (s.isPresent() && !s.get().equals(system)) {
            i.problem("system", rule, "must be " + system);
            return Optional.empty();
        }
        return i.requiredText("value", rule);
    }

    private static Optional<BudgetLineCode> line(FhirElement r, Optional<BudgetId> budget) {
        List<FhirElement> accounts = r.objects("account");
        if (accounts.size() != 1) {
            r.problem("account", "R15", "must name exactly one budget line Account");
            return Optional.empty();
        }
        FhirElement a = accounts.get(0);
        Optional<BudgetLineCode> code = referenceKey(a, BudgetFhir.BUDGET_LINE, "R15")
                .flatMap(v -> a.convert("identifier", () -> BudgetLineCode.of(v)));
        if (code.isPresent() && budget.isPresent()) {
            Optional<String> target = BudgetFhir.referencedId(a, "Account", "R15");
            String expected = BudgetAccountMapper.lineIdFor(budget.get(), code.get());
            if (target.isPresent() && !target.get().equals(expected)) {
                a.problem("reference", "R15", "must point at the Account of this line of this budget");
                return Optional.empty();
            }
        }
        return code;
    }
}
