package kubelab.controller.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.serialization.Json;

/**
 * The {@code pod-template-hash} label: a short name for one version of a Deployment's pod template,
 * put on its ReplicaSet (in the name {@code <deployment>-<hash>}, the selector and the template),
 * so that the pods of two versions never match each other's ReplicaSet.
 *
 * <p>The hash is FNV-32a over a deterministic rendering of the template (here its JSON with map
 * keys sorted, where Kubernetes hashes a spew dump of the Go struct), followed by
 * {@code collisionCount} as 8 little-endian bytes when it is set. The 32-bit value is printed in
 * decimal and each digit is mapped to a letter of a vowel-free alphabet, so a hash never spells a
 * word: 0..9 become {@code 4 5 6 7 8 9 b c d f}.
 *
 * <p>Real Kubernetes: {@code ComputeHash} in {@code pkg/controller/controller_utils.go} and
 * {@code SafeEncodeString} in {@code k8s.io/apimachinery/pkg/util/rand}.
 */
public final class PodTemplateHash {
    /** The label key on ReplicaSets and pods. */
    public static final String LABEL = "pod-template-hash";
    /** Kubernetes' alphabet for names: no vowels, no 0, 1 or 3 (no bad words, no look-alikes). */
    static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

    private static final int FNV32_OFFSET = 0x811c9dc5;
    private static final int FNV32_PRIME = 0x01000193;

    private PodTemplateHash() {
    }

    /** The hash of {@code template}, with {@code collisionCount} (null when none was ever needed). */
    public static String compute(PodTemplateSpec template, Integer collisionCount) {
        int hash = FNV32_OFFSET;
        hash = fnv32a(hash, render(template));
        if (collisionCount != null) {
            byte[] count = new byte[8]; // Go writes a uint32 into an 8-byte buffer: 4 bytes stay zero
            int c = collisionCount;
            for (int i = 0; i < 4; i++) {
                count[i] = (byte) (c >>> (8 * i));
            }
            hash = fnv32a(hash, count);
        }
        return safeEncodeString(Integer.toUnsignedString(hash));
    }

    /** Maps each character to {@link #ALPHANUMS}{@code [c % 27]}, as Kubernetes does. */
    static String safeEncodeString(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(ALPHANUMS.charAt(s.charAt(i) % ALPHANUMS.length()));
        }
        return out.toString();
    }

    static int fnv32a(int hash, byte[] data) {
        for (byte b : data) {
            hash ^= (b & 0xff);
            hash *= FNV32_PRIME;
        }
        return hash;
    }

    private static byte[] render(PodTemplateSpec template) {
        try {
            return Json.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(template).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
