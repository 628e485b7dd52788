package dev.enlace.platform.api;

/** An error with an HTTP status and a message meant for the caller: answered as problem+json. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String title;

    public ApiException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad Request", detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not Found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "Content Too Large", detail);
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(422, "Unprocessable Content", detail);
    }
}
