package dev.enlace.connector.smarty.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.simulator.RateWindow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** One Smarty company reached with one API key. Guarded by its own monitor; records are kept as their JSON. */
final class Account {
    final String apiKey;
    final String name;
    final Map<Long, ObjectNode> products = new LinkedHashMap<>();
    final Map<Long, ObjectNode> variations = new LinkedHashMap<>();
    final Map<Long, ObjectNode> customers = new LinkedHashMap<>();
    final Map<Long, ObjectNode> orders = new LinkedHashMap<>();
    /** The latest API calls answered, oldest first (the control side's request log). */
    final java.util.Deque<SmartySimulator.Request> requests = new java.util.ArrayDeque<>();
    final AtomicInteger rateLimited = new AtomicInteger();
    volatile RateWindow rate;
    private long ids;

    Account(String apiKey, String name, RateWindow rate) {
        this.apiKey = apiKey;
        this.name = name;
        this.rate = rate;
    }

    long nextId() {
        return ++ids;
    }
}
