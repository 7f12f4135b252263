/**
 * What every other package speaks: the exception tree rooted at
 * {@link io.github.personalcare.lang.PersonalCareException} (bad input, refused by a rule, illegal
 * transition, not found, version conflict, wiring mistake), each naming the field and the rule and
 * never the rejected value, and {@link io.github.personalcare.lang.Versioned}, an aggregate with the
 * version a command must name to change it. The lowest package: it depends on nothing of the SDK.
 */
package io.github.personalcare.lang;
