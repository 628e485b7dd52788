package dev.enlace.platform.ingress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Delivery keys for systems that send no delivery id: the hash of what identifies a delivery
 * (its body, and the event name where it is outside the body), so a redelivery has the same key.
 */
public final class DeliveryKeys {
    private DeliveryKeys() {
    }

    public static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String event, byte[] body) {
        return sha256(event.getBytes(StandardCharsets.UTF_8), body);
    }
}
