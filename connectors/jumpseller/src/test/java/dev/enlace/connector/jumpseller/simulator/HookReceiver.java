package dev.enlace.connector.jumpseller.simulator;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook endpoint for tests: records every request as received (raw body bytes) and answers a set status. */
final class HookReceiver implements AutoCloseable {
    record Received(MultiMap headers, byte[] body, Instant at) {
        String header(String name) {
            return headers.get(name);
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    HookReceiver(Vertx vertx) {
        this.server = vertx.createHttpServer()
                .requestHandler(req -> req.body().onSuccess(buf -> {
                    received.add(new Received(MultiMap.caseInsensitiveMultiMap().addAll(req.headers()),
                            buf.getBytes(), Instant.now()));
                    if (status > 0) {
                        req.response().setStatusCode(status).end();
                    }
                }))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hooks";
    }

    /** Records requests but never answers them. */
    void hang() {
        this.status = 0;
    }

    void answer(int statusCode) {
        this.status = statusCode;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String event) {
        return received.stream().filter(r -> event.equals(r.header("Jumpseller-Event"))).toList();
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
