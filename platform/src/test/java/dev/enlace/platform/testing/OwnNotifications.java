package dev.enlace.platform.testing;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * A JDBC session listening on one PostgreSQL channel that counts only the notifications its own statements
 * caused (the service's workers may notify on the same channel meanwhile). A notification of this session
 * arrives with the answer to the committing statement, so counting involves no waiting. For the tests that
 * keep a worker from waking itself: a claim that notifies its own channel is a busy loop.
 */
public final class OwnNotifications implements AutoCloseable {
    private final Connection connection;
    private final Statement statement;
    private final PGConnection pg;
    private final int self;

    public OwnNotifications(String database, String channel) throws SQLException {
        connection = DriverManager.getConnection(PostgresDatabases.jdbcUrl(database), PostgresDatabases.user(),
                PostgresDatabases.password());
        statement = connection.createStatement();
        pg = connection.unwrap(PGConnection.class);
        var rs = statement.executeQuery("SELECT pg_backend_pid()");
        rs.next();
        self = rs.getInt(1);
        statement.execute("LISTEN " + channel);
    }

    /** Runs a statement in its own transaction and answers how many notifications it sent. */
    public int afterRunning(String sql) throws SQLException {
        statement.execute(sql);
        var all = pg.getNotifications();
        return all == null ? 0 : (int) Arrays.stream(all).filter(n -> n.getPID() == self).count();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
