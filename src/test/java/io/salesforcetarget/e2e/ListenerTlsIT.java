package io.salesforcetarget.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.salesforcetarget.auth.TestCertificates;
import io.salesforcetarget.auth.TestKeys;
import io.salesforcetarget.simulator.SalesforceSimulator;
import io.salesforcetarget.simulator.SimulatorConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With a keystore configured, the CloudEvents listener speaks HTTPS (and only HTTPS). */
class ListenerTlsIT {

    @TempDir
    static Path dir;

    private static SalesforceSimulator salesforce;
    private static RunningTarget target;
    private static X509Certificate certificate;

    @BeforeAll
    static void start() throws Exception {
        KeyPair salesforceKeys = TestKeys.generate("RSA", 2048);
        salesforce = SalesforceSimulator.start(SimulatorConfig.builder().publicKey(salesforceKeys.getPublic()).build());

        KeyPair serverKeys = TestKeys.generate("RSA", 2048);
        certificate = TestCertificates.selfSigned(serverKeys, "localhost",
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        Path keyStoreFile = TestCertificates.pkcs12(dir.resolve("listener.p12"), "target", serverKeys, certificate,
                "changeit");
        target = RunningTarget.start(RunningTarget.with(
                RunningTarget.loginTo(salesforce, salesforceKeys, "consumer-key", "someone@example.com"), Map.of(
                "camel.ssl.enabled", "true",
                "camel.ssl.keystore", "file:" + keyStoreFile,
                "camel.ssl.keystorePassword", "changeit",
                "camel.server.useGlobalSslContextParameters", "true")));
    }

    @AfterAll
    static void stop() throws Exception {
        target.close();
        salesforce.close();
    }

    private static HttpRequest event(String scheme, Duration timeout) {
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
