package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

    @ParameterizedTest
    @CsvSource({
            "00558000001N0Ke, AAK",
            "00190000001pPvH, AAU",
            "0018a00001rBqb8, AAC",
            "001D000000IqhSL, IAZ",
            "0014x000005Y9SN, AA0"})
    void checksumMatchesDocumentedIds(String id15, String suffix) {
        assertThat(SalesforceIds.checksum(id15)).isEqualTo(suffix);
        assertThat(SalesforceIds.to18(id15)).isEqualTo(id15 + suffix);
        assertThat(SalesforceIds.isValid(id15 + suffix)).isTrue();
    }

    @Test
    void documentedMalformedIdFailsTheChecksum() {
        // The errorcodes page's MALFORMED_ID example; its correct form ends in ACU.
        assertThat(SalesforceIds.isValid("001900K0001pPuOAAU")).isFalse();
        assertThat(SalesforceIds.to18("001900K0001pPuO")).isEqualTo("001900K0001pPuOACU");
    }

    @Test
    void rejectsWrongLengthsAndCharacters() {
        assertThat(SalesforceIds.isValid("001D000000IqhS")).isFalse();
        assertThat(SalesforceIds.isValid("001D000000IqhSLIA")).isFalse();
        assertThat(SalesforceIds.isValid("001D000000IqhS-")).isFalse();
        assertThat(SalesforceIds.isValid(null)).isFalse();
        assertThatThrownBy(() -> SalesforceIds.checksum("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedIdsAreValidDistinctAndCarryTheKeyPrefix() {
        Set<String> seen = new HashSet<>();
        for (long n : new long[] {0, 1, 2, 61, 62, 3843, 3844, 1_000_000, 13_537_086_545L}) {
            String id = SalesforceIds.generate("00Q", n);
            assertThat(id).hasSize(18).startsWith("00Q");
            assertThat(SalesforceIds.isValid(id)).as(id).isTrue();
            assertThat(seen.add(id)).isTrue();
        }
        assertThat(SalesforceIds.generate("001", 1)).isEqualTo("001SM0000000001" + SalesforceIds.checksum("001SM0000000001"));
    }

    @Test
    void generatedIdsUseBothLetterCases() {
        // 62^2 - 1 = "zz": lower case letters must appear, so the checksum is exercised for real.
        String id = SalesforceIds.generate("001", 62 * 62 - 1);
        assertThat(id.substring(0, 15)).endsWith("zz");
        assertThat(SalesforceIds.isValid(id)).isTrue();
    }
}
