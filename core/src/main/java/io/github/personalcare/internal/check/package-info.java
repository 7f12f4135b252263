/**
 * Input checks shared by every package ({@link io.github.personalcare.internal.check.Require}):
 * each failure is an {@link io.github.personalcare.lang.InvalidInputException} naming the field and
 * the rule. Internal: not exported to suppliers, only to the SDK's own adapter modules. Depends on
 * lang only.
 */
package io.github.personalcare.internal.check;
