package dutygraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Starts Neo4j Community in this JVM with Bolt on 127.0.0.1 and keeps it running
 * until the process is stopped (SIGTERM shuts it down cleanly).
 *
 * <p>Arguments: HOME (data directory) PORT [PASSWORD]. With a password, auth is
 * enabled and the user {@code neo4j} gets it; without one, auth is off.
 * Memory is set explicitly: page cache from NEO4J_PAGECACHE (default 256m);
 * the heap is the JVM's -Xmx. LOAD CSV is confined to HOME/import and file:// URLs
 * are refused, so no query reads the host's files.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Launcher HOME PORT [PASSWORD]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = args.length > 2 && !args[2].isEmpty() ? args[2] : null;
        Files.createDirectories(home);

        Map<String, String> config = new HashMap<>();
        config.put("server.bolt.enabled", "true");
        config.put("server.bolt.listen_address", "127.0.0.1:" + port);
        config.put("server.bolt.advertised_address", "127.0.0.1:" + port);
        config.put("server.memory.pagecache.size", System.getenv().getOrDefault("NEO4J_PAGECACHE", "256m"));
        config.put("dbms.usage_report.enabled", "false");
        config.put("dbms.security.auth_enabled", password == null ? "false" : "true");
        config.put("db.tx_log.rotation.retention_policy", "2 files");
        // LOAD CSV may only read files under HOME/import, and never through a file:// URL:
        // a query must not be able to read the host's files.
        Path imports = home.resolve("import");
        Files.createDirectories(imports);
        config.put("server.directories.import", imports.toString());
        config.put("dbms.security.allow_csv_import_from_file_urls", "false");

        // Raw settings go through a config file: the builder reads it like neo4j.conf.
        StringBuilder conf = new StringBuilder();
        config.forEach((k, v) -> conf.append(k).append('=').append(v).append('\n'));
        Path confFile = home.resolve("neo4j.conf");
        Files.writeString(confFile, conf.toString());
        DatabaseManagementService dbms =
                new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(confFile).build();
        if (password != null) {
            GraphDatabaseService system = dbms.database("system");
            try {
                system.executeTransactionally(
                        "ALTER USER neo4j SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            } catch (RuntimeException e) {
                // A data directory from an earlier run already has this password.
                if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                    throw e;
                }
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }));
        System.out.println("dutygraph-neo4j ready: bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }
}
