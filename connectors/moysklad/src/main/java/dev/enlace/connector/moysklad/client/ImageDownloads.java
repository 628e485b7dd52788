package dev.enlace.connector.moysklad.client;

import dev.enlace.platform.outbound.ExternalApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fetches an image from another system's public URL: MoySklad takes images only as base64 content
 * (moysklad.md §4.10), never as a link.
 */
@ApplicationScoped
public class ImageDownloads {
    /** MoySklad's request body limit is 20 MB; base64 grows the file by a third. */
    static final long MAX_BYTES = 10L << 20;
    private final HttpClient http;

    public ImageDownloads(Vertx vertx) {
        this.http = vertx.createHttpClient();
    }

    public Uni<byte[]> download(String url) {
        return http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url).setFollowRedirects(true))
                .chain(request -> request.send())
                .chain(response -> {
                    if (response.statusCode() != 200) {
                        return Uni.createFrom().failure(new ExternalApiException("image", response.statusCode(),
                                "cannot download " + url, null));
                    }
                    return response.body();
                })
                .map(Buffer::getBytes)
                .invoke(bytes -> {
                    if (bytes.length > MAX_BYTES) {
                        throw new ExternalApiException("image", 413, url + " is larger than " + MAX_BYTES + " bytes", null);
                    }
                });
    }
}
