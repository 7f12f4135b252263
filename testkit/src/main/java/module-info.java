/**
 * The storage contract suite every storage adapter must pass, and fixtures in domain words for
 * partner systems' tests. Start at {@link io.github.personalcare.testkit.StorageContract}.
 */
module io.github.personalcare.testkit {
    requires transitive io.github.personalcare.core;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;

    exports io.github.personalcare.testkit;
}
