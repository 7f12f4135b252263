package io.github.personalcare.careplan;

import io.github.personalcare.budget.Money;
import io.github.personalcare.spi.Storage;

/**
 * Test fixture for the architecture rules: a care plan type that imports budget (careplan may
 * import careteam only) and a port (domain types never import spi). Never used by production code.
 */
final class ArchFixturePlanReachingIntoBudget {
    Money cost;
    Storage storage;
}
