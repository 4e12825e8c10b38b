package dev.atelier.app.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/// Saves a scene as a PNG when the system property `atelier.screenshots` names a folder (for looking at the
/// screens and for the docs); does nothing otherwise. Call on the FX thread.
public final class Screenshots {
    /// The studio's default window size.
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    private Screenshots() {
    }

    /// Whether screenshots were asked for.
    public static boolean wanted() {
        String folder = System.getProperty("atelier.screenshots");
        return folder != null && !folder.isBlank();
    }

    /// Gives the window the studio's default size (call, let the FX thread settle, then [#save]).
    public static void resize(Scene scene) {
        if (wanted() && scene.getWindow() instanceof javafx.stage.Stage stage) {
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
        }
    }

    /// Writes `scene` to `<folder>/<name>.png` if screenshots were asked for.
    public static void save(Scene scene, String name) {
        String folder = System.getProperty("atelier.screenshots");
        if (!wanted()) {
            return;
        }
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        try {
            Path dir = Path.of(folder);
            Files.createDirectories(dir);
            ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
