/**
 * Domain events: what happened to a patient's record, published through the transactional outbox
 * with the change that raised it and delivered at least once by the transport. This package holds
 * only the marker {@link io.github.personalcare.event.DomainEvent}; each concern seals its own family
 * beside its aggregate (for example {@code careplan.CarePlanEvent}). Events carry internal ids and
 * codes only, never free text. Depends on identity only.
 */
package io.github.personalcare.event;
