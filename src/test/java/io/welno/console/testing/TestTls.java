package io.welno.console.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * The test-only server certificate of {@code src/test/resources/tls} (for {@code localhost} and {@code 127.0.0.1},
 * signed by a throw-away CA no system trusts) as a server's socket factory, for a TLS server in the test's own JVM.
 */
public final class TestTls {

    private TestTls() {
    }

    public static SSLSocketFactory serverSockets() {
        try {
            Certificate certificate;
            try (InputStream in = resource("server.pem")) {
                certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            String pem;
            try (InputStream in = resource("server.key")) {
                pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            char[] password = "test".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, password, new Certificate[] {certificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the test's TLS material could not be read", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = TestTls.class.getResourceAsStream("/tls/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource /tls/" + name);
        }
        return in;
    }
}
