package dev.enlace.connector.jumpseller.simulator;

/** An API error answered as {@code {"message": ...}} with its HTTP status, the only error shape Jumpseller documents. */
final class ApiException extends RuntimeException {
    final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiException notFound(String resource) {
        return new ApiException(404, resource + " Not Found.");
    }

    static ApiException invalid(String message) {
        return new ApiException(422, message);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }
}
