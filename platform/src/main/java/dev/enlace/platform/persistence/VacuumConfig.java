package dev.enlace.platform.persistence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/**
 * Queue tables the service vacuums itself ({@link QueueTableVacuum}). Each service lists its own: the platform's
 * inbox and outbox, plus, in stock-service, the store-write queue and the stock levels.
 */
@ConfigMapping(prefix = "enlace.vacuum")
public interface VacuumConfig {
    /** Tables whose rows are updated or deleted soon after they are written. */
    @WithDefault("webhook_inbox,outbox_event")
    List<String> tables();

    /** Dead row versions a table may hold before it is vacuumed. */
    @WithDefault("1000")
    long deadRows();
}
