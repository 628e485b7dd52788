package dev.enlace.document.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.document.domain.DocumentPlan;
import dev.enlace.events.DocumentIssued;
import dev.enlace.events.DocumentPurpose;
import dev.enlace.events.Money;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.DocumentRequest;
import dev.enlace.platform.connectors.ErpDocuments;
import dev.enlace.platform.connectors.IssuedDocument;
import dev.enlace.platform.failure.FailureRecords;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.messaging.PgNotifications;
import dev.enlace.platform.outbound.ExactlyOnceCalls;
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
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Issues reserved documents in the ERP (DO8). A claimed row is ISSUING, committed, before the call. A row
 * that was sent before (a crash while ISSUING, a time-out, a 5xx or 429) is first looked up in the ERP
 * and issued only if the ERP has none. The confirmation (ISSUED with the ERP's id and folio) and
 * DocumentIssued commit together. Credit notes and guías wait until their sale document is ISSUED.
 */
@Singleton
public class DocumentWorker extends ExactlyOnceCalls<DocumentWorker.Claimed> {
    static final String FAILURE_KIND = "document-issue";
    private static final Table TABLE = new Table("legal_document", "purpose", DocumentPurpose.SALE.name(), List.of(), "ISSUING",
            "ISSUED", FAILURE_KIND, List.of("purpose", "document_type", "order_json"), "");

    private final Connectors connectors;
    private final TenantRegistry tenants;
    private final PgNotifications notifications;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;
    private final Vertx vertx;

    record Claimed(long id, String tenant, String orderId, DocumentPurpose purpose, String documentType,
            String orderJson, boolean sentBefore, int attempts) implements ExactlyOnceCalls.Claimed {
        @Override
        public String step() {
            return purpose.name();
        }
    }

    public DocumentWorker(Pool pool, Connectors connectors, TenantRegistry tenants, FailureRecords failures,
            PgNotifications notifications, Outbox outbox, ObjectMapper mapper, MeterRegistry metrics, Vertx vertx,
            @ConfigProperty(name = "enlace.documents.batch", defaultValue = "20") int batchSize,
            @ConfigProperty(name = "enlace.documents.max-attempts", defaultValue = "12") int maxAttempts,
            @ConfigProperty(name = "enlace.documents.retry-base", defaultValue = "1s") Duration retryBase,
            @ConfigProperty(name = "enlace.documents.lease", defaultValue = "2m") Duration lease) {
        super(pool, failures, TABLE, new Settings(batchSize, maxAttempts, retryBase, lease));
        this.connectors = connectors;
        this.tenants = tenants;
        this.notifications = notifications;
        this.outbox = outbox;
        this.mapper = mapper;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    @PostConstruct
    void listen() {
        notifications.listen("enlace_document_ready", this::trigger);
    }

    @Scheduled(every = "${enlace.documents.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return drain();
    }

    @Override
    protected Claimed claimed(Row r) {
        return new Claimed(r.getLong("id"), r.getString("tenant"), r.getString("order_id"),
                DocumentPurpose.valueOf(r.getString("purpose")), r.getString("document_type"),
                r.getString("order_json"), r.getBoolean("sent_before"), r.getInteger("attempts"));
    }

    @Override
    protected Uni<Void> send(Claimed c) {
        Tenant tenant = tenants.find(c.tenant()).orElse(null);
        if (tenant == null || tenant.erp() == null) {
            return failed(c, "tenant '" + c.tenant() + "' has no ERP now", true);
        }
        if (c.documentType() == null) {
            return failed(c, "no document type set for " + c.purpose(), true);
        }
        return request(c, tenant).chain(request -> {
            ErpDocuments erp = connectors.require(ErpDocuments.class, tenant.erp().system());
            return lookupThenSend(c, () -> erp.find(tenant.erp(), request), () -> erp.issue(tenant.erp(), request),
                    () -> metrics.counter("enlace.documents.recovered", "purpose", c.purpose().name()).increment())
                    .chain(doc -> confirm(c, tenant.erp().system(), doc));
        });
    }

    @Override
    protected String failureDetail(Claimed c) {
        return c.purpose() + " " + c.documentType();
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
                .chain(() -> completed(c));
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
