package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code /id/{orgId}/{userId}}, the identity URL a login answers in {@code id}, as Salesforce's: {@code GET} (or
 * {@code POST}) with the access token as {@code Authorization: Bearer} (or {@code OAuth}), or as the {@code
 * access_token} or {@code oauth_token} parameter, answers the user and the org in JSON, with the API URLs holding
 * the literal {@code {version}} unless {@code version} (a served version such as {@code 66.0}, or {@code latest})
 * says which. {@code callback=fn} wraps the JSON in {@code fn(...);}, as Salesforce's JSONP.
 *
 * <p>The errors are Salesforce's documented ones, each a bare word as plain text: 403 {@code Missing_OAuth_Token}
 * (no token), 403 {@code Bad_OAuth_Token} (a token that is not a live session: unknown, expired or revoked), 403
 * {@code Wrong_Org} (another org's ID), 404 {@code Bad_Id} (not the org's one user, or not an ID), 406 {@code
 * Invalid_Version}, 406 {@code Invalid_Callback}. It is not an API call: not counted, no {@code Sforce-Limit-Info}.
 * The body is always JSON: the XML and URL-encoded forms Salesforce also offers are not rendered.
 */
final class IdentityResource {

    static final String PREFIX = "/id/";
    private static final String TEXT = "text/plain;charset=UTF-8";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Sessions sessions;
    private final OrgIdentity org;
    private final ApiVersions versions;
    private final int latest;
    /** When the user was last modified: the org's start, to the second. */
    private final String lastModified;

    IdentityResource(SimulatorConfig config, Sessions sessions, OrgIdentity org) {
        this.sessions = sessions;
        this.org = org;
        this.versions = new ApiVersions(config);
        this.latest = config.maxApiVersion();
        this.lastModified = SECONDS.format(Instant.now(config.clock()).truncatedTo(ChronoUnit.SECONDS));
    }

    void handle(HttpServerRequest request) {
        if (request.method() == HttpMethod.POST) {
            Responses.withBody(request, body -> {
                List<String> form = new QueryStringDecoder(body.toString(StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8, false).parameters().get("access_token");
                answer(request, form == null || form.isEmpty() ? null : form.get(0));
            });
        } else if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
            answer(request, null);
        } else {
            Responses.send(request.response().putHeader("Allow", "GET, HEAD, POST"), 405, TEXT, "Method Not Allowed");
        }
    }

    private void answer(HttpServerRequest request, String formToken) {
        String token = RestApi.token(request.getHeader("Authorization"));
        for (String name : new String[] {"access_token", "oauth_token"}) {
            if (token == null) {
                token = request.getParam(name);
            }
        }
        if (token == null) {
            token = formToken;
        }
        if (token == null || token.isBlank()) {
            refuse(request, 403, "Missing_OAuth_Token");
            return;
        }
        String username = sessions.username(token);
        if (username == null) {
            refuse(request, 403, "Bad_OAuth_Token");
            return;
        }
        List<String> ids = ids(request.path());
        if (ids.size() != 2 || !SalesforceIds.isValid(ids.get(0)) || !ids.get(0).startsWith("00D")) {
            refuse(request, 404, "Bad_Id");
            return;
        }
        if (!ids.get(0).startsWith(org.orgId15())) {
            refuse(request, 403, "Wrong_Org");
            return;
        }
        if (!SalesforceIds.isValid(ids.get(1)) || !org.userId18().startsWith(ids.get(1).substring(0, 15))) {
            refuse(request, 404, "Bad_Id");
            return;
        }
        String version = version(request.getParam("version"));
        if (version == null) {
            refuse(request, 406, "Invalid_Version");
            return;
        }
        String json = Json.write(identity(username, version));
        String callback = request.getParam("callback");
        if (callback == null) {
            Responses.send(request.response(), 200, Responses.JSON_UTF8, json);
        } else if (isFunctionName(callback)) {
            Responses.send(request.response(), 200, "application/javascript;charset=UTF-8",
                    callback + "(" + json + ");");
        } else {
            refuse(request, 406, "Invalid_Callback");
        }
    }

    /** The two segments after /id/ (a trailing slash allowed). */
    private static List<String> ids(String path) {
        String rest = path.substring(PREFIX.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return List.of(rest.split("/", -1));
    }

    /** "{version}" when none is asked for, the number for "latest" or a served version, null otherwise. */
    private String version(String asked) {
        if (asked == null) {
            return "{version}";
        }
        if (asked.equalsIgnoreCase("latest")) {
            return latest + ".0";
        }
        try {
            return versions.parse("v" + asked) + ".0";
        } catch (ApiError e) {
            return null;
        }
    }

    private static boolean isFunctionName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '.'
                || c == '$') && !Character.isDigit(name.charAt(0));
    }

    private ObjectNode identity(String username, String version) {
        String base = org.baseUrl();
        String org15 = org.orgId15();
        String nick = username.contains("@") ? username.substring(0, username.indexOf('@')) : username;
        ObjectNode out = Json.object()
                .put("id", base + PREFIX + org.orgId18() + "/" + org.userId18())
                .put("asserted_user", true)
                .put("user_id", org.userId18())
                .put("organization_id", org.orgId18())
                .put("username", username)
                .put("nick_name", nick)
                .put("display_name", "Simulated User")
                .put("email", username)
                .put("email_verified", true)
                .put("first_name", "Simulated")
                .put("last_name", "User")
                .put("timezone", "GMT");
        out.putObject("photos").put("picture", base + "/profilephoto/005/F")
                .put("thumbnail", base + "/profilephoto/005/T");
        for (String field : new String[] {"addr_street", "addr_city", "addr_state", "addr_country", "addr_zip",
                "mobile_phone"}) {
            out.putNull(field);
        }
        out.put("mobile_phone_verified", false).put("is_lightning_login_user", false);
        out.putObject("status").putNull("created_date").putNull("body");
        String data = base + "/services/data/v" + version + "/";
        out.putObject("urls")
                .put("enterprise", base + "/services/Soap/c/" + version + "/" + org15)
                .put("metadata", base + "/services/Soap/m/" + version + "/" + org15)
                .put("partner", base + "/services/Soap/u/" + version + "/" + org15)
                .put("rest", data)
                .put("sobjects", data + "sobjects/")
                .put("search", data + "search/")
                .put("query", data + "query/")
                .put("recent", data + "recent/")
                .put("tooling_soap", base + "/services/Soap/T/" + version + "/" + org15)
                .put("tooling_rest", data + "tooling/")
                .put("profile", base + "/" + org.userId18())
                .put("feeds", data + "chatter/feeds")
                .put("groups", data + "chatter/groups")
                .put("users", data + "chatter/users")
                .put("feed_items", data + "chatter/feed-items")
                .put("feed_elements", data + "chatter/feed-elements")
                .put("custom_domain", base);
        return out.put("active", true)
                .put("user_type", "STANDARD")
                .put("language", "en_US")
                .put("locale", "en_US")
                .put("utcOffset", 0)
                .put("last_modified_date", lastModified)
                .put("is_app_installed", true);
    }

    private static void refuse(HttpServerRequest request, int status, String code) {
        Responses.send(request.response(), status, TEXT, code);
    }
}
