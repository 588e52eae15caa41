package bench.driver;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JWT bearer login a client of Salesforce would do: RS256 assertion signed with the JDK, POST to the token endpoint. */
final class JwtLogin {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient client;
    private final String simUrl;

    JwtLogin(HttpClient client, String simUrl) {
        this.client = client;
        this.simUrl = simUrl;
    }

    /** Logs in with {@code --key}, {@code --client-id} and {@code --user}; returns the access token. */
    String token(Config c) throws Exception {
        PrivateKey key = readPkcs8(Path.of(c.get("key")));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + c.get("client-id") + "\",\"sub\":\"" + c.get("user")
                + "\",\"aud\":\"" + simUrl + "\",\"exp\":" + (System.currentTimeMillis() / 1000 + 180) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        String assertion = header + "." + claims + "." + b64.encodeToString(rsa.sign());
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer",
                StandardCharsets.UTF_8) + "&assertion=" + assertion;
        HttpRequest request = HttpRequest.newBuilder(URI.create(simUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> answer = null;
        for (int attempt = 1; answer == null; attempt++) {
            try {
                answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt == 5) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
        Matcher m = ACCESS_TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("login to the simulator failed: " + answer.statusCode() + " " + answer.body());
        }
        return m.group(1);
    }

    static PrivateKey readPkcs8(Path file) throws Exception {
        String pem = Files.readString(file);
        if (!pem.contains("BEGIN PRIVATE KEY")) {
            throw new IllegalArgumentException(file + ": expected a PKCS#8 PEM key (BEGIN PRIVATE KEY)");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
