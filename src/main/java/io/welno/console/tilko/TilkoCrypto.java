package io.welno.console.tilko;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Tilko wire crypto (docs/tilko.md), shared by the client and the simulator so both sides
 * are guaranteed to agree byte for byte.
 *
 * <ul>
 *   <li>Field encryption: AES-128-CBC, PKCS#7 padding (Java calls it PKCS5Padding), IV = 16 zero bytes,
 *       UTF-8 plaintext, standard Base64 output.</li>
 *   <li>{@code ENC-KEY}: the raw 16 AES key bytes, RSA PKCS#1 v1.5 encrypted with Tilko's public key,
 *       standard Base64.</li>
 *   <li>{@code PublicKey}: Base64 of a DER SubjectPublicKeyInfo; the key size is not assumed.</li>
 * </ul>
 */
public final class TilkoCrypto {

    public static final int AES_KEY_BYTES = 16;

    private static final String AES = "AES/CBC/PKCS5Padding";
    private static final String RSA = "RSA/ECB/PKCS1Padding";
    // Tilko fixes the IV at zero; security comes from using a fresh key for every request.
    private static final byte[] ZERO_IV = new byte[16];

    private TilkoCrypto() {
    }

    /** A fresh AES-128 key. Callers pass a SecureRandom; the official samples' java.util.Random is not acceptable. */
    public static byte[] newAesKey(SecureRandom random) {
        byte[] key = new byte[AES_KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /** Encrypts one field value: UTF-8 → AES-128-CBC/PKCS7 (IV 0) → Base64. */
    public static String encryptField(byte[] aesKey, String plaintext) {
        try {
            Cipher cipher = aesCipher(Cipher.ENCRYPT_MODE, aesKey);
            byte[] out = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            // A 16-byte key with a JDK-mandated algorithm cannot fail; anything else is a programming error.
            throw new IllegalStateException("AES encryption failed", e);
        }
    }

    /**
     * Decrypts one field value (the simulator's side). A literal empty string is accepted as an empty
     * value because one third-party client sends "" unencrypted (docs/tilko.md).
     *
     * @throws TilkoCryptoException if the text is not Base64 or the padding is wrong
     */
    public static String decryptField(byte[] aesKey, String base64) throws TilkoCryptoException {
        if (base64.isEmpty()) {
            return "";
        }
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new TilkoCryptoException("not Base64");
        }
        try {
            Cipher cipher = aesCipher(Cipher.DECRYPT_MODE, aesKey);
            return new String(cipher.doFinal(cipherText), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new TilkoCryptoException("AES decryption failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Parses Tilko's {@code PublicKey} (Base64 DER SubjectPublicKeyInfo, any RSA size). */
    public static PublicKey parsePublicKey(String base64Spki) throws TilkoCryptoException {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64Spki.trim());
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new TilkoCryptoException("PublicKey is not a Base64 RSA SubjectPublicKeyInfo");
        }
    }

    /** Base64 DER SubjectPublicKeyInfo, the format GetPublicKey publishes since 2021. */
    public static String encodePublicKey(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Builds the {@code ENC-KEY} header: Base64(RSA-PKCS1v1.5(raw AES key)). */
    public static String wrapAesKey(PublicKey tilkoKey, byte[] aesKey) throws TilkoCryptoException {
        try {
            Cipher cipher = Cipher.getInstance(RSA);
            cipher.init(Cipher.ENCRYPT_MODE, tilkoKey);
            return Base64.getEncoder().encodeToString(cipher.doFinal(aesKey));
        } catch (GeneralSecurityException e) {
            throw new TilkoCryptoException("RSA encryption of the AES key failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The simulator's side of {@link #wrapAesKey}: requires exactly 16 key bytes. */
    public static byte[] unwrapAesKey(PrivateKey key, String encKeyHeader) throws TilkoCryptoException {
        byte[] wrapped;
        try {
            wrapped = Base64.getDecoder().decode(encKeyHeader.trim());
        } catch (IllegalArgumentException e) {
            throw new TilkoCryptoException("ENC-KEY is not Base64");
        }
        byte[] raw;
        try {
            Cipher cipher = Cipher.getInstance(RSA);
            cipher.init(Cipher.DECRYPT_MODE, key);
            raw = cipher.doFinal(wrapped);
        } catch (GeneralSecurityException e) {
            throw new TilkoCryptoException("ENC-KEY cannot be RSA-decrypted with this API key's key pair");
        }
        if (raw.length != AES_KEY_BYTES) {
            throw new TilkoCryptoException("ENC-KEY holds " + raw.length + " bytes, expected 16");
        }
        return raw;
    }

    private static Cipher aesCipher(int mode, byte[] key) throws GeneralSecurityException {
        if (key.length != AES_KEY_BYTES) {
            throw new java.security.InvalidKeyException("AES-128 needs a 16-byte key");
        }
        Cipher cipher = Cipher.getInstance(AES);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(ZERO_IV));
        return cipher;
    }

    /** A checked failure of the Tilko crypto; its message never contains key material or plaintext. */
    public static final class TilkoCryptoException extends Exception {
        private static final long serialVersionUID = 1L;

        public TilkoCryptoException(String message) {
            super(message);
        }
    }
}
