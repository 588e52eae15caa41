package io.salesforcetarget.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.salesforcetarget.simulator.KeyPairs;
import io.salesforcetarget.simulator.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With a keystore configured, the CloudEvents listener speaks HTTPS (and only HTTPS). */
class ListenerTlsIT extends TargetAgainstSimulatedOrg {

    @TempDir
    static Path dir;

    private X509Certificate certificate;
    private Path keyStoreFile;

    /** The listener's keystore: a key pair of its own and a certificate for localhost and 127.0.0.1. */
    @Override
    protected void beforeOrgAndTarget() throws Exception {
        KeyPair serverKeys = KeyPairs.generate("RSA", 2048);
        certificate = TestKeys.selfSignedCertificate(serverKeys, "localhost",
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        keyStoreFile = TestKeys.pkcs12(dir.resolve("listener.p12"), "target", serverKeys, certificate, "changeit");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of(
                "camel.ssl.enabled", "true",
                "camel.ssl.keystore", "file:" + keyStoreFile,
                "camel.ssl.keystorePassword", "changeit",
                "camel.server.useGlobalSslContextParameters", "true");
    }

    private HttpRequest event(String scheme, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(target.url().replace("http:", scheme + ":")))
                .timeout(timeout)
                .header("ce-specversion", "1.0").header("ce-id", "tls-1").header("ce-source", "tls-test")
                .header("ce-type", CloudEventClient.API_CALL).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"GET\",\"resource\":\"limits\"}")).build();
    }

    @Test
    void eventsArriveOverHttpsWithTheConfiguredCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("target", certificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(tls).build();

        HttpResponse<byte[]> response = https.send(event("https", Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CloudEventClient.replyOf(response).getExtension("category")).isEqualTo("success");
    }

    @Test
    void plainHttpIsNotServed() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // A plain request gets no HTTP answer from a TLS listener: the exchange fails (reset or timeout).
        assertThatThrownBy(() -> plain.send(event("http", Duration.ofSeconds(2)), HttpResponse.BodyHandlers.ofByteArray()))
                .isInstanceOf(java.io.IOException.class);
    }
}
