package dev.enlace.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * Serves one simulator's router on its own port (tests use port 0 for a free one). The
 * {@code simulators} app mounts the same routers instead.
 */
public final class SimulatorServer implements AutoCloseable {
    private final HttpServer server;

    private SimulatorServer(HttpServer server) {
        this.server = server;
    }

    public static Future<SimulatorServer> start(Vertx vertx, Router router, String host, int port) {
        // no h2c upgrade: Java's HttpClient tries it by default, and the upgraded stream stalls on large bodies
        HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false);
        return vertx.createHttpServer(options).requestHandler(router).listen(port, host).map(SimulatorServer::new);
    }

    public int port() {
        return server.actualPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
