package io.welno.console.tilko.sim;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One RSA key pair per API key, created on first use and kept for the simulator's life, like Tilko's. */
final class KeyRing {

    private final Map<String, KeyPair> pairs = new ConcurrentHashMap<>();
    private final int bits;

    KeyRing(int bits) {
        this.bits = bits;
    }

    KeyPair forApiKey(String apiKey) {
        return pairs.computeIfAbsent(apiKey, k -> generate());
    }

    private KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has RSA", e);
        }
    }
}
