package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoslParserTest {

    @Test
    void parsesTermGroupReturningAndLimit() {
        SoslQuery q = SoslQuery.parse("find {Acme*} in name fields RETURNING Account(Id, Name WHERE Rating = 'Hot'"
                + " ORDER BY Name DESC LIMIT 5 OFFSET 1), Contact(Name, Account.Name), Lead LIMIT 20");
        assertThat(q.group()).isEqualTo(SearchGroup.NAME);
        assertThat(q.limit()).isEqualTo(20);
        assertThat(q.term()).isEqualTo(new SearchTerm.Words(List.of("acme" + SearchTerm.ANY_RUN), "Acme*"));
        assertThat(q.returning()).extracting(r -> r.object().text()).containsExactly("Account", "Contact", "Lead");
        SoqlQuery account = q.returning().get(0);
        assertThat(account.fields()).extracting(SoqlQuery.Name::text).containsExactly("Id", "Name");
        assertThat(account.where()).isInstanceOf(SoqlCondition.Compare.class);
        assertThat(account.orderBy()).singleElement().satisfies(k -> assertThat(k.descending()).isTrue());
        assertThat(account.limit()).isEqualTo(5);
        assertThat(account.offset()).isEqualTo(1);
        assertThat(q.returning().get(1).fields()).extracting(SoqlQuery.Name::text).containsExactly("Name", "Account.Name");
        // an object without a field list returns Id
        assertThat(q.returning().get(2).fields()).extracting(SoqlQuery.Name::text).containsExactly("Id");
        assertThat(q.returning().get(2).text()).isEqualTo(q.text());
    }

    @Test
    void everyGroupAndNoReturning() {
        for (SearchGroup g : SearchGroup.values()) {
            assertThat(SoslQuery.parse("FIND {acme} IN " + g.name().toLowerCase() + " FIELDS").group()).isEqualTo(g);
        }
        SoslQuery bare = SoslQuery.parse("  FIND{acme}");
        assertThat(bare.group()).isEqualTo(SearchGroup.ALL);
        assertThat(bare.returning()).isEmpty();
        assertThat(bare.limit()).isNull();
    }

    @Test
    void termOperatorsPhrasesAndParentheses() {
        SearchTerm term = term("joe smith OR \"jane doe\" AND NOT (acme or \"and\")");
        // AND (side by side) binds tighter than OR; AND NOT excludes
        SearchTerm.Any any = (SearchTerm.Any) term;
        assertThat(any.parts()).hasSize(2);
        assertThat(any.parts().get(0)).isEqualTo(new SearchTerm.All(List.of(words("joe"), words("smith"))));
        SearchTerm.Without without = (SearchTerm.Without) any.parts().get(1);
        assertThat(without.kept()).isEqualTo(new SearchTerm.Words(List.of("jane", "doe"), "\"jane doe\""));
        SearchTerm.Any excluded = (SearchTerm.Any) without.excluded();
        assertThat(excluded.parts()).containsExactly(words("acme"), new SearchTerm.Words(List.of("and"), "\"and\""));

        assertThat(term("acme AND widgets")).isEqualTo(new SearchTerm.All(List.of(words("acme"), words("widgets"))));
        assertThat(term("in")).isEqualTo(words("in"));
        assertThat(term("returning")).isEqualTo(words("returning"));
    }

    @Test
    void wordsSplitIntoTokensAndEscapesAreLiteral() {
        assertThat(term("joe@example.com")).isEqualTo(new SearchTerm.Words(List.of("joe", "example", "com"),
                "joe@example.com"));
        assertThat(term("Sm?th*")).isEqualTo(new SearchTerm.Words(
                List.of("sm" + SearchTerm.ANY_ONE + "th" + SearchTerm.ANY_RUN), "Sm?th*"));
        // an escaped wildcard is a literal character, which the index does not hold: a separator
        assertThat(term("ab\\*cd")).isEqualTo(new SearchTerm.Words(List.of("ab", "cd"), "ab\\*cd"));
        SoslQuery escapedBrace = SoslQuery.parse("FIND {ab\\}cd} RETURNING Account");
        assertThat(escapedBrace.term()).isEqualTo(new SearchTerm.Words(List.of("ab", "cd"), "ab\\}cd"));
    }

    @Test
    void aSearchWithoutATermInBracesIsMalformed() {
        for (String sosl : List.of("FIND Acme RETURNING Account", "FIND {Acme", "FIND", "", "   ")) {
            assertThat(refused(sosl, "MALFORMED_SEARCH"))
                    .isEqualTo("No search term found. The search term must be enclosed in braces.");
        }
        assertThatThrownBy(() -> SoslQuery.parse(null)).isInstanceOf(ApiError.class);
    }

    @Test
    void aTermOfOneCharacterIsRefused() {
        for (String sosl : List.of("FIND {a}", "FIND {a*}", "FIND {\"b\"}", "FIND {-?-}")) {
            assertThat(refused(sosl, "INVALID_SEARCH")).startsWith("search term must be longer than one character: ");
        }
        assertThat(SoslQuery.parse("FIND {ab}").term()).isEqualTo(words("ab"));
    }

    @Test
    void malformedSearchesPointAtThePlace() {
        malformed("FIND {acme} RETURNIN Account", 13, "unexpected token: RETURNIN");
        malformed("FIND {acme} IN EVERY FIELDS", 16, "unexpected token: EVERY");
        malformed("FIND {acme} IN ALL", 19, "unexpected token: <EOF>");
        malformed("FIND {acme} RETURNING Account(Id Name)", 34, "unexpected token: Name");
        malformed("FIND {acme} RETURNING Account(Id", 33, "unexpected token: <EOF>");
        malformed("FIND {acme} RETURNING Account(Id WHERE Name = )", 47, "unexpected token: )");
        malformed("FIND {acme} WITH SNIPPET", 13, "unexpected token: WITH");
        malformed("FIND {acme} LIMIT many", 19, "unexpected token: many");
        malformed("SELECT Id FROM Account", 1, "unexpected token: SELECT");
        malformed("FIND {acme OR}", 14, "unexpected token: }");
        malformed("FIND {(acme}", 12, "unexpected token: }");
        malformed("FIND {acme NOT widgets}", 12, "unexpected token: NOT");
        malformed("FIND {\"acme}", 7, "unterminated phrase: \"acme");
    }

    private static void malformed(String sosl, int column, String reason) {
        assertThat(refused(sosl, "MALFORMED_SEARCH")).isEqualTo("\n" + sosl + "\n" + " ".repeat(column - 1)
                + "^\nERROR at Row:1:Column:" + column + "\n" + reason);
    }

    /** The message of the 400 {@code errorCode} that parsing {@code sosl} is refused with. */
    private static String refused(String sosl, String errorCode) {
        ApiError error = catchThrowableOfType(ApiError.class, () -> SoslQuery.parse(sosl));
        assertThat(error).as(sosl).isNotNull();
        assertThat(error.status()).as(sosl).isEqualTo(400);
        assertThat(error.errorCode()).as(sosl).isEqualTo(errorCode);
        return error.getMessage();
    }

    private static SearchTerm term(String text) {
        return SoslQuery.parse("FIND {" + text + "}").term();
    }

    private static SearchTerm.Words words(String word) {
        return new SearchTerm.Words(List.of(word.toLowerCase()), word);
    }
}
