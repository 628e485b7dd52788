package dev.enlace.connector.bsale.simulator;

/** A request the simulated API refuses; rendered as Bsale does: {@code {"error": "<message>"}}. */
final class ApiError extends RuntimeException {
    final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError notFound() {
        return new ApiError(404, "The requested resource was not found");
    }
}
