package io.salesforcetarget.auth;

import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/** RSA keys for tests, generated once per JVM (generation is the slow part), and their PEM forms. */
public final class TestKeys {

    private static final KeyPair RSA_2048 = generate("RSA", 2048);
    private static final KeyPair OTHER_RSA_2048 = generate("RSA", 2048);

    private TestKeys() {
    }

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

    public static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "-----BEGIN RSA PRIVATE KEY-----" (PKCS#1), what {@code openssl genrsa} (1.x) writes. */
    public static String pkcs1Pem(PrivateKey key) {
        return pem(key);
    }

    /** "-----BEGIN PRIVATE KEY-----" (PKCS#8), what {@code openssl req -newkey} writes. */
    public static String pkcs8Pem(PrivateKey key) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            PemObjectGenerator pkcs8 = new JcaPKCS8Generator(key, null);
            writer.writeObject(pkcs8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Any key or certificate object as PEM, the way Bouncy Castle's JcaPEMWriter writes it. */
    public static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
