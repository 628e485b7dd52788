package dev.enlace.connector.insales.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook endpoint that keeps every POST and answers {@code status}. */
final class HookReceiver implements AutoCloseable {
    record Received(String path, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int status = 200;

    HookReceiver(Vertx vertx) {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            Map<String, String> headers = new java.util.HashMap<>();
            req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            received.add(new Received(req.path(), headers, body.toString()));
            req.response().setStatusCode(status).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    @Override
    public void close() {
        server.close();
    }
}
