package dev.enlace.platform.tenant;

/**
 * A credential could not be read. The message names where the reference was declared and why it failed
 * (variable not set, file missing, empty); it never contains a secret value.
 */
public class SecretUnavailableException extends RuntimeException {

    private final String reason;

    public SecretUnavailableException(String origin, String reason) {
        super(origin + ": " + reason);
        this.reason = reason;
    }

    /** Why the secret could not be read, without saying where it was declared. */
    public String reason() {
        return reason;
    }
}
