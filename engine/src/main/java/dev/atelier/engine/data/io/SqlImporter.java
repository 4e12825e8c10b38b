package dev.atelier.engine.data.io;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;

/// Reads a table or the result of a query from a SQL database over JDBC: an SQLite file (bundled driver, opened
/// read-only, so the file is never changed) or any JDBC URL whose driver is on the class path (e.g.
/// `jdbc:postgresql://host/db?user=…`; the connection is set read-only).
///
/// Without a table or query, a database with exactly one table is read whole; with several, the user must choose
/// ([ErrorCode#IMPORT_TABLE_REQUIRED], listing them). A named table is checked against the database's tables
/// (never pasted into SQL unchecked); a query is run as given. Values are read as text and typed like CSV cells;
/// SQL dates and timestamps become date-times.
final class SqlImporter {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SqlImporter() {
    }

    /// Reads from an SQLite file.
    static ImportResult readSqlite(Path file, ImportOptions options, JobContext ctx) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        String shown = file.toString();
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            return read(c, shown, TableAssembler.datasetName(String.valueOf(file.getFileName())), options, ctx);
        } catch (SQLException e) {
            throw failure(e, shown);
        }
    }

    /// Reads from a JDBC URL, with `login` if given (else any user and password in the URL).
    static ImportResult readUrl(String url, @Nullable DatabaseLogin login, ImportOptions options, JobContext ctx) {
        String shown = redact(url);
        try (Connection c = connect(url, login)) {
            String name = options.table() != null ? options.table() : "query";
            return read(c, shown, name, options, ctx);
        } catch (SQLException e) {
            throw failure(e, shown, login);
        }
    }

    /// The tables and views of the database at `url` (for a table list to choose from).
    static List<String> tablesAt(String url, @Nullable DatabaseLogin login) {
        String shown = redact(url);
        try (Connection c = connect(url, login)) {
            return tables(c);
        } catch (SQLException e) {
            throw failure(e, shown, login);
        }
    }

    /// A read-only connection to `url`; an unreachable server or a refused login becomes its own typed error.
    private static Connection connect(String url, @Nullable DatabaseLogin login) {
        String shown = redact(url);
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            int colon = url.indexOf(':', 5);
            throw new DataException(e, ErrorCode.IMPORT_DRIVER_MISSING, colon > 0 ? url.substring(0, colon) : url);
        }
        if (url.regionMatches(true, 0, "jdbc:sqlite:", 0, 12)) {              // read-only from the start
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            try {
                return config.createConnection(url);
            } catch (SQLException e) {
                throw failure(e, shown, login);
            }
        }
        Connection c;
        try {
            c = login == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, login.properties());
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String reason = hide(String.valueOf(e.getMessage()), login);
            if (state.startsWith("28")) {
                throw new DataException(e, ErrorCode.IMPORT_DB_LOGIN_FAILED, shown,
                        login != null ? login.user() : userIn(url));
            }
            if (state.startsWith("08")) {
                throw new DataException(e, ErrorCode.IMPORT_DB_UNREACHABLE, shown, reason);
            }
            throw new DataException(e, ErrorCode.IMPORT_SQL_FAILED, shown, reason);
        }
        try {
            c.setReadOnly(true);
            return c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw failure(e, shown, login);
        }
    }

    private static String userIn(String url) {
        Matcher m = Pattern.compile("(?i)[?&;]user=([^&;]*)").matcher(url);
        if (m.find()) {
            return m.group(1);
        }
        m = Pattern.compile("//([^/:@]+)(:[^/@]*)?@").matcher(url);
        return m.find() ? m.group(1) : "(none)";
    }

    private static ImportResult read(Connection c, String shown, String datasetName, ImportOptions options,
                                     JobContext ctx) throws SQLException {
        Map<String, String> inferred = new LinkedHashMap<>();
        List<String> tables = tables(c);
        String sql;
        String name = datasetName;
        if (options.query() != null && !options.query().isBlank()) {
            sql = options.query();
            inferred.put("query", sql);
        } else {
            String table = options.table();
            if (table == null) {
                if (tables.size() != 1) {
                    throw new DataException(ErrorCode.IMPORT_TABLE_REQUIRED, shown,
                            tables.isEmpty() ? "(none)" : String.join(", ", tables));
                }
                table = tables.getFirst();
            } else {
                String wanted = table;
                table = tables.stream().filter(t -> t.equals(wanted)).findFirst()
                        .or(() -> tables.stream().filter(t -> t.equalsIgnoreCase(wanted)).findFirst())
                        .orElseThrow(() -> new DataException(ErrorCode.IMPORT_TABLE_NOT_FOUND, wanted,
                                tables.isEmpty() ? "(none)" : String.join(", ", tables)));
            }
            String quote = c.getMetaData().getIdentifierQuoteString();
            quote = quote == null || quote.isBlank() ? "\"" : quote.strip();
            sql = "SELECT * FROM " + quote + table.replace(quote, quote + quote) + quote;
            inferred.put("table", table);
            name = table;
        }
        inferred.put("tables", String.join(", ", tables));
        TableAssembler out = new TableAssembler(options.csv().missingMarkers());
        List<Diagnostic> diagnostics = new ArrayList<>();
        long max = options.maxRows();
        boolean limited = false;
        try (Statement st = c.createStatement()) {
            if (max > 0 && max < Integer.MAX_VALUE) {
                st.setMaxRows((int) max + 1);
            }
            st.setFetchSize(max > 0 ? (int) Math.min(1000, max) : 1000); // SQLite: not above the row limit
            try (ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                for (int j = 1; j <= n; j++) {
                    out.positionalColumn(md.getColumnLabel(j));
                }
                while (rs.next()) {
                    if ((out.rows() & 1023) == 0) {
                        ctx.throwIfCancelled();
                    }
                    if (max > 0 && out.rows() >= max) {
                        limited = true;
                        break;
                    }
                    for (int j = 1; j <= n; j++) {
                        out.set(j - 1, text(rs.getObject(j)));
                    }
                    out.endRow();
                }
            }
        }
        if (out.columnCount() == 0 || out.rows() == 0) {
            throw new DataException(ErrorCode.IMPORT_NO_ROWS, shown);
        }
        if (limited) {
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_ROW_LIMIT_REACHED, out.rows(), max));
        }
        Dataset dataset = out.build(name, options.typeOverrides(), diagnostics, ctx);
        return new ImportResult(dataset, options.csv(), diagnostics, DataFormat.SQL, inferred);
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String t = rs.getString("TABLE_NAME");
                if (t != null && !t.startsWith("sqlite_") && !"information_schema".equalsIgnoreCase(schema)
                        && !"pg_catalog".equalsIgnoreCase(schema)) {
                    names.add(t);
                }
            }
        }
        return names;
    }

    private static @Nullable String text(@Nullable Object v) {
        return switch (v) {
            case null -> null;
            case java.sql.Timestamp t -> t.toLocalDateTime().format(DATE_TIME);
            case java.sql.Date d -> d.toLocalDate().toString();
            case BigDecimal b -> b.toPlainString();
            case Double d -> Double.isNaN(d) ? null : d == Math.rint(d) && Math.abs(d) < 1e15
                    ? Long.toString(d.longValue()) : d.toString();
            case byte[] b -> "(" + b.length + " bytes)";
            default -> v.toString();
        };
    }

    private static DataException failure(SQLException e, String shown) {
        return failure(e, shown, null);
    }

    private static DataException failure(SQLException e, String shown, @Nullable DatabaseLogin login) {
        return new DataException(e, ErrorCode.IMPORT_SQL_FAILED, shown, hide(String.valueOf(e.getMessage()), login));
    }

    /// `message` with the password of `login` (should a driver ever echo it) and any password in a URL hidden.
    private static String hide(String message, @Nullable DatabaseLogin login) {
        String m = redact(message);
        return login == null || login.password().isEmpty() ? m : m.replace(login.password(), "***");
    }

    /// The URL without passwords, for messages.
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/:@]+):([^/@]+)@", "//$1:***@");
    }
}
