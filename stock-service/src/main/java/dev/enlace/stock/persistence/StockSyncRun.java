package dev.enlace.stock.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The record of one forced resync or reconciliation (ST9). */
@Entity
@Table(name = "stock_sync_run")
public class StockSyncRun extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String status;

    public long linked;

    @Column(name = "erp_read")
    public long erpRead;

    @Column(name = "erp_changed")
    public long erpChanged;

    @Column(name = "store_queued")
    public long storeQueued;

    @Column(name = "store_repaired")
    public long storeRepaired;

    public String error;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
