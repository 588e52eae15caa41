package io.salesforcetarget.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits a raw request path into percent-decoded segments ("+" stays a plus sign in paths). */
final class PathDecoder {

    private PathDecoder() {
    }

    /** Segments of {@code rawPath} after {@code prefix}; one trailing "/" is ignored, as the API does. */
    static List<String> after(String prefix, String rawPath) {
        String rest = rawPath.substring(prefix.length());
        if (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        List<String> out = new ArrayList<>();
        if (rest.isEmpty()) {
            return out;
        }
        for (String raw : rest.split("/", -1)) {
            out.add(decode(raw));
        }
        return out;
    }

    static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.notFound();
        }
    }
}
