package dev.atelier.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/// The engine's version and the versions of the libraries it was built with, for `atelier version`,
/// model provenance and bug reports.
public record EngineInfo(String version, String tablesaw, String jackson, String javaVersion, String javaVendor,
                         String os, String arch) {

    /// The running engine's information.
    public static EngineInfo current() {
        var p = new Properties();
        try (InputStream in = EngineInfo.class.getResourceAsStream("engine.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EngineInfo(p.getProperty("version", "unknown"), p.getProperty("tablesaw", "unknown"),
                p.getProperty("jackson", "unknown"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
