package dev.enlace.document.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.document.domain.DocumentPlan;
import dev.enlace.events.DocumentIssued;
import dev.enlace.events.DocumentPurpose;
import dev.enlace.events.Money;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.DocumentRequest;
import dev.enlace.platform.connectors.ErpDocuments;
import dev.enlace.platform.connectors.IssuedDocument;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.failure.FailureRetry;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.messaging.PgNotifications;
import dev.enlace.platform.outbound.ExternalApiException;
import dev.enlace.platform.outbox.Outbox;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issues reserved documents in the ERP (DO8). A claimed row is ISSUING, committed, before the call. A row
 * that was sent before (a crash while ISSUING, a time-out, a 5xx or 429) is first looked up in the ERP
 * and issued only if the ERP has none. The confirmation (ISSUED with the ERP's id and folio) and
 * DocumentIssued commit together. Credit notes and guías wait until their sale document is ISSUED.
 */
@ApplicationScoped
public class DocumentWorker implements FailureRetry {
    private static final Logger LOG = Logger.getLogger(DocumentWorker.class);
    static final String FAILURE_KIND = "document-issue";

    private final Pool pool;
    private final Connectors connectors;
    private final TenantRegistry tenants;
    private final FailureRecords failures;
    private final PgNotifications notifications;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;
    private final Vertx vertx;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration retryBase;
    private final Duration lease;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    record Claimed(long id, String tenant, String orderId, DocumentPurpose purpose, String documentType,
            String orderJson, boolean sentBefore, int attempts) {
    }

    public DocumentWorker(Pool pool, Connectors connectors, TenantRegistry tenants, FailureRecords failures,
            PgNotifications notifications, Outbox outbox, ObjectMapper mapper, MeterRegistry metrics, Vertx vertx,
            @ConfigProperty(name = "enlace.documents.batch", defaultValue = "20") int batchSize,
            @ConfigProperty(name = "enlace.documents.max-attempts", defaultValue = "12") int maxAttempts,
            @ConfigProperty(name = "enlace.documents.retry-base", defaultValue = "1s") Duration retryBase,
            @ConfigProperty(name = "enlace.documents.lease", defaultValue = "2m") Duration lease) {
        this.pool = pool;
        this.connectors = connectors;
        this.tenants = tenants;
        this.failures = failures;
        this.notifications = notifications;
        this.outbox = outbox;
        this.mapper = mapper;
        this.metrics = metrics;
        this.vertx = vertx;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.retryBase = retryBase;
        this.lease = lease;
    }

    @PostConstruct
    void listen() {
        notifications.listen("enlace_document_ready", this::trigger);
    }

    @Scheduled(every = "${enlace.documents.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return drain();
    }

    void trigger() {
        drain().subscribe().with(v -> { }, err -> LOG.warnf("document issuing failed: %s", err.getMessage()));
    }

    public Uni<Void> drain() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        again.set(false);
        return issueUntilEmpty()
                .eventually(() -> running.set(false))
                .chain(() -> again.getAndSet(false) ? drain() : Uni.createFrom().voidItem());
    }

    private Uni<Void> issueUntilEmpty() {
        return claim().chain(batch -> batch.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(batch.stream().map(this::process).toList()).andCollectFailures()
                        .chain(() -> batch.size() == batchSize ? issueUntilEmpty() : Uni.createFrom().voidItem()));
    }

    /**
     * Claims due rows: READY ones, and ISSUING ones whose lease ran out (their worker died). The claim
     * commits ISSUING and erp_called before any ERP call.
     */
    private Uni<List<Claimed>> claim() {
        return pool.preparedQuery("UPDATE legal_document d SET state = 'ISSUING', erp_called = true,"
                        + " attempts = d.attempts + 1, locked_until = now() + make_interval(secs => $2), updated_at = now()"
                        + " FROM (SELECT id, erp_called OR state = 'ISSUING' AS sent_before FROM legal_document x"
                        + " WHERE ((x.state = 'READY' AND x.next_attempt_at <= now())"
                        + " OR (x.state = 'ISSUING' AND x.locked_until < now()))"
                        + " AND (x.purpose = 'SALE' OR EXISTS (SELECT 1 FROM legal_document s WHERE s.tenant = x.tenant"
                        + " AND s.order_id = x.order_id AND s.purpose = 'SALE' AND s.state = 'ISSUED'))"
                        + " ORDER BY x.next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due"
                        + " WHERE d.id = due.id"
                        + " RETURNING d.id, d.tenant, d.order_id, d.purpose, d.document_type, d.order_json, due.sent_before,"
                        + " d.attempts")
                .execute(Tuple.of(batchSize, (double) lease.toSeconds()))
                .map(rows -> {
                    List<Claimed> batch = new ArrayList<>();
                    for (Row r : rows) {
                        batch.add(new Claimed(r.getLong("id"), r.getString("tenant"), r.getString("order_id"),
                                DocumentPurpose.valueOf(r.getString("purpose")), r.getString("document_type"),
                                r.getString("order_json"), r.getBoolean("sent_before"), r.getInteger("attempts")));
                    }
                    return batch;
                });
    }

    private Uni<Void> process(Claimed c) {
        Tenant tenant = tenants.find(c.tenant()).orElse(null);
        if (tenant == null || tenant.erp() == null) {
            return failed(c, "tenant '" + c.tenant() + "' has no ERP now", true);
        }
        if (c.documentType() == null) {
            return failed(c, "no document type set for " + c.purpose(), true);
        }
        return Uni.createFrom().deferred(() -> request(c, tenant))
                .chain(request -> {
                    ErpDocuments erp = connectors.require(ErpDocuments.class, tenant.erp().system());
                    Uni<IssuedDocument> issued = c.sentBefore()
                            ? erp.find(tenant.erp(), request).chain(found -> found.isPresent()
                                    ? Uni.createFrom().item(found.get()).invoke(() -> metrics.counter(
                                            "enlace.documents.recovered", "purpose", c.purpose().name()).increment())
                                    : erp.issue(tenant.erp(), request))
                            : erp.issue(tenant.erp(), request);
                    return issued.chain(doc -> confirm(c, tenant.erp().system(), doc));
                })
                .onFailure().recoverWithUni(err -> failed(c, err));
    }

    private Uni<DocumentRequest> request(Claimed c, Tenant tenant) {
        OrderSnapshot order = read(c.orderJson(), OrderSnapshot.class);
        Map<String, String> settings = DocumentPlan.erpSettings(tenant.settings().documents());
        if (c.purpose() == DocumentPurpose.SALE) {
            return Uni.createFrom().item(new DocumentRequest(c.tenant(), c.orderId(), c.purpose(), c.documentType(),
                    order, settings, null));
        }
        return pool.preparedQuery("SELECT document_id, document_type, folio, net, tax, total, currency, public_url,"
                        + " references_json, issued_at, order_json FROM legal_document"
                        + " WHERE tenant = $1 AND order_id = $2 AND purpose = 'SALE' AND state = 'ISSUED'")
                .execute(Tuple.of(c.tenant(), c.orderId()))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    String currency = r.getString("currency");
                    IssuedDocument original = new IssuedDocument(r.getString("document_id"), r.getString("document_type"),
                            r.getString("folio"), new Money(r.getBigDecimal("net"), currency),
                            new Money(r.getBigDecimal("tax"), currency), new Money(r.getBigDecimal("total"), currency),
                            r.getString("public_url"), r.getOffsetDateTime("issued_at"),
                            read(r.getString("references_json"), new TypeReference<Map<String, String>>() { }));
                    // the lines as the sale document had them: a credit note returns those (DO7)
                    OrderSnapshot sold = read(r.getString("order_json"), OrderSnapshot.class);
                    return new DocumentRequest(c.tenant(), c.orderId(), c.purpose(), c.documentType(), sold, settings,
                            original);
                });
    }

    /** ISSUED with the ERP's id and folio, and DocumentIssued, in one transaction. */
    private Uni<Void> confirm(Claimed c, String erpSystem, IssuedDocument doc) {
        String currency = doc.total() == null ? null : doc.total().currency();
        return IsolatedContext.run(vertx, () -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "UPDATE legal_document SET state = 'ISSUED', erp_system = ?2, document_id = ?3, folio = ?4,"
                                        + " net = ?5, tax = ?6, total = ?7, currency = ?8, public_url = ?9,"
                                        + " references_json = ?10, issued_at = ?11, locked_until = NULL, last_error = NULL,"
                                        + " updated_at = now() WHERE id = ?1 AND state = 'ISSUING'")
                        .setParameter(1, c.id()).setParameter(2, erpSystem).setParameter(3, doc.documentId())
                        .setParameter(4, doc.folio()).setParameter(5, amount(doc.net())).setParameter(6, amount(doc.tax()))
                        .setParameter(7, amount(doc.total())).setParameter(8, currency).setParameter(9, doc.publicUrl())
                        .setParameter(10, write(doc.references())).setParameter(11, doc.issuedAt())
                        .executeUpdate())
                .chain(updated -> updated == 0 ? Uni.createFrom().voidItem()
                        : outbox.publish(c.tenant(), c.orderId(), new DocumentIssued(c.tenant(), c.orderId(), c.purpose(),
                                erpSystem, doc.documentId(), doc.documentType(), doc.folio(), doc.net(), doc.tax(),
                                doc.total(), doc.publicUrl(), doc.issuedAt()), "document:" + c.id()))))
                .invoke(() -> metrics.counter("enlace.documents.issued", "purpose", c.purpose().name()).increment())
                .chain(() -> failures.resolve(c.tenant(), FAILURE_KIND, reference(c)))
                // a credit note or guía that waited for this sale document can go now
                .chain(() -> c.purpose() == DocumentPurpose.SALE ? pool.preparedQuery(
                                "UPDATE legal_document SET next_attempt_at = now() WHERE tenant = $1 AND order_id = $2"
                                        + " AND purpose <> 'SALE' AND state = 'READY'")
                        .execute(Tuple.of(c.tenant(), c.orderId())).replaceWithVoid() : Uni.createFrom().voidItem());
    }

    /**
     * Time-outs, 5xx and 429 may hide an issued document: retry later (after a lookup). Other refusals
     * (4xx: bad data, no folios) need a person: FAILED, listed in /failures. So does a request the
     * connector itself refuses before any call (an ApiException: a document its ERP's API cannot issue,
     * SKUs the ERP lacks): retrying would only repeat the refusal.
     */
    private Uni<Void> failed(Claimed c, Throwable err) {
        String reason = err.getMessage() == null ? err.getClass().getSimpleName() : err.getMessage();
        boolean refused = err instanceof ExternalApiException e && e.status() >= 400 && e.status() < 500
                && e.status() != 408 && e.status() != 429
                || err instanceof ApiException a && a.status() >= 400 && a.status() < 500;
        return failed(c, reason, refused);
    }

    private Uni<Void> failed(Claimed c, String reason, boolean refused) {
        boolean giveUp = refused || c.attempts() >= maxAttempts;
        long delay = Math.min(retryBase.toMillis() << Math.min(c.attempts() - 1, 10), 60_000);
        LOG.debugf("document %s failed (attempt %d): %s", reference(c), c.attempts(), reason);
        Uni<Void> update = pool.preparedQuery("UPDATE legal_document SET state = $2, last_error = $3, locked_until = NULL,"
                        + " next_attempt_at = now() + make_interval(secs => $4), updated_at = now()"
                        + " WHERE id = $1 AND state = 'ISSUING'")
                .execute(Tuple.of(c.id(), giveUp ? "FAILED" : "READY", reason, delay / 1000.0))
                .replaceWithVoid();
        return giveUp ? update.chain(() -> failures.record(c.tenant(), FAILURE_KIND, reference(c), reason,
                c.purpose() + " " + c.documentType())) : update;
    }

    private static String reference(Claimed c) {
        return c.orderId() + ":" + c.purpose().name();
    }

    @Override
    public String kind() {
        return FAILURE_KIND;
    }

    /** A person fixed the cause: the row is tried again, after a lookup since it was sent before. */
    @Override
    public Uni<Void> retry(FailureRecords.Failure failure) {
        int colon = failure.reference().lastIndexOf(':');
        return pool.preparedQuery("UPDATE legal_document SET state = 'READY', attempts = 0, next_attempt_at = now()"
                        + " WHERE tenant = $1 AND order_id = $2 AND purpose = $3 AND state = 'FAILED'")
                .execute(Tuple.of(failure.tenant(), failure.reference().substring(0, colon),
                        failure.reference().substring(colon + 1)))
                .replaceWithVoid();
    }

    private static java.math.BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable stored document data", e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : mapper.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable stored document data", e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
