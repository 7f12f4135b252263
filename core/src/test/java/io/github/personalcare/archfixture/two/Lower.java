package io.github.personalcare.archfixture.two;

import io.github.personalcare.archfixture.one.Upper;

/** Test fixture for the architecture rules: the other half of a deliberate package cycle. */
public final class Lower {
    /** Reaches back up, closing the cycle. */
    public Upper upper() {
        return new Upper();
    }
}
