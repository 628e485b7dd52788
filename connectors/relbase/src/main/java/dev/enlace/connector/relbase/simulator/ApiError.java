package dev.enlace.connector.relbase.simulator;

/** A request the simulated API refuses; rendered in relBase's envelope as {@code {"meta":{"code","message"}}}. */
final class ApiError extends RuntimeException {
    final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiError unprocessable(String message) {
        return new ApiError(422, message);
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError notFound() {
        return new ApiError(404, "Not Found");
    }
}
