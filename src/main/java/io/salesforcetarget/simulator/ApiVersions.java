package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which "vNN.0" path segments the org serves, which are retired (410), and the versions list. */
final class ApiVersions {

    private static final Pattern SEGMENT = Pattern.compile("v(\\d{1,3})\\.(\\d{1,2})");
    private static final String[] SEASONS = {"Winter", "Spring", "Summer"};

    private final int min;
    private final int max;
    private final int retiredBelow;

    ApiVersions(SimulatorConfig config) {
        this.min = config.minApiVersion();
        this.max = config.maxApiVersion();
        this.retiredBelow = config.retiredBelow();
    }

    /** Major version of a path segment like "v66.0"; 404 if unknown, 410 if retired. */
    int parse(String segment) {
        Matcher m = SEGMENT.matcher(segment);
        if (!m.matches() || Integer.parseInt(m.group(2)) != 0) {
            throw ApiError.notFound();
        }
        int major = Integer.parseInt(m.group(1));
        if (major < retiredBelow) {
            // The exact 410 body is undocumented; UNSUPPORTED_API_VERSION is a real Salesforce status code.
            throw new ApiError(410, "UNSUPPORTED_API_VERSION",
                    "API version " + major + ".0 has been retired and is no longer available");
        }
        if (major < min || major > max) {
            throw ApiError.notFound();
        }
        return major;
    }

    /** GET /services/data: every live version, oldest first, as [{"label","url","version"}]. */
    ArrayNode list() {
        ArrayNode out = Json.array();
        for (int v = Math.max(min, retiredBelow); v <= max; v++) {
            out.addObject().put("label", label(v)).put("url", "/services/data/v" + v + ".0").put("version", v + ".0");
        }
        return out;
    }

    /** Release names run Winter, Spring, Summer from 20.0 = Winter '11 (so 66.0 = Spring '26). */
    static String label(int major) {
        if (major < 20) {
            return "Version " + major + ".0";
        }
        int n = major - 20;
        return SEASONS[n % 3] + " '" + (11 + n / 3);
    }
}
