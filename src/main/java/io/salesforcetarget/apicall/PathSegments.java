package io.salesforcetarget.apicall;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.PercentCodec;
import org.apache.hc.core5.net.WWWFormCodec;

import io.salesforcetarget.failure.LogText;

/**
 * Splits resource, object and record into path segments and encodes them, so that no event can reach anything
 * outside {@code /services/data/vNN.N/}: every segment is non-empty, never "." or "..", and is percent-encoded as
 * one segment, so "/", "?", "#", "%", spaces or CR/LF inside it never change the URL's structure.
 */
public final class PathSegments {

    private PathSegments() {
    }

    /** Appends the "/"-separated segments of {@code value} (if set) to {@code segments}, validating each one. */
    static void append(List<String> segments, String field, String value) {
        if (value == null) {
            return;
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty()) {
                throw ApiCallRequestParser.invalid(field + " '" + LogText.printable(value)
                        + "' has an empty path segment (leading, trailing or double '/')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw ApiCallRequestParser.invalid(field + " '" + LogText.printable(value)
                        + "' contains a '" + segment + "' segment; relative paths are not allowed");
            }
            segments.add(segment);
        }
    }

    /** The encoded path and query below the version, e.g. {@code sobjects/Account/001x?fields=Name%2CCity}. */
    public static String encode(ApiCallRequest request) {
        StringBuilder path = new StringBuilder(64);
        for (String segment : request.segments()) {
            if (path.length() > 0) {
                path.append('/');
            }
            // RFC 3986: everything but unreserved characters is percent-encoded, "/" included.
            PercentCodec.encode(path, segment, StandardCharsets.UTF_8);
        }
        if (!request.query().isEmpty()) {
            path.append('?').append(formEncode(request.query()));
        }
        return path.toString();
    }

    private static String formEncode(Map<String, String> query) {
        return WWWFormCodec.format(query.entrySet().stream()
                .map(e -> new BasicNameValuePair(e.getKey(), e.getValue()))
                .collect(Collectors.toList()), StandardCharsets.UTF_8);
    }
}
