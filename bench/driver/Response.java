package bench.driver;

import java.nio.charset.StandardCharsets;

/** One HTTP answer: status, the reply event's {@code ce-category} (null if none) and the whole body. */
record Response(int status, String category, byte[] body) {
    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
