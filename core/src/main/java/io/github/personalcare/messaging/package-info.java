/**
 * Secure messaging between a patient (or a proxy acting within the scope the patient granted) and
 * the members of their care team. Start at {@link io.github.personalcare.messaging.MessagingService}
 * ({@code care.messaging()}): a {@link io.github.personalcare.messaging.Conversation} is opened on a
 * subject, {@link io.github.personalcare.messaging.Message}s are appended to it and never edited (a
 * correction is a new message pointing at the one it corrects), participants record read receipts,
 * and a conversation closes and can be reopened. The conversation is the aggregate (the version is
 * the lock); its messages are append-only entries ({@link io.github.personalcare.messaging.MessagingStores}).
 * Depends on patient, careteam (who may take part), identity, access, event, spi and internal (the
 * guard); the aggregate and its messages do no I/O.
 */
package io.github.personalcare.messaging;
