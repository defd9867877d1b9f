package io.welno.console.tilko;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.welno.console.tilko.TilkoCrypto.TilkoCryptoException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TilkoCryptoTest {

    private static final byte[] ZERO_KEY = new byte[16];
    private static final byte[] COUNTING_KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    /** docs/tilko.md: AES-128-CBC, PKCS7, IV = 0, Base64. */
    @ParameterizedTest(name = "key {0}, \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "00000000000000000000000000000000 | test        | qTEyaO8wodj/sAFhzipZdw==",
        "00000000000000000000000000000000 | ''          | AUPbY+5msM3/n2mRdoAVHg==",
        "00000000000000000000000000000000 | 홍길동       | lEjiF+y+I4vZL+sodLUvZg==",
        "00000000000000000000000000000000 | 19880101    | UZHde03qOmLOvBgcCdLmrQ==",
        "00000000000000000000000000000000 | 01012341234 | A4eNTjS45fu52Fc8GGynlQ==",
        "000102030405060708090a0b0c0d0e0f | test        | rzIqecVRld6ytjwJ6R5lRQ==",
        "000102030405060708090a0b0c0d0e0f | 홍길동       | V2VpMp0qZ3taeeZffQmZaw==",
    })
    void specTestVectors(String keyHex, String plaintext, String expected) throws Exception {
        byte[] key = HexFormat.of().parseHex(keyHex);
        assertEquals(expected, TilkoCrypto.encryptField(key, plaintext));
        if (!plaintext.isEmpty()) {
            assertEquals(plaintext, TilkoCrypto.decryptField(key, expected));
        }
    }

    @Test
    void emptyPlaintextStillEncryptsToOnePaddingBlockAndDecryptsBack() throws Exception {
        String cipher = TilkoCrypto.encryptField(ZERO_KEY, "");
        assertEquals(16, Base64.getDecoder().decode(cipher).length);
        // The encrypted "" decrypts to ""; a literal "" is accepted as empty too (Dart client behaviour).
        assertEquals("", TilkoCrypto.decryptField(ZERO_KEY, cipher));
        assertEquals("", TilkoCrypto.decryptField(ZERO_KEY, ""));
    }

    @Test
    void decryptWithWrongKeyOrGarbageFails() {
        String cipher = TilkoCrypto.encryptField(ZERO_KEY, "홍길동");
        assertThrows(TilkoCryptoException.class, () -> TilkoCrypto.decryptField(COUNTING_KEY, cipher));
        assertThrows(TilkoCryptoException.class, () -> TilkoCrypto.decryptField(ZERO_KEY, "not base64 !!"));
        assertThrows(TilkoCryptoException.class, () -> TilkoCrypto.decryptField(ZERO_KEY, "AAAA"));
    }

    @Test
    void encKeyRoundTripsThroughRsaPkcs1AndPublishedSpki() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        String published = TilkoCrypto.encodePublicKey(pair.getPublic());

        byte[] aesKey = TilkoCrypto.newAesKey(new SecureRandom());
        String encKey = TilkoCrypto.wrapAesKey(TilkoCrypto.parsePublicKey(published), aesKey);

        assertEquals(256, Base64.getDecoder().decode(encKey).length, "ciphertext length = modulus size");
        assertArrayEquals(aesKey, TilkoCrypto.unwrapAesKey(pair.getPrivate(), encKey));
    }

    @Test
    void anyRsaSizeIsAccepted() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024); // the 2020 sample key size
        KeyPair pair = g.generateKeyPair();
        byte[] aesKey = new byte[16];
        String encKey = TilkoCrypto.wrapAesKey(TilkoCrypto.parsePublicKey(TilkoCrypto.encodePublicKey(pair.getPublic())), aesKey);
        assertEquals(128, Base64.getDecoder().decode(encKey).length);
        assertArrayEquals(aesKey, TilkoCrypto.unwrapAesKey(pair.getPrivate(), encKey));
    }

    @Test
    void unwrapRejectsGarbageAndWrongLength() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        assertThrows(TilkoCryptoException.class, () -> TilkoCrypto.unwrapAesKey(pair.getPrivate(), "%%%"));
        assertThrows(TilkoCryptoException.class, () -> TilkoCrypto.unwrapAesKey(pair.getPrivate(),
                Base64.getEncoder().encodeToString(new byte[256])));
        String eightBytes = TilkoCrypto.wrapAesKey(pair.getPublic(), new byte[8]);
        TilkoCryptoException e = assertThrows(TilkoCryptoException.class,
                () -> TilkoCrypto.unwrapAesKey(pair.getPrivate(), eightBytes));
        assertEquals("ENC-KEY holds 8 bytes, expected 16", e.getMessage());
    }

    @Test
    void freshKeysDiffer() {
        SecureRandom r = new SecureRandom();
        assertNotEquals(HexFormat.of().formatHex(TilkoCrypto.newAesKey(r)), HexFormat.of().formatHex(TilkoCrypto.newAesKey(r)));
    }

    @Test
    void parsePublicKeyRejectsNonKeys() {
        assertThrows(TilkoCryptoException.class, () -> TilkoCrypto.parsePublicKey(""));
        assertThrows(TilkoCryptoException.class, () -> TilkoCrypto.parsePublicKey("BgIAAACkAABSU0Ex"));
    }
}
