/**
 * The wiring every service runs through: {@link io.github.personalcare.internal.AccessGuard}
 * decides each call with the configured access policy, audits the answer (R50), fails closed (R38)
 * and runs the permitted work in one transaction ({@link io.github.personalcare.internal.Permitted}).
 * Internal: not exported to suppliers, only to the SDK's own adapter modules. Depends on lang,
 * identity, event, access, audit and spi; never on a concept package.
 */
package io.github.personalcare.internal;
