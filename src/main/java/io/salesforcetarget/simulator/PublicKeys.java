package io.salesforcetarget.simulator;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Reads the connected app's verification key from PEM, the way Salesforce takes an uploaded certificate. */
public final class PublicKeys {

    private PublicKeys() {
    }

    public static PublicKey fromFile(Path file) {
        try {
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read public key file " + file, e);
        }
    }

    /** Accepts the first "CERTIFICATE", "PUBLIC KEY" or "RSA PUBLIC KEY" block in the text. */
    public static PublicKey fromPem(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object item;
            while ((item = parser.readObject()) != null) {
                SubjectPublicKeyInfo info = keyInfo(item);
                if (info != null) {
                    return new JcaPEMKeyConverter().getPublicKey(info);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable PEM: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("no CERTIFICATE or PUBLIC KEY block in the PEM text");
    }

    /** BC already turns "RSA PUBLIC KEY" blocks into SubjectPublicKeyInfo. */
    private static SubjectPublicKeyInfo keyInfo(Object item) {
        if (item instanceof X509CertificateHolder cert) {
            return cert.getSubjectPublicKeyInfo();
        }
        if (item instanceof SubjectPublicKeyInfo info) {
            return info;
        }
        return null;
    }
}
