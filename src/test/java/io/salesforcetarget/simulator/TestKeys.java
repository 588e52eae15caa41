package io.salesforcetarget.simulator;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The connected app's RSA key pair, made once per test JVM (generation is the slow part), a second one, and
 * self-signed certificates. New key pairs and PEM text come from {@link KeyPairs}, as for {@code --simulator}.
 */
public final class TestKeys {

    private static final KeyPair RSA_2048 = KeyPairs.generate("RSA", 2048);
    private static final KeyPair OTHER_RSA_2048 = KeyPairs.generate("RSA", 2048);

    private TestKeys() {
    }

    /** The connected app's key pair: a simulator is given its public half, the target signs with its private half. */
    public static KeyPair rsa() {
        return RSA_2048;
    }

    public static RSAPrivateKey privateKey() {
        return (RSAPrivateKey) RSA_2048.getPrivate();
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) RSA_2048.getPublic();
    }

    /** A second key pair: an assertion signed with {@link #rsa()} must not verify with it. */
    public static RSAPublicKey otherPublicKey() {
        return (RSAPublicKey) OTHER_RSA_2048.getPublic();
    }

    /** "-----BEGIN RSA PRIVATE KEY-----" (PKCS#1), what {@code openssl genrsa} (1.x) writes. */
    public static String pkcs1Pem(PrivateKey key) {
        return KeyPairs.pem(key);
    }

    /**
     * A certificate for {@code keys}' public half signed with their private half, valid for a day, like
     * {@code openssl req -x509 -newkey rsa:2048 -subj /CN=name}, with these subject alternative names if any.
     */
    public static X509Certificate selfSignedCertificate(KeyPair keys, String commonName,
            GeneralName... alternativeNames) throws Exception {
        X500Name subject = new X500Name("CN=" + commonName);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
                keys.getPublic());
        if (alternativeNames.length > 0) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    /** Writes a PKCS#12 keystore holding the private key under {@code alias} with its certificate. */
    public static Path pkcs12(Path file, String alias, KeyPair keys, X509Certificate certificate, String password)
            throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, keys.getPrivate(), password.toCharArray(), new X509Certificate[] { certificate });
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
