package io.salesforcetarget.simulator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Key pairs for the JWT bearer login (the org trusts the public half, the target signs with the private half), and
 * the PEM text they are written as, for {@code --simulator} and the tests. {@link PublicKeys} reads PEM back.
 */
public final class KeyPairs {

    private KeyPairs() {
    }

    /** A new key pair, e.g. {@code ("RSA", 2048)}, what a connected app's certificate is made with. */
    public static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /** "-----BEGIN PRIVATE KEY-----" (PKCS#8), what {@code openssl req -newkey} writes. */
    public static String pkcs8Pem(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the private key as PKCS#8", e);
        }
    }

    /**
     * A key, certificate or PEM generator as PEM text, as Bouncy Castle's {@link JcaPEMWriter} writes it: an RSA
     * private key as "RSA PRIVATE KEY" (PKCS#1), a public key as "PUBLIC KEY".
     */
    public static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + object.getClass().getSimpleName() + " as PEM", e);
        }
        return out.toString();
    }
}
