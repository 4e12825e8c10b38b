package dev.atelier.engine.data.io;

import java.util.Objects;
import java.util.Properties;

/// A user name and password for a database server, given apart from its JDBC URL (as the studio's Connect form
/// does). Kept only in memory for the connection: never saved in a project, never shown ([#toString()] hides the
/// password).
///
/// @param user     the user name
/// @param password the password, may be empty
public record DatabaseLogin(String user, String password) {
    /// Checks the parts.
    public DatabaseLogin {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /// The JDBC connection properties with this login.
    Properties properties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (!password.isEmpty()) {
            p.setProperty("password", password);
        }
        return p;
    }

    @Override
    public String toString() {
        return "DatabaseLogin[user=" + user + ", password=***]";
    }
}
