package dev.enlace.catalog.sync;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The record of one import (CA3) or full push (CA11), saved when it starts and when it ends. */
@Entity
@Table(name = "product_sync_run")
public class ProductSyncRun extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String status;

    public long total;
    public long created;
    public long updated;
    public long skipped;
    public long failed;
    public String error;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
