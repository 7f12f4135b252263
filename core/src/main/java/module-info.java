/**
 * The Personal Care SDK's core: personalised care and support plans, personal health budgets,
 * referrals with the 18-week clock, consent, audit and reports, with the in-memory storage. Start
 * at {@link io.github.personalcare.PersonalCare}.
 *
 * <p>API packages are exported to everyone; {@code spi} is exported for adapter authors (storage,
 * transport, access policy). {@code internal.check} (input checks) is exported only to the SDK's
 * own adapter modules, and the access guard's package {@code internal} to none. Packages whose
 * records adapters store as JSON or map to FHIR are open for reflection, so a JSON library on the
 * module path can read their private record fields; nothing in {@code internal} is open.
 */
@SuppressWarnings("module") // the qualified export names adapter modules core does not read
module io.github.personalcare.core {
    requires org.slf4j;

    exports io.github.personalcare;
    exports io.github.personalcare.lang;
    exports io.github.personalcare.identity;
    exports io.github.personalcare.event;
    exports io.github.personalcare.access;
    exports io.github.personalcare.audit;
    exports io.github.personalcare.spi;
    exports io.github.personalcare.patient;
    exports io.github.personalcare.careteam;
    exports io.github.personalcare.careplan;
    exports io.github.personalcare.budget;
    exports io.github.personalcare.referral;
    exports io.github.personalcare.messaging;
    exports io.github.personalcare.prescription;
    exports io.github.personalcare.appointment;
    exports io.github.personalcare.consent;
    exports io.github.personalcare.report;
    exports io.github.personalcare.record;
    exports io.github.personalcare.econsult;
    exports io.github.personalcare.feedback;
    exports io.github.personalcare.store.memory;

    exports io.github.personalcare.internal.check to
            io.github.personalcare.jdbc,
            io.github.personalcare.fhir;

    opens io.github.personalcare.lang;
    opens io.github.personalcare.identity;
    opens io.github.personalcare.event;
    opens io.github.personalcare.access;
    opens io.github.personalcare.audit;
    opens io.github.personalcare.patient;
    opens io.github.personalcare.careteam;
    opens io.github.personalcare.careplan;
    opens io.github.personalcare.budget;
    opens io.github.personalcare.referral;
    opens io.github.personalcare.messaging;
    opens io.github.personalcare.prescription;
    opens io.github.personalcare.appointment;
    opens io.github.personalcare.consent;
    opens io.github.personalcare.record;
    opens io.github.personalcare.econsult;
    opens io.github.personalcare.feedback;
}
