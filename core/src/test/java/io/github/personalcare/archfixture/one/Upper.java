package io.github.personalcare.archfixture.one;

import io.github.personalcare.archfixture.two.Lower;

/** Test fixture for the architecture rules: half of a deliberate package cycle. */
public final class Upper {
    /** Reaches down. */
    public Lower lower() {
        return new Lower();
    }
}
