package io.salesforcetarget.simulator;

import java.util.List;

/**
 * A parsed SOSL search (see {@link SoslParser} for the grammar): the search term, the fields it reads, what it
 * returns (one {@link SoqlQuery} per object of RETURNING, its text the whole search so that errors point into it;
 * empty when it has no RETURNING) and the overall LIMIT (null when it has none).
 */
record SoslQuery(String text, SearchTerm term, SearchGroup group, List<SoqlQuery> returning, Integer limit) {

    static SoslQuery parse(String sosl) {
        return SoslParser.parse(sosl);
    }
}
