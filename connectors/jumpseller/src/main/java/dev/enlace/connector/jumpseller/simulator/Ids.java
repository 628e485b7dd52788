package dev.enlace.connector.jumpseller.simulator;

import java.util.concurrent.atomic.AtomicLong;

/** Id sequence shared by all stores: Jumpseller ids are global, so two stores never share a product id. */
final class Ids {
    private final AtomicLong next;

    Ids(long first) {
        this.next = new AtomicLong(first);
    }

    long next() {
        return next.getAndIncrement();
    }
}
