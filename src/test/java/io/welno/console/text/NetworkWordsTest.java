package io.welno.console.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** What the JDK and OkHttp say when a connection or its handshake fails, and the words the operator reads. */
class NetworkWordsTest {

    @Test
    void aHandshakesUsualFailuresHaveWords() {
        assertEquals(Phrase.of("net.tls.untrusted"), NetworkWords.of(new SSLHandshakeException(
                "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find"
                        + " valid certification path to requested target")));
        SSLHandshakeException expired = new SSLHandshakeException(
                "PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed");
        expired.initCause(new CertificateExpiredException("NotAfter: Tue Jan 02 00:00:00 UTC 2024"));
        assertEquals(Phrase.of("net.tls.expired"), NetworkWords.of(expired));
        assertEquals(Phrase.of("net.tls.wrongHost"), NetworkWords.of(new SSLHandshakeException(
                "No subject alternative DNS name matching redis.internal found.")));
        assertEquals(Phrase.of("net.tls.wrongHost"), NetworkWords.of(new SSLException("handshake failed",
                new CertificateException("No subject alternative names matching IP address 10.0.0.5 found"))));
        assertEquals(Phrase.of("net.tls.wrongHost"), NetworkWords.of(new SSLPeerUnverifiedException(
                "Hostname api.tilko.net not verified:\n    certificate: sha256/…")));
        assertEquals(Phrase.of("net.tls.notTls"), NetworkWords.of(new SSLException(
                "Unsupported or unrecognized SSL message")));
        assertEquals(Phrase.of("net.tls.closed"), NetworkWords.of(new SSLHandshakeException(
                "Remote host terminated the handshake")));
        assertEquals(Phrase.of("net.tls.alert", "certificate_required"), NetworkWords.of(new SSLHandshakeException(
                "Received fatal alert: certificate_required")));
        assertEquals(Phrase.of("net.tls.refused"), NetworkWords.of(new SSLHandshakeException(
                "PKIX path validation failed: java.security.cert.CertPathValidatorException: Algorithm constraints "
                        + "check failed on signature algorithm: SHA1withRSA")));
        assertEquals(Phrase.of("net.tls.oldProtocol"), NetworkWords.of(new SSLHandshakeException(
                "The server selected protocol version TLS11 is not accepted by client preferences [TLS13, TLS12]")));
        assertEquals(Phrase.of("net.tls.oldProtocol"), NetworkWords.of(new SSLHandshakeException(
                "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)")));
        assertEquals(Phrase.of("net.tls.noCipher"), NetworkWords.of(new SSLHandshakeException(
                "no cipher suites in common")));
        assertTrue(NetworkWords.isHandshake(new IOException("wrapped", new SSLHandshakeException(
                "Received fatal alert: handshake_failure"))), "a cause is read too");
    }

    @Test
    void aConnectionsUsualComplaintsHaveWords() {
        assertEquals(Phrase.of("net.refused"), NetworkWords.of(new ConnectException("Connection refused")));
        ConnectException okHttps = new ConnectException("Failed to connect to /127.0.0.1:9");
        okHttps.initCause(new ConnectException("Connection refused"));
        assertEquals(Phrase.of("net.refused"), NetworkWords.of(okHttps,
                "ConnectException: Failed to connect to /127.0.0.1:9"), "OkHttp's own sentence, the OS's as its cause");
        assertEquals(Phrase.of("net.unknownHost"), NetworkWords.of(new UnknownHostException("tilko.invalid")));
        assertEquals(Phrase.of("net.connectTimeout"), NetworkWords.of(new ConnectException("Connection timed out")));
        assertEquals(Phrase.of("net.reset"), NetworkWords.of(new SocketException("Connection reset")));
        assertEquals(Phrase.of("net.closed"), NetworkWords.of(new IOException(
                "unexpected end of stream on http://127.0.0.1:8080/...")));
        assertEquals(Phrase.of("net.streamReset"), NetworkWords.of(new IOException(
                "stream was reset: INTERNAL_ERROR")));
        assertFalse(NetworkWords.isHandshake(new SocketException("Connection reset")));
    }

    /** Words that say no more than the message does: which side, and when, only where it tells. */
    @Test
    void whatTheJvmAndJedisSayOfAnOpenConnectionHasWords() {
        assertEquals(Phrase.of("net.timedOut"), NetworkWords.of(new SocketException("Connection timed out")),
                "a read, not a connect");
        assertEquals(Phrase.of("net.closedHere"), NetworkWords.of(new SocketException("Socket closed")),
                "this side's own socket, not the other side closing");
        assertEquals(Phrase.of("net.closed"), NetworkWords.of(new JedisConnectionException(
                "It seems like server has closed the connection.")));
        assertEquals(Phrase.of("net.brokenEarlier"), NetworkWords.of(new JedisConnectionException(
                "Attempting to read from a broken connection.")));
        assertEquals(Phrase.of("net.tooManyFiles"), NetworkWords.of(new SocketException("Too many open files")));
    }

    @Test
    void anythingElseIsQuotedAsSaidAndTheScrubbedTextIsTheOneQuoted() {
        assertEquals(Phrase.of("text.verbatim", "Protocol wrong type for socket"),
                NetworkWords.of(new SocketException("Protocol wrong type for socket\n\tat somewhere")));
        assertEquals(Phrase.of("text.verbatim", "IOException: key ***"),
                NetworkWords.of(new IOException("key 0123456789"), "IOException: key ***"));
    }
}
