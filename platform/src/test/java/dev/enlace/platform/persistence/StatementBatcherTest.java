package dev.enlace.platform.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementBatcherTest {
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void rowsAddedWithinTheLingerLeaveAsOneStatementAndEachCallerGetsItsOwnResult() {
        List<List<Integer>> statements = new CopyOnWriteArrayList<>();
        var batcher = new StatementBatcher<Integer, String>(vertx, Duration.ofMillis(50), 100, rows -> {
            statements.add(rows);
            return Uni.createFrom().item(rows.stream().map(r -> "row " + r).toList());
        });

        var answers = IntStream.range(0, 5).mapToObj(i -> batcher.add(i).subscribeAsCompletionStage()).toList();

        assertThat(answers.stream().map(a -> a.join()).toList()).containsExactly("row 0", "row 1", "row 2", "row 3", "row 4");
        assertThat(statements).containsExactly(List.of(0, 1, 2, 3, 4));
    }

    @Test
    void fullBatchLeavesWithoutWaitingForTheLinger() {
        List<List<Integer>> statements = new CopyOnWriteArrayList<>();
        var batcher = new StatementBatcher<Integer, Integer>(vertx, Duration.ofMinutes(10), 3, rows -> {
            statements.add(rows);
            return Uni.createFrom().item(rows);
        });

        var answers = IntStream.range(0, 3).mapToObj(i -> batcher.add(i).subscribeAsCompletionStage()).toList();

        assertThat(answers.stream().map(a -> a.join()).toList()).containsExactly(0, 1, 2);
        assertThat(statements).containsExactly(List.of(0, 1, 2));
    }

    @Test
    void failedStatementFailsEveryCallerOfItsBatch() {
        var batcher = new StatementBatcher<Integer, Integer>(vertx, Duration.ofMillis(20), 100,
                rows -> Uni.createFrom().failure(new IllegalStateException("database down")));

        var answers = IntStream.range(0, 3).mapToObj(i -> batcher.add(i).subscribeAsCompletionStage()).toList();

        answers.forEach(a -> assertThatThrownBy(a::join).hasRootCauseMessage("database down"));
    }

    @Test
    void badRowFailsOnlyItsOwnCallerTheOthersOfItsBatchAreWritten() {
        List<List<Integer>> written = new CopyOnWriteArrayList<>();
        var batcher = new StatementBatcher<Integer, Integer>(vertx, Duration.ofMillis(20), 100, rows -> {
            if (rows.contains(13)) {
                return Uni.createFrom().failure(new IllegalArgumentException("row 13 violates a constraint"));
            }
            written.add(rows);
            return Uni.createFrom().item(rows);
        });

        var answers = List.of(12, 13, 14).stream().map(i -> batcher.add(i).subscribeAsCompletionStage()).toList();

        assertThat(answers.get(0).join()).isEqualTo(12);
        assertThatThrownBy(answers.get(1)::join).hasRootCauseMessage("row 13 violates a constraint");
        assertThat(answers.get(2).join()).isEqualTo(14);
        assertThat(written).containsExactlyInAnyOrder(List.of(12), List.of(14));
    }
}
