package dev.enlace.document.api;

import dev.enlace.document.domain.DocumentPlan;
import dev.enlace.document.domain.DocumentPlan.State;
import dev.enlace.document.messaging.LegalDocuments;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.DocumentPurpose;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import dev.enlace.platform.tenant.TenantSettings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** An order's legal documents, the ones waiting (DO5, manual mode), and the manual choice (DO1). */
@Path("/tenants/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentsResource {
    private static final String COLUMNS = "order_id, purpose, state, document_type, missing_skus, erp_system,"
            + " document_id, folio, net, tax, total, currency, public_url, issued_at, last_error, created_at";

    private final Pool pool;
    private final TenantRegistry tenants;
    private final LegalDocuments documents;

    public DocumentsResource(Pool pool, TenantRegistry tenants, LegalDocuments documents) {
        this.pool = pool;
        this.tenants = tenants;
        this.documents = documents;
    }

    /** A document row as the API shows it. */
    public record DocumentView(String orderId, DocumentPurpose purpose, String state, String documentType,
            List<String> missingSkus, String erpSystem, String documentId, String folio, BigDecimal net, BigDecimal tax,
            BigDecimal total, String currency, String publicUrl, OffsetDateTime issuedAt, String lastError,
            OffsetDateTime createdAt) {
    }

    /** The manual choice: a document kind, or an explicit ERP document type. */
    public record Choice(DocumentKind kind, String documentType) {
    }

    @GET
    @Path("/orders/{orderId}/documents")
    @Operation(summary = "The order's legal documents (sale, credit note, dispatch guide) and their states")
    public Uni<List<DocumentView>> forOrder(@PathParam("tenant") String tenant, @PathParam("orderId") String orderId) {
        tenant(tenant);
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM legal_document WHERE tenant = $1 AND order_id = $2"
                        + " ORDER BY id").execute(Tuple.of(tenant, orderId)).map(DocumentsResource::views);
    }

    @GET
    @Path("/documents/pending")
    @Operation(summary = "Documents waiting for links (DO5) or for a manual choice (DO1)")
    public Uni<List<DocumentView>> pending(@PathParam("tenant") String tenant) {
        tenant(tenant);
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM legal_document WHERE tenant = $1"
                        + " AND state IN ('PENDING_LINKS', 'AWAITING_CHOICE') ORDER BY id")
                .execute(Tuple.of(tenant)).map(DocumentsResource::views);
    }

    @POST
    @Path("/orders/{orderId}/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Manual mode (DO1): issue the paid order's sale document with the chosen type")
    public Uni<Response> choose(@PathParam("tenant") String tenant, @PathParam("orderId") String orderId, Choice choice) {
        TenantSettings.Documents settings = tenant(tenant).settings().documents();
        if (!settings.enabled()) {
            throw ApiException.conflict("documents are turned off for tenant '" + tenant + "'");
        }
        if (choice == null || (choice.kind() == null && (choice.documentType() == null || choice.documentType().isBlank()))) {
            throw ApiException.badRequest("give a kind (RECEIPT, INVOICE) or a documentType");
        }
        String type = choice.documentType() != null && !choice.documentType().isBlank() ? choice.documentType()
                : DocumentPlan.documentType(settings, DocumentPurpose.SALE, choice.kind())
                        .orElseThrow(() -> ApiException.unprocessable("no document type set for " + choice.kind()));
        return Panache.withTransaction(() -> documents.state(tenant, orderId, DocumentPurpose.SALE).chain(state -> {
            if (state == null) {
                throw ApiException.notFound("no paid order '" + orderId + "' waits for a document");
            }
            if (!State.AWAITING_CHOICE.name().equals(state)) {
                throw ApiException.conflict("the sale document of order '" + orderId + "' is " + state);
            }
            return pool.preparedQuery("SELECT order_json FROM legal_document WHERE tenant = $1 AND order_id = $2"
                            + " AND purpose = 'SALE'").execute(Tuple.of(tenant, orderId))
                    .map(rows -> rows.iterator().next().getString("order_json"))
                    .chain(json -> {
                        OrderSnapshot order = documents.order(json);
                        List<String> skus = order.lines().stream().map(l -> l.sku() == null ? "" : l.sku())
                                .distinct().toList();
                        return documents.linkedSkus(tenant, skus).chain(linked -> {
                            List<String> missing = DocumentPlan.missingSkus(order, linked);
                            State next = missing.isEmpty() ? State.READY : State.PENDING_LINKS;
                            return documents.choose(tenant, orderId, type, next, missing)
                                    .chain(() -> missing.isEmpty() ? Uni.createFrom().voidItem()
                                            : documents.announcePending(tenant, orderId, DocumentPurpose.SALE, missing,
                                                    "api:" + orderId));
                        });
                    });
        })).replaceWith(() -> Response.accepted().build());
    }

    private Tenant tenant(String id) {
        return tenants.find(id).orElseThrow(() -> ApiException.notFound("no tenant '" + id + "'"));
    }

    private static List<DocumentView> views(RowSet<Row> rows) {
        List<DocumentView> list = new ArrayList<>();
        for (Row r : rows) {
            list.add(new DocumentView(r.getString("order_id"), DocumentPurpose.valueOf(r.getString("purpose")),
                    r.getString("state"), r.getString("document_type"), DocumentPlan.decodeMissing(r.getString("missing_skus")),
                    r.getString("erp_system"), r.getString("document_id"), r.getString("folio"), r.getBigDecimal("net"),
                    r.getBigDecimal("tax"), r.getBigDecimal("total"), r.getString("currency"), r.getString("public_url"),
                    r.getOffsetDateTime("issued_at"), r.getString("last_error"), r.getOffsetDateTime("created_at")));
        }
        return list;
    }
}
