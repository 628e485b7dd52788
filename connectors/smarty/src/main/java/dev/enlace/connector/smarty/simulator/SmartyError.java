package dev.enlace.connector.smarty.simulator;

/** An API answer other than 2xx: {@code {"error": message}} with the given status (a guess, see SmartyGuesses). */
final class SmartyError extends RuntimeException {
    final int status;

    SmartyError(int status, String message) {
        super(message);
        this.status = status;
    }
}
