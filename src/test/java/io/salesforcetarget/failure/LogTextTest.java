package io.salesforcetarget.failure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {

    @Test
    void controlCharactersAreEscapedForLogs() {
        assertThat(LogText.withoutControlCharacters("a\r\nb\u0000c\td\u007f\u0085 \u00e9"))
                .isEqualTo("a\\u000d\\u000ab\\u0000c\\u0009d\\u007f\\u0085 \u00e9");
    }
}
