package dev.enlace.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Moves stock in the Bsale simulator through Bsale's own API, as the shop's ERP would
 * (receptions add, consumptions subtract), and watches the Jumpseller simulator until the
 * store shows the rule-applied value: the end-to-end latency of ST1.
 */
public final class StockChanges {
    private final Simulators stack;
    private final DemoTenant.Created tenant;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public StockChanges(Simulators stack, DemoTenant.Created tenant) {
        this.stack = stack;
        this.tenant = tenant;
    }

    /** Adds ({@code delta > 0}) or removes stock of a SKU in the demo office; returns the ERP's new available quantity. */
    public double move(String sku, double delta) throws IOException, InterruptedException {
        return move(sku, delta, DemoTenant.OFFICE);
    }

    /** The same, in another office. */
    public double move(String sku, double delta, long office) throws IOException, InterruptedException {
        String body = delta >= 0
                ? "{\"document\":\"Otro\",\"officeId\":%d,\"documentNumber\":\"demo\",\"note\":\"demo\",\"details\":[{\"code\":\"%s\",\"quantity\":%s,\"cost\":1000}]}"
                        .formatted(office, sku, number(delta))
                : "{\"officeId\":%d,\"note\":\"demo\",\"details\":[{\"code\":\"%s\",\"quantity\":%s}]}"
                        .formatted(office, sku, number(-delta));
        String path = delta >= 0 ? "/v1/stocks/receptions.json" : "/v1/stocks/consumptions.json";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.bsaleUrl() + path))
                .header("access_token", tenant.bsaleToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Bsale refused the stock move: " + response.statusCode() + " " + response.body());
        }
        return erpAvailable(sku);
    }

    /** Available in the tenant's selling office. */
    public double erpAvailable(String sku) {
        return erpAvailable(sku, DemoTenant.OFFICE);
    }

    public double erpAvailable(String sku, long office) {
        return stack.bsale().stock(tenant.cpnId(), tenant.bsaleVariants().get(sku), office).quantityAvailable();
    }

    public int storeStock(String sku) {
        return stack.jumpseller().stock(tenant.storeCode(), sku).stock();
    }

    /** Waits until the store shows {@code expected}; returns how long that took, or null on time-out. */
    public Duration awaitStore(String sku, int expected, long startNanos, Duration timeout) throws InterruptedException {
        long deadline = startNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (storeStock(sku) == expected) {
                return Duration.ofNanos(System.nanoTime() - startNanos);
            }
            Thread.sleep(2);
        }
        return null;
    }

    /** What the store must show for an ERP quantity, pre-sale off (ST5, ST6). */
    public static int expectedInStore(double erpAvailable) {
        return (int) Math.max(0, Math.floor(erpAvailable));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
