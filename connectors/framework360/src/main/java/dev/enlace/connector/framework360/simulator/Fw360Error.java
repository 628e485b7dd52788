package dev.enlace.connector.framework360.simulator;

/** A non-2xx answer: {@code {"error": message}} (a guess, see Framework360Guesses). */
final class Fw360Error extends RuntimeException {
    final int status;

    Fw360Error(int status, String message) {
        super(message);
        this.status = status;
    }
}
