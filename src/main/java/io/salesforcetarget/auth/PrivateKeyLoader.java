package io.salesforcetarget.auth;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads the connected app's RSA private key from PEM text: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or PKCS#8
 * ({@code BEGIN PRIVATE KEY}), unencrypted, as the original adapter accepted. Bouncy Castle does the parsing.
 * Error messages never quote the key.
 */
public final class PrivateKeyLoader {

    private PrivateKeyLoader() {
    }

    public static RSAPrivateKey fromPem(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("the private key is empty");
        }
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(normaliseLineBreaks(pem)))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle's messages can quote the input: keep only the class of failure.
            throw new IllegalArgumentException("the private key is not valid PEM (" + e.getClass().getSimpleName() + ")");
        }
        PrivateKey key = toPrivateKey(parsed);
        if (!(key instanceof RSAPrivateKey rsa)) {
            throw new IllegalArgumentException("the private key is a " + key.getAlgorithm() + " key; RS256 needs an RSA key");
        }
        if (rsa.getModulus().bitLength() < 2048) {
            throw new IllegalArgumentException("the RSA key has " + rsa.getModulus().bitLength() + " bits; RS256 needs at least 2048");
        }
        return rsa;
    }

    private static PrivateKey toPrivateKey(Object parsed) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo()); // PKCS#1
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info); // PKCS#8
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the private key could not be decoded");
        }
        if (parsed == null) {
            throw new IllegalArgumentException("no PEM private key found (expected BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY)");
        }
        throw new IllegalArgumentException("the PEM block is a " + parsed.getClass().getSimpleName()
                + ", not an unencrypted private key");
    }

    /** A key pasted into a .env file often arrives with literal "\n" instead of line breaks. */
    private static String normaliseLineBreaks(String pem) {
        return pem.indexOf('\n') < 0 ? pem.replace("\\n", "\n") : pem;
    }
}
