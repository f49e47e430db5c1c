package kubelab.apiserver.encryption;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with one named key. A stored value is {@code nonce (12 bytes) + ciphertext + tag
 * (16 bytes)}, behind the prefix the caller adds. Every write draws a fresh random nonce; the
 * storage key is the additional authenticated data, so the tag fails if the value is read under
 * any other key, or if a single byte was changed.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/storage/value/encrypt/aes} ({@code NewGCMTransformer}).
 */
final class AesGcmTransformer {
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final SecretKeySpec key;

    AesGcmTransformer(String name, byte[] secret) {
        this.name = name;
        this.key = new SecretKeySpec(secret, "AES");
    }

    String name() {
        return name;
    }

    byte[] encrypt(byte[] plain, String storageKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, storageKey);
            ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(plain.length));
            out.put(nonce);
            cipher.doFinal(ByteBuffer.wrap(plain), out);
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Decrypts {@code sealed} (nonce + ciphertext + tag) read from {@code storageKey}. */
    byte[] decrypt(byte[] sealed, int offset, String storageKey) {
        if (sealed.length - offset < NONCE_BYTES + TAG_BITS / 8) {
            throw new DecryptionException(storageKey, "the value is too short to be AES-GCM output of key \"" + name + "\"");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(sealed, offset, offset + NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, storageKey);
            return cipher.doFinal(sealed, offset + NONCE_BYTES, sealed.length - offset - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new DecryptionException(storageKey, "aesgcm key \"" + name + "\" does not authenticate the value:"
                    + " it was written under another storage key, changed, or encrypted with another secret of that name");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    // A Cipher is not thread-safe and a GCM cipher must not reuse a nonce: one per call.
    private Cipher cipher(int mode, byte[] nonce, String storageKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(storageKey.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
