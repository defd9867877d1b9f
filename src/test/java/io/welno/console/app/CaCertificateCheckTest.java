package io.welno.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile's CA certificate that cannot be used is said as that, in the window's language, before anything is sent:
 * a private key chosen by mistake read "Redis answered with an error: … Unable to initialize, java.io.EOFException:
 * not enough content" with the advice to check the database number, and a missing file "could not read or write a
 * session file" with the advice to check the fallback folder's mount.
 */
class CaCertificateCheckTest {

    @TempDir
    Path dir;

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private List<ConnectionCheck.Finding> check(Path ca, int port) {
        return ConnectionCheck.run(new ConnectionProfile("tls", "rediss://127.0.0.1:" + port + "/0?ca=" + ca,
                "viewer", "Asia/Seoul", "staging", false, null), null, null);
    }

    @Test
    void aFileThatIsNoCertificateIsSaidAsSuchInKorean() throws IOException {
        Path key = Files.writeString(dir.resolve("server.key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello", StandardCharsets.US_ASCII);
        Path broken = Files.writeString(dir.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nMIIBroken\n"
                + "-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        Path folder = Files.createDirectory(dir.resolve("certs.pem"));
        int port = closedPort();
        for (Path ca : List.of(key, text, broken, folder)) {
            List<ConnectionCheck.Finding> found = check(ca, port);
            assertEquals(1, found.size(), found.toString());
            assertTrue(found.get(0).blocking());
            Phrase expected = Phrase.of("connect.problem.ca", Phrase.of("connect.ca.unreadable", ca.toString(),
                    ca.equals(folder) ? Phrase.of("file.directory", ca.toString())
                            : Phrase.of("connect.ca.notCertificate")));
            assertEquals(expected, found.get(0).phrase());
            assertKoreanAboutTheFile(Words.ko(found.get(0).phrase()), ca);
        }
    }

    @Test
    void aMissingCertificateIsTheCertificatesNotAFallbackFolders() throws IOException {
        Path missing = dir.resolve("ca.pem");
        List<ConnectionCheck.Finding> found = check(missing, closedPort());
        assertEquals(List.of(new ConnectionCheck.Finding(true, Phrase.of("connect.problem.ca",
                Phrase.of("connect.ca.unreadable", missing.toString(), Phrase.of("file.missing", missing.toString()))))),
                found);
        assertKoreanAboutTheFile(Words.ko(found.get(0).phrase()), missing);
    }

    /**
     * A PKCS12 or JKS file goes to Jedis as it is: one it cannot open read "the Redis connection broke while a command
     * was under way (Failed to create socket.)", a missing one "Redis answered with an error: Truststore file …".
     */
    @Test
    void aTruststoreThatCannotBeOpenedIsSaidBeforeConnecting() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.p12"), new byte[] {0x4a, 0x12, 0x7f, 0x00, 0x33});
        Path otherPassword = dir.resolve("other.jks");
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(otherPassword)) {
            store.store(out, "changeit".toCharArray());
        }
        Path missing = dir.resolve("missing.p12");
        int port = closedPort();
        assertEquals(Phrase.of("connect.problem.ca", Phrase.of("connect.ca.unreadable", garbage.toString(),
                Phrase.of("connect.ca.notTruststore"))), check(garbage, port).get(0).phrase());
        assertEquals(Phrase.of("connect.problem.ca", Phrase.of("connect.ca.unreadable", otherPassword.toString(),
                Phrase.of("connect.ca.truststorePassword"))), check(otherPassword, port).get(0).phrase());
        assertEquals(Phrase.of("connect.problem.ca", Phrase.of("connect.ca.unreadable", missing.toString(),
                Phrase.of("file.missing", missing.toString()))), check(missing, port).get(0).phrase());
        for (Path ca : List.of(garbage, otherPassword, missing)) {
            String korean = Words.ko(check(ca, port).get(0).phrase());
            assertKoreanAboutTheFile(korean.replace("welno-console", ""), ca);
        }
    }

    @Test
    void aTruststoreThatOpensGoesOnToTheServer() throws Exception {
        Path usable = dir.resolve("usable.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(usable)) {
            store.store(out, "welno-console".toCharArray());
        }
        List<ConnectionCheck.Finding> found = check(usable, closedPort());
        assertEquals("connect.problem", found.get(0).phrase().key(), "the closed port is what is found: " + found);
    }

    private static void assertKoreanAboutTheFile(String korean, Path ca) {
        assertTrue(korean.startsWith("CA 인증서 " + ca), korean);
        assertFalse(korean.contains("세션 파일") || korean.contains("Redis가 오류로 응답"), korean);
        String words = korean.replace(ca.toString(), "").replaceAll("PEM|DER|PKCS12|JKS|CA", "");
        assertFalse(words.matches("(?s).*[A-Za-z]{3,}.*"), "English in Korean: " + korean);
    }
}
