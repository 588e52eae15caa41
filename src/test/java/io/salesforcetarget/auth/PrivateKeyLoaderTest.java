package io.salesforcetarget.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesforcetarget.simulator.KeyPairs;
import io.salesforcetarget.simulator.TestKeys;

class PrivateKeyLoaderTest {

    private static final RSAPrivateKey KEY = TestKeys.privateKey();

    private static void assertSameKey(RSAPrivateKey loaded) {
        assertThat(loaded.getModulus()).isEqualTo(KEY.getModulus());
        assertThat(loaded.getPrivateExponent()).isEqualTo(KEY.getPrivateExponent());
    }

    @Test
    void readsPkcs1() {
        String pem = TestKeys.pkcs1Pem(KEY);
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertSameKey(PrivateKeyLoader.fromPem(pem));
    }

    @Test
    void readsPkcs8() {
        String pem = KeyPairs.pkcs8Pem(KEY);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertSameKey(PrivateKeyLoader.fromPem(pem));
    }

    @Test
    void readsKeyWithLiteralBackslashN() {
        String pasted = KeyPairs.pkcs8Pem(KEY).replace("\r\n", "\n").replace("\n", "\\n");
        assertThat(pasted).doesNotContain("\n");
        assertSameKey(PrivateKeyLoader.fromPem(pasted));
    }

    @Test
    void readsKeyWithWindowsLineBreaksAndSurroundingText() {
        String pem = "key for the connected app\r\n" + TestKeys.pkcs1Pem(KEY).replace("\n", "\r\n") + "\r\n";
        assertSameKey(PrivateKeyLoader.fromPem(pem));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "\n" })
    void emptyKeyIsRejected(String pem) {
        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(pem))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the private key is empty");
        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the private key is empty");
    }

    @Test
    void textWithoutPemIsRejected() {
        assertThatThrownBy(() -> PrivateKeyLoader.fromPem("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no PEM private key found (expected BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY)");
    }

    @Test
    void corruptKeyIsRejectedWithoutQuotingIt() {
        String secretLooking = "c2VjcmV0LWtleS1tYXRlcmlhbC1kby1ub3QtbG9n";
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + secretLooking + "\n-----END RSA PRIVATE KEY-----\n";
        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(pem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the private key ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secretLooking).doesNotContain("c2VjcmV0"));
    }

    @Test
    void truncatedKeyIsRejectedWithoutQuotingIt() {
        String pem = KeyPairs.pkcs8Pem(KEY);
        String truncated = pem.substring(0, pem.length() / 2) + "\n-----END PRIVATE KEY-----\n";
        String body = pem.split("\n")[3];
        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(body));
    }

    @Test
    void publicKeyIsNotAPrivateKey() {
        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(KeyPairs.pem(TestKeys.publicKey())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the PEM block is a SubjectPublicKeyInfo, not an unencrypted private key");
    }

    @Test
    void ecKeyIsRejected() {
        KeyPair ec = KeyPairs.generate("EC", 256);
        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(KeyPairs.pkcs8Pem(ec.getPrivate())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the private key is a EC key; RS256 needs an RSA key");
    }

    @Test
    void shortRsaKeyIsRejected() {
        KeyPair weak = KeyPairs.generate("RSA", 1024);
        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(TestKeys.pkcs1Pem(weak.getPrivate())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the RSA key has 1024 bits; RS256 needs at least 2048");
    }

    @Test
    void base64OfTheKeyAloneIsNotPem() {
        String der = Base64.getEncoder().encodeToString(KEY.getEncoded());
        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(der)).isInstanceOf(IllegalArgumentException.class);
    }
}
