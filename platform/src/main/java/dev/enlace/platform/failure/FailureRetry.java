package dev.enlace.platform.failure;

import io.smallrye.mutiny.Uni;

/** Puts one kind of failed work back in line when someone retries it by hand (OP3). */
public interface FailureRetry {
    String kind();

    Uni<Void> retry(FailureRecords.Failure failure);
}
