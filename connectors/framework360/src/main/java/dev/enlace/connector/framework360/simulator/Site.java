package dev.enlace.connector.framework360.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.simulator.RateWindow;
import dev.enlace.simulator.WebhookDispatcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** One Framework360 site: its API key, catalogue, orders, webhooks. Guarded by its own monitor. */
final class Site {
    final String name;
    final String apiKey;
    final Map<Integer, String> statuses = new LinkedHashMap<>();
    final Map<Long, ObjectNode> payments = new LinkedHashMap<>();
    final Map<Long, ObjectNode> taxes = new LinkedHashMap<>();
    final Map<Long, ObjectNode> products = new LinkedHashMap<>();
    final Map<Long, ObjectNode> orders = new LinkedHashMap<>();
    final Map<Long, Framework360Simulator.Webhook> webhooks = new LinkedHashMap<>();
    final Map<String, AtomicInteger> stockWrites = new LinkedHashMap<>();
    final Map<Long, AtomicInteger> productWrites = new LinkedHashMap<>();
    final WebhookDispatcher dispatcher;
    final AtomicInteger rateLimited = new AtomicInteger();
    volatile RateWindow rate;
    private long ids = 1000;

    Site(String name, String apiKey, RateWindow rate, WebhookDispatcher dispatcher) {
        this.name = name;
        this.apiKey = apiKey;
        this.rate = rate;
        this.dispatcher = dispatcher;
    }

    long nextId() {
        return ++ids;
    }
}
