package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.personalcare.budget.AccountKind;
import io.github.personalcare.budget.AuditedOverride;
import io.github.personalcare.budget.BudgetHolder;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.BudgetStatus;
import io.github.personalcare.budget.Eligibility;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.HolderKind;
import io.github.personalcare.budget.LineAccount;
import io.github.personalcare.budget.Management;
import io.github.personalcare.budget.ManagementOption;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.PaymentAccount;
import io.github.personalcare.budget.PaymentFrequency;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.Recipient;
import io.github.personalcare.budget.RecipientKind;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.budget.StatusChange;
import io.github.personalcare.budget.StatusReason;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reading half of {@link BudgetAccountMapper}: a budget Account and the line Accounts it
 * references (which must be in the same Bundle) back into a {@link PersonalHealthBudget}. The
 * Account status must agree with the budget status extension ({@link BudgetCodes#ACCOUNT_STATUS}).
 * A line Account's problems are reported at its Bundle entry's path when the entry paths are
 * known, else at the reference to it. Stateless and thread-safe.
 */
final class BudgetAccountReader {
    private static final String ACCOUNT = "Account";
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "extension", "identifier", "status",
            "type", "subject", "servicePeriod", "owner");
    private static final Set<String> READ_LINE = Set.of("resourceType", "id", "meta", "extension", "identifier",
            "status", "type", "subject", "owner", "guarantor", "partOf");

    private final Map<JsonNode, String> entryPaths;

    /** A reader that reports problems in a line Account at its Bundle entry's path, found in {@code entryPaths}. */
    BudgetAccountReader(Map<JsonNode, String> entryPaths) {
        this.entryPaths = entryPaths;
    }

    /** The budget of a budget Account with its lines, or empty with the problems reported to {@code context}. */
    Optional<PersonalHealthBudget> read(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, ACCOUNT);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        r.ignoreAllBut(READ);
        if (!BudgetAccountMapper.isBudgetAccount(json)) {
            r.problem("type", "BUDGET", "must be the SDK code " + BudgetFhir.BUDGET_ACCOUNT_CODE);
            return Optional.empty();
        }
        Optional<BudgetId> id = r.requiredText("id", "ID").flatMap(v -> r.convert("id", () -> BudgetId.parse(v)));
        id.ifPresent(i -> checkIdentifier(r, BudgetFhir.BUDGET_ID, i.toString()));
        Optional<PatientId> patient = subject(r);
        Optional<BudgetStatus> status = SdkExtensions.requiredExtension(r, BudgetFhir.EXT_STATUS, "BUDGET")
                .flatMap(x -> SdkExtensions.coded(x, "valueCoding", BudgetFhir.BUDGET_STATUS, BudgetStatus.class,
                        "BUDGET"));
        status.ifPresent(s -> checkStatus(r, s));
        Optional<CarePlanId> plan = SdkExtensions.requiredExtension(r, BudgetFhir.EXT_CARE_PLAN, "R15")
                .flatMap(x -> x.object("valueReference").or(() -> {
                    x.problem("valueReference", "R15", "is required");
                    return Optional.empty();
                }))
                .flatMap(ref -> BudgetFhir.referencedId(ref, "CarePlan", "R15")
                        .flatMap(v -> ref.convert("reference", () -> CarePlanId.parse(v))));
        Optional<Eligibility> eligibility = eligibility(r);
        Optional<BudgetHolder> holder = holder(r);
        Optional<Long> months = SdkExtensions.requiredExtension(r, BudgetFhir.EXT_PERIOD_MONTHS, "PERIOD")
                .flatMap(x -> {
                    Optional<Long> m = x.integer("valuePositiveInt");
                    if (m.isEmpty()) {
                        x.problem("valuePositiveInt", "PERIOD", "is required");
                    }
                    return m;
                });
        Optional<LocalDate> planDue = SdkExtensions.extension(r, BudgetFhir.EXT_PLAN_REVIEW_DUE)
                .flatMap(x -> SdkExtensions.requiredDate(x, "valueDate", "R22"));
        Optional<LocalDate> firstPayment = SdkExtensions.extension(r, BudgetFhir.EXT_FIRST_DIRECT_PAYMENT)
                .flatMap(x -> SdkExtensions.requiredDate(x, "valueDate", "R22"));
        List<StatusChange> history = new ArrayList<>();
        for (FhirElement x : SdkExtensions.all(r, BudgetFhir.EXT_STATUS_CHANGE)) {
            statusChange(x).ifPresent(history::add);
        }
        Optional<LocalDate> start = r.object("servicePeriod").or(() -> {
            r.problem("servicePeriod", "PERIOD", "is required");
            return Optional.empty();
        }).flatMap(p -> SdkExtensions.requiredDate(p, "start", "PERIOD"));
        List<BudgetLine> lines = new ArrayList<>();
        List<LineAccount> accounts = new ArrayList<>();
        List<FhirElement> lineRefs = SdkExtensions.all(r, BudgetFhir.EXT_LINE_ACCOUNT);
        if (lineRefs.isEmpty()) {
            r.problem("extension", "R15", "a budget needs at least one line Account (" + BudgetFhir.EXT_LINE_ACCOUNT + ")");
        }
        for (FhirElement ref : lineRefs) {
            line(ref, id, patient, status).ifPresent(l -> {
                lines.add(l.line());
                accounts.add(l.totals());
            });
        }
        if (context.hasProblems() || id.isEmpty() || patient.isEmpty() || status.isEmpty() || plan.isEmpty()
                || eligibility.isEmpty() || holder.isEmpty() || months.isEmpty() || start.isEmpty()
                || lines.size() != lineRefs.size()) {
            return Optional.empty();
        }
        if (months.get() < 1 || months.get() > 12) {
            r.problem("extension", "PERIOD", "the period length must be 1 to 12 months");
            return Optional.empty();
        }
        return r.convert("extension", () -> new PersonalHealthBudget(id.get(), patient.get(), plan.get(),
                eligibility.get(), holder.get(), lines, start.get(), months.get().intValue(), status.get(), history,
                accounts, planDue, firstPayment, List.of(), List.of(), List.of(), Optional.empty()));
    }

    private static void checkIdentifier(FhirElement r, String system, String expected) {
        for (FhirElement i : r.objects("identifier")) {
            if (i.text("system").map(system::equals).orElse(false)) {
                if (!i.text("value").map(expected::equals).orElse(false)) {
                    i.problem("value", "IDENTIFIER", "must equal the resource id");
                }
                return;
            }
        }
        r.problem("identifier", "IDENTIFIER", "an identifier of " + system + " is required");
    }

    private static Optional<PatientId> subject(FhirElement r) {
        List<FhirElement> subjects = r.objects("subject");
        if (subjects.size() != 1) {
            r.problem("subject", "ONE_PATIENT", "must name exactly one Patient");
            return Optional.empty();
        }
        FhirElement s = subjects.get(0);
        return BudgetFhir.referencedId(s, "Patient", "ONE_PATIENT")
                .flatMap(v -> s.convert("reference", () -> PatientId.parse(ForeignIds.uuid(s, "reference", "Patient", v))));
    }

    private static void checkStatus(FhirElement r, BudgetStatus status) {
        Optional<String> s = r.requiredText("status", "BUDGET");
        if (s.isPresent() && !s.get().equals(BudgetCodes.ACCOUNT_STATUS.code(status))) {
            r.problem("status", "BUDGET", "contradicts the budget status extension");
        }
    }

    private static Optional<Eligibility> eligibility(FhirElement r) {
        Optional<FhirElement> x = SdkExtensions.requiredExtension(r, BudgetFhir.EXT_ELIGIBILITY, "R18");
        if (x.isEmpty()) {
            return Optional.empty();
        }
        Optional<EligibilityReason> reason = SdkExtensions.requiredExtension(x.get(), "reason", "R18")
                .flatMap(e -> SdkExtensions.coded(e, "valueCoding", BudgetFhir.ELIGIBILITY_REASON,
                        EligibilityReason.class, "R18"));
        Optional<LocalDate> from = SdkExtensions.requiredExtension(x.get(), "from", "R18")
                .flatMap(e -> SdkExtensions.requiredDate(e, "valueDate", "R18"));
        if (reason.isEmpty() || from.isEmpty()) {
            return Optional.empty();
        }
        return x.get().convert(null, () -> new Eligibility(reason.get(), from.get()));
    }

    private static Optional<BudgetHolder> holder(FhirElement r) {
        Optional<FhirElement> x = SdkExtensions.requiredExtension(r, BudgetFhir.EXT_HOLDER, "HOLDER");
        if (x.isEmpty()) {
            return Optional.empty();
        }
        Optional<HolderKind> kind = SdkExtensions.requiredExtension(x.get(), "kind", "HOLDER")
                .flatMap(e -> SdkExtensions.coded(e, "valueCoding", BudgetFhir.HOLDER_KIND, HolderKind.class,
                        "HOLDER"));
        Optional<UserId> person = SdkExtensions.extension(x.get(), "person")
                .flatMap(e -> userId(e, "valueIdentifier", "HOLDER"));
        Optional<OdsCode> owner = r.object("owner")
                .flatMap(o -> References.identifierOf(o, "Organization", OrganizationCodes.ODS_SYSTEMS).or(() -> {
                            o.problem("identifier", "R5", "the owner must carry an ODS code");
                            return Optional.empty();
                        }).flatMap(v -> o.convert("identifier", () -> OrganizationCodes.odsCode(v))));
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        return x.get().convert(null, () -> new BudgetHolder(kind.get(), person, owner));
    }

    private static Optional<UserId> userId(FhirElement at, String name, String rule) {
        Optional<FhirElement> identifier = at.object(name);
        if (identifier.isEmpty()) {
            at.problem(name, rule, "is required");
            return Optional.empty();
        }
        FhirElement i = identifier.get();
        Optional<String> system = i.requiredText("system", rule);
        if (system.isPresent() && !PractitionerMapper.USER_SYSTEMS.contains(system.get())) {
            i.problem("system", rule, "must be a user id system");
            return Optional.empty();
        }
        return i.requiredText("value", rule).flatMap(v -> i.convert("value", () -> UserId.of(v)));
    }

    private static Optional<StatusChange> statusChange(FhirElement x) {
        Optional<BudgetStatus> status = SdkExtensions.requiredExtension(x, "status", "BUDGET")
                .flatMap(e -> SdkExtensions.coded(e, "valueCoding", BudgetFhir.BUDGET_STATUS, BudgetStatus.class,
                        "BUDGET"));
        Optional<LocalDate> on = SdkExtensions.requiredExtension(x, "on", "BUDGET")
                .flatMap(e -> SdkExtensions.requiredDate(e, "valueDate", "BUDGET"));
        Optional<StatusReason> reason = SdkExtensions.requiredExtension(x, "reason", "BUDGET")
                .flatMap(e -> SdkExtensions.coded(e, "valueCoding", BudgetFhir.STATUS_REASON, StatusReason.class,
                        "BUDGET"));
        if (status.isEmpty() || on.isEmpty() || reason.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StatusChange(status.get(), on.get(), reason.get(), Optional.empty()));
    }

    private record Line(BudgetLine line, LineAccount totals) {
    }

    private Optional<Line> line(FhirElement ref, Optional<BudgetId> budget, Optional<PatientId> patient,
            Optional<BudgetStatus> status) {
        Optional<FhirElement> value = ref.object("valueReference");
        if (value.isEmpty()) {
            ref.problem("valueReference", "R14", "is required");
            return Optional.empty();
        }
        Optional<String> literal = value.get().requiredText("reference", "R14");
        Optional<JsonNode> target = literal.flatMap(l -> ref.context().resolve(l));
        if (literal.isPresent() && target.isEmpty()) {
            value.get().problem("reference", "R14", "must resolve to a line Account in the Bundle");
            return Optional.empty();
        }
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String path = entryPaths.getOrDefault(target.get(), value.get().path() + ".reference");
        Optional<FhirElement> found = FhirElement.resource(target.get(), ref.context().within(path), ACCOUNT);
        return found.flatMap(l -> readLine(l, budget, patient, status));
    }

    private static Optional<Line> readLine(FhirElement l, Optional<BudgetId> budget, Optional<PatientId> patient,
            Optional<BudgetStatus> status) {
        l.ignoreAllBut(READ_LINE);
        Optional<String> code = Optional.empty();
        for (FhirElement i : l.objects("identifier")) {
            if (i.text("system").map(BudgetFhir.BUDGET_LINE::equals).orElse(false)) {
                code = i.requiredText("value", "R15");
            }
        }
        if (code.isEmpty()) {
            l.problem("identifier", "R15", "an identifier of " + BudgetFhir.BUDGET_LINE + " is required");
        }
        Optional<BudgetLineCode> lineCode = code.flatMap(c -> l.convert("identifier", () -> BudgetLineCode.of(c)));
        if (budget.isPresent() && lineCode.isPresent()) {
            String expected = BudgetAccountMapper.lineIdFor(budget.get(), lineCode.get());
            if (!l.text("id").map(expected::equals).orElse(false)) {
                l.problem("id", "ID", "must be the line Account id derived from the budget id and line code");
            }
        }
        Optional<String> partOf = l.object("partOf").flatMap(p -> BudgetFhir.referencedId(p, "Account", "R14"));
        if (partOf.isEmpty() || budget.isPresent() && !partOf.get().equals(budget.get().toString())) {
            l.problem("partOf", "R14", "must point at the budget Account");
        }
        Optional<PatientId> subject = subject(l);
        if (subject.isPresent() && patient.isPresent() && !subject.equals(patient)) {
            l.problem("subject", "ONE_PATIENT", "must be the budget's patient");
        }
        status.ifPresent(s -> checkStatus(l, s));
        Optional<ManagementOption> option = l.object("type").or(() -> {
            l.problem("type", "R14", "the management option is required");
            return Optional.empty();
        }).flatMap(t -> {
            List<FhirElement> codings = t.objects("coding");
            if (codings.size() != 1) {
                t.problem("coding", "R14", "must hold exactly one management option");
                return Optional.empty();
            }
            return SdkExtensions.codeOf(codings.get(0), BudgetFhir.MANAGEMENT_OPTION, "R14")
                    .flatMap(c -> SdkExtensions.constant(codings.get(0), "code", ManagementOption.class, c, "R14"));
        });
        Optional<SpendCategory> category = SdkExtensions.requiredExtension(l, BudgetFhir.EXT_LINE_CATEGORY, "R16")
                .flatMap(x -> SdkExtensions.code(x, "valueCoding", BudgetFhir.SPEND_CATEGORY, "R16")
                        .flatMap(c -> x.convert("valueCoding", () -> SpendCategory.of(c))));
        Optional<Long> planned = SdkExtensions.requiredExtension(l, BudgetFhir.EXT_LINE_PLANNED, "R17")
                .flatMap(x -> BudgetFhir.pence(x, "valueMoney"));
        // absent in documents written before lines had a schedule: monthly, as the SDK assumes
        Optional<PaymentFrequency> frequency = SdkExtensions.extension(l, BudgetFhir.EXT_LINE_FREQUENCY)
                .map(x -> SdkExtensions.code(x, "valueCoding", BudgetFhir.PAYMENT_FREQUENCY, "R23")
                        .flatMap(c -> SdkExtensions.constant(x, "valueCoding", PaymentFrequency.class, c, "R23")))
                .orElse(Optional.of(PaymentFrequency.MONTHLY));
        Optional<LineAccount> totals = lineCode.flatMap(c -> totals(l, c));
        Optional<Management> management = option.flatMap(o -> management(l, o));
        if (lineCode.isEmpty() || category.isEmpty() || planned.isEmpty() || totals.isEmpty() || management.isEmpty()
                || frequency.isEmpty()) {
            return Optional.empty();
        }
        return l.convert("extension", () -> new Line(new BudgetLine(lineCode.get(), category.get(),
                Money.ofPence(planned.get()), management.get(), frequency.get()), totals.get()));
    }

    private static Optional<LineAccount> totals(FhirElement l, BudgetLineCode code) {
        Optional<FhirElement> x = SdkExtensions.requiredExtension(l, BudgetFhir.EXT_LINE_TOTALS, "R17");
        if (x.isEmpty()) {
            return Optional.empty();
        }
        long[] t = new long[6];
        String[] names = {"allocated", "spent", "refunded", "adjustedUp", "adjustedDown", "recovered"};
        boolean complete = true;
        for (int i = 0; i < names.length; i++) {
            Optional<Long> p = SdkExtensions.requiredExtension(x.get(), names[i], "R17")
                    .flatMap(e -> BudgetFhir.pence(e, "valueMoney"));
            complete &= p.isPresent();
            t[i] = p.orElse(0L);
        }
        return complete ? Optional.of(new LineAccount(code, t[0], t[1], t[2], t[3], t[4], t[5])) : Optional.empty();
    }

    private static Optional<Management> management(FhirElement l, ManagementOption option) {
        switch (option) {
            case NOTIONAL -> {
                return Optional.of(Management.notional());
            }
            case THIRD_PARTY -> {
                Optional<FhirElement> owner = l.object("owner");
                if (owner.isEmpty()) {
                    l.problem("owner", "R14", "a third-party line must name the organisation holding the money");
                    return Optional.empty();
                }
                FhirElement o = owner.get();
                Optional<String> name = o.requiredText("display", "R14");
                Optional<OdsCode> ods = o.has("identifier") || o.has("reference")
                        ? References.identifierOf(o, "Organization", OrganizationCodes.ODS_SYSTEMS)
                                .flatMap(v -> o.convert("identifier", () -> OrganizationCodes.odsCode(v)))
                        : Optional.empty();
                return name.flatMap(n -> o.convert("display", () -> Management.thirdParty(n, ods)));
            }
            case DIRECT_PAYMENT -> {
                return directPayment(l);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static Optional<Management> directPayment(FhirElement l) {
        List<FhirElement> guarantors = l.objects("guarantor");
        if (guarantors.size() != 1) {
            l.problem("guarantor", "R19", "a direct-payment line must name exactly one recipient");
            return Optional.empty();
        }
        FhirElement g = guarantors.get(0);
        Optional<RecipientKind> kind = SdkExtensions.requiredExtension(g, BudgetFhir.EXT_RECIPIENT_KIND, "R19")
                .flatMap(x -> SdkExtensions.coded(x, "valueCoding", BudgetFhir.RECIPIENT_KIND, RecipientKind.class,
                        "R19"));
        Optional<LocalDate> consented = g.object("period").or(() -> {
            g.problem("period", "R19", "the recipient's consent date (period.start) is required");
            return Optional.empty();
        }).flatMap(p -> SdkExtensions.requiredDate(p, "start", "R19"));
        Optional<UserId> person = Optional.empty();
        Optional<FhirElement> party = g.object("party");
        if (party.isEmpty()) {
            g.problem("party", "R19", "is required");
        } else if (kind.isPresent() && kind.get() != RecipientKind.PATIENT) {
            person = userId(party.get(), "identifier", "R19");
        } else if (kind.isPresent()) {
            BudgetFhir.referencedId(party.get(), "Patient", "R19");
        }
        Optional<FhirElement> acc = SdkExtensions.requiredExtension(l, BudgetFhir.EXT_PAYMENT_ACCOUNT, "R21");
        Optional<AccountKind> accountKind = acc.flatMap(a -> SdkExtensions.requiredExtension(a, "kind", "R21"))
                .flatMap(x -> SdkExtensions.coded(x, "valueCoding", BudgetFhir.PAYMENT_ACCOUNT_KIND,
                        AccountKind.class, "R21"));
        Optional<String> reference = acc.flatMap(a -> SdkExtensions.requiredExtension(a, "reference", "R21"))
                .flatMap(x -> x.requiredText("valueString", "R21"));
        Optional<LocalDate> registered = acc.flatMap(a -> SdkExtensions.requiredExtension(a, "registeredOn", "R21"))
                .flatMap(x -> SdkExtensions.requiredDate(x, "valueDate", "R21"));
        Optional<FhirElement> o = SdkExtensions.extension(l, BudgetFhir.EXT_SCHEDULE_OVERRIDE);
        Optional<AuditedOverride> override = Optional.empty();
        if (o.isPresent()) {
            Optional<UserId> by = SdkExtensions.requiredExtension(o.get(), "approvedBy", "R20")
                    .flatMap(x -> userId(x, "valueIdentifier", "R20"));
            Optional<String> why = SdkExtensions.requiredExtension(o.get(), "reason", "R20")
                    .flatMap(x -> x.requiredText("valueString", "R20"));
            if (by.isEmpty() || why.isEmpty()) {
                return Optional.empty();
            }
            override = o.get().convert(null, () -> new AuditedOverride(by.get(), why.get()));
            if (override.isEmpty()) {
                return Optional.empty();
            }
        }
        if (kind.isEmpty() || consented.isEmpty() || accountKind.isEmpty() || reference.isEmpty()
                || registered.isEmpty() || l.context().hasProblems()) {
            return Optional.empty();
        }
        Optional<UserId> recipientPerson = person;
        Optional<Recipient> recipient = g.convert("party",
                () -> new Recipient(kind.get(), recipientPerson, consented.get()));
        Optional<PaymentAccount> account = acc.get().convert(null,
                () -> new PaymentAccount(accountKind.get(), reference.get(), registered.get()));
        Optional<AuditedOverride> finalOverride = override;
        return recipient.flatMap(rc -> account.map(a -> new Management.DirectPayment(rc, a, finalOverride)));
    }
}
