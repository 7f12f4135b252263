/**
 * Test fixtures that break the architecture rules on purpose, so {@code ArchitectureTest} can prove
 * each rule fails when the code breaks it. Never imported by production code.
 */
package io.github.personalcare.archfixture;
