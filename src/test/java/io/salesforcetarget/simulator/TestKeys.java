package io.salesforcetarget.simulator;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** RSA key pairs made once per test JVM (key generation is the slow part) and PEM helpers. */
final class TestKeys {

    /** The connected app's key: the simulator trusts its public half. */
    static final KeyPair APP = generate();

    private TestKeys() {
    }

    static PrivateKey appPrivate() {
        return APP.getPrivate();
    }

    static PublicKey appPublic() {
        return APP.getPublic();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed X.509 certificate, like {@code openssl req -x509 -newkey rsa:2048 -out tm-sf.crt}. */
    static String selfSignedCertificatePem(KeyPair keys) throws Exception {
        X500Name subject = new X500Name("CN=tm-sf");
        Date from = new Date(System.currentTimeMillis() - 60_000);
        Date to = new Date(System.currentTimeMillis() + 365L * 24 * 3600 * 1000);
        X509CertificateHolder cert = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, from, to, subject,
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
        return pem(cert);
    }

    static String pem(Object object) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
