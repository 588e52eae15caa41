package io.salesforcetarget.simulator;

import java.util.List;

/**
 * What a SOSL search looks for (the text between FIND's braces, see {@link SearchTermParser}): words and phrases
 * joined by AND, OR and AND NOT.
 */
sealed interface SearchTerm {

    /** Private-use characters standing for the wildcards in a {@link Words} pattern. */
    char ANY_RUN = '\uE000';
    char ANY_ONE = '\uE001';

    /**
     * A word or a quoted phrase, as the consecutive tokens it splits into (lower case; {@link #ANY_RUN} for
     * {@code *}, {@link #ANY_ONE} for {@code ?}); {@code shown} is how it was written.
     */
    record Words(List<String> tokens, String shown) implements SearchTerm {
    }

    /** Every part matches (AND, or terms side by side). */
    record All(List<SearchTerm> parts) implements SearchTerm {
    }

    /** Some part matches (OR). */
    record Any(List<SearchTerm> parts) implements SearchTerm {
    }

    /** {@code kept} matches and {@code excluded} does not (AND NOT). */
    record Without(SearchTerm kept, SearchTerm excluded) implements SearchTerm {
    }
}
