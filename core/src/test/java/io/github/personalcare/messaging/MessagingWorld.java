package io.github.personalcare.messaging;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.careplan.CareWorld;
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentTerms;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.consent.ProvisionActor;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.spi.OutboxEntry;

import java.util.List;

/**
 * The care world of the care plan tests (a lead GP and a nurse on the care team, an agreed carer,
 * a son with a lasting power of attorney, a stranger) with messaging words on top, and a second
 * GP of the registered practice who is not on the care team.
 */
final class MessagingWorld {
    final CareWorld w = new CareWorld();
    /** Registered practice, so the consent engine finds a relationship; not on the care team. */
    final AccessContext otherGp = AccessContext.of(Actor.professional(UserId.of("GP-2"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);

    MessagingService messaging() {
        return w.care.messaging();
    }

    Versioned<Conversation> opened() {
        return messaging().open(w.self, w.patient, "My new inhaler");
    }

    /** The patient grants the carer (CARER-1) messaging on their behalf: read and post. */
    Versioned<ConsentRecord> grantCarerMessaging() {
        return w.care.consents().record(w.self, w.patient, ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_IN)
                .provision(Provision.root().actor(ProvisionActor.person(UserId.of("CARER-1")))
                        .provision(Provision.permit().action(AccessAction.ACCESS, AccessAction.COLLECT)
                                .dataClass(DataClass.MESSAGE)))
                .build());
    }

    /** Every message of the conversation, read past the guard. */
    List<Message> stored(ConversationId id) {
        return w.storage.inTransaction(tx -> tx.entries(MessagingStores.MESSAGES).byOwner(id));
    }

    /** The conversation as stored, read past the guard. */
    Versioned<Conversation> storedConversation(ConversationId id) {
        return w.storage.inTransaction(tx -> tx.aggregates(MessagingStores.CONVERSATIONS).get(id));
    }

    List<Versioned<Conversation>> storedConversations() {
        return w.storage.inTransaction(tx -> tx.aggregates(MessagingStores.CONVERSATIONS).findByPatient(w.patient));
    }

    List<DomainEvent> outbox() {
        return w.storage.inTransaction(tx -> tx.outbox().undelivered()).stream().map(OutboxEntry::event).toList();
    }
}
