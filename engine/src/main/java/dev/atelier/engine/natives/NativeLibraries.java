package dev.atelier.engine.natives;

import ai.djl.engine.Engine;
import dev.atelier.engine.error.EngineException;
import dev.atelier.engine.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Prepares the native libraries that Smile, XGBoost and DJL need, from the jars Atelier ships: nothing is
/// installed on the system and nothing is downloaded (docs/adr/0006).
///
/// Call [#ensureLoaded] before the first use of an algorithm family. For [NativeLibrary#LINEAR_ALGEBRA] this
/// is a hard rule: Smile binds its natives in a static initialiser, and once that has failed the JVM never
/// retries it.
///
/// Files are written once per version to `<atelier home>/natives/` (and DJL's to `<atelier home>/djl/`).
///
/// A native library, once loaded, belongs to the whole process and cannot be unloaded. So although each
/// instance names an Atelier home, which libraries are loaded is recorded once per process: the first
/// successful `ensureLoaded` of a library wins, and later calls (from any instance, on any thread) return its
/// [NativeLoad] at once. A failed call records nothing and may be retried.
@SuppressWarnings("restricted") // loading native code is this class's purpose; the JVM runs with --enable-native-access
public final class NativeLibraries {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraries.class);

    /// The process's loaded libraries: a mirror of the JVM's own global state, not a cache of ours.
    private static final Map<NativeLibrary, NativeLoad> LOADED = new ConcurrentHashMap<>();
    private static final Map<NativeLibrary, ReentrantLock> LOCKS = new EnumMap<>(NativeLibrary.class);

    static {
        for (NativeLibrary library : NativeLibrary.values()) {
            LOCKS.put(library, new ReentrantLock());
        }
    }

    private static final String OPENBLAS_RESOURCES = "org/bytedeco/openblas/linux-x86_64/";
    private static final String ARPACK_RESOURCES = "org/bytedeco/arpackng/linux-x86_64/";
    private static final String PYTORCH_PROPERTIES = "native/lib/pytorch.properties";
    private static final String PYTORCH_RESOURCES = "pytorch/cpu/linux-x86_64/";
    private static final String XGBOOST_JNI = "ml.dmlc.xgboost4j.java.XGBoostJNI";

    private final Path home;

    private NativeLibraries(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /// Natives cached under `atelierHome` (`natives/` and `djl/` inside it).
    public static NativeLibraries in(Path atelierHome) {
        return new NativeLibraries(atelierHome);
    }

    /// The Atelier home folder: the system property `atelier.home` if set, else `~/.atelier`.
    public static Path defaultHome() {
        String configured = System.getProperty("atelier.home");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".atelier");
    }

    /// The Atelier home this instance writes to.
    public Path home() {
        return home;
    }

    /// What was loaded for `library` in this process, if anything.
    public static Optional<NativeLoad> loaded(NativeLibrary library) {
        return Optional.ofNullable(LOADED.get(library));
    }

    /// Makes `library` usable in this process: extracts its files on first use, loads them and checks that the
    /// library resolves under the names its Java wrapper asks for. Idempotent and thread-safe; a second call
    /// returns the first call's [NativeLoad].
    ///
    /// @throws EngineException with [ErrorCode#NATIVE_LIBRARY_UNAVAILABLE] if it cannot be prepared or loaded
    public NativeLoad ensureLoaded(NativeLibrary library) {
        NativeLoad done = LOADED.get(library);
        if (done != null) {
            return done;
        }
        ReentrantLock lock = LOCKS.get(library);
        lock.lock();
        try {
            done = LOADED.get(library);
            if (done != null) {
                return done;
            }
            long start = System.nanoTime();
            NativeLoad load = switch (library) {
                case LINEAR_ALGEBRA -> loadLinearAlgebra(start);
                case XGBOOST -> loadXgboost(start);
                case PYTORCH -> loadPytorch(start);
            };
            LOADED.put(library, load);
            LOG.info("{} ready in {} ms ({}): {}", library.displayName(), load.took().toMillis(),
                    load.extracted() ? "extracted now" : "cached", load.directory());
            return load;
        } catch (EngineException e) {
            throw e;
        } catch (IOException | RuntimeException | LinkageError e) { // logged once, at the app boundary (ADR 0004)
            throw new EngineException(e, ErrorCode.NATIVE_LIBRARY_UNAVAILABLE, library.displayName(), reason(e));
        } finally {
            lock.unlock();
        }
    }

    // ---- Smile: OpenBLAS + LAPACK + ARPACK -----------------------------------------------------------

    /// Smile 6 binds `SymbolLookup.libraryLookup(System.mapLibraryName(name))`: `libopenblas.so` (BLAS and
    /// LAPACK, names overridable by `smile.lib.blas` / `smile.lib.lapack`) and `libarpack.so`. We load bytedeco's
    /// builds by absolute path, with their SONAMEs renamed to exactly those names, so that the dynamic loader
    /// hands Smile the already-loaded objects (see [ElfNames]).
    private NativeLoad loadLinearAlgebra(long start) throws IOException {
        if (!isLinuxX64()) {
            throw unsupportedPlatform(NativeLibrary.LINEAR_ALGEBRA);
        }
        String name = "openblas-" + mavenVersion("openblas") + "_arpack-" + mavenVersion("arpack-ng")
                + "_linux-x86_64";
        var entries = List.of(
                new NativeCache.Entry(OPENBLAS_RESOURCES + "libquadmath.so.0", "libquadmath.so.0"),
                new NativeCache.Entry(OPENBLAS_RESOURCES + "libgfortran.so.5", "libgfortran.so.5"),
                new NativeCache.Entry(OPENBLAS_RESOURCES + "libopenblas.so.0", "libopenblas.so"),
                new NativeCache.Entry(ARPACK_RESOURCES + "libarpack.so.2", "libarpack.so"));
        NativeCache.Prepared prepared = NativeCache.prepare(nativesFolder(), name, entries, NativeLibraries::renameForSmile);
        var loaded = new ArrayList<String>();
        for (NativeCache.Entry entry : entries) { // dependencies first: each later one finds them by SONAME
            Path file = prepared.folder().resolve(entry.fileName());
            SymbolLookup.libraryLookup(file, Arena.global());
            loaded.add(file.toString());
        }
        requireSymbol("libopenblas.so", "cblas_dgemm");
        requireSymbol("libopenblas.so", "dgesdd_");
        requireSymbol("libarpack.so", "dsaupd_c");
        return new NativeLoad(NativeLibrary.LINEAR_ALGEBRA, prepared.folder(), prepared.extracted(), loaded,
                since(start));
    }

    static void renameForSmile(Path folder) throws IOException {
        ElfNames.rename(folder.resolve("libopenblas.so"), ElfNames.DT_SONAME, "libopenblas.so.0", "libopenblas.so");
        ElfNames.rename(folder.resolve("libarpack.so"), ElfNames.DT_SONAME, "libarpack.so.2", "libarpack.so");
        ElfNames.rename(folder.resolve("libarpack.so"), ElfNames.DT_NEEDED, "libopenblas.so.0", "libopenblas.so");
    }

    // ---- XGBoost -------------------------------------------------------------------------------------

    /// xgboost4j copies its own `libxgboost4j.so` from its jar to `java.io.tmpdir` and loads it; that library
    /// needs `libgomp.so.1`, which a minimal Linux may lack. If the system has none, we load the copy of GCC's
    /// libgomp that PyTorch's jar ships (its SONAME is `libgomp.so.1`).
    private NativeLoad loadXgboost(long start) throws IOException {
        var loaded = new ArrayList<String>();
        @Nullable Path folder = null;
        boolean extracted = false;
        if (canOpen("libgomp.so.1")) {
            loaded.add("libgomp.so.1");
        } else if (isLinuxX64()) {
            String gomp = pytorchLibraries().stream().filter(f -> f.startsWith("libgomp")).findFirst()
                    .orElseThrow(() -> new IOException("no libgomp in " + PYTORCH_PROPERTIES));
            NativeCache.Prepared prepared = NativeCache.prepare(nativesFolder(),
                    "libgomp-pytorch-" + pytorchProperties().getProperty("version", "unknown") + "_linux-x86_64",
                    List.of(new NativeCache.Entry(PYTORCH_RESOURCES + gomp, gomp)), _ -> {});
            folder = prepared.folder();
            extracted = prepared.extracted();
            Path file = folder.resolve(gomp);
            SymbolLookup.libraryLookup(file, Arena.global());
            requireSymbol("libgomp.so.1", "omp_get_max_threads");
            loaded.add(file.toString());
        }
        try {
            Class.forName(XGBOOST_JNI, true, NativeLibraries.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("the xgboost4j jar is missing", e);
        } catch (ExceptionInInitializerError e) {
            throw new IOException("libxgboost4j did not load", e.getCause() != null ? e.getCause() : e);
        }
        loaded.add("libxgboost4j.so");
        return new NativeLoad(NativeLibrary.XGBOOST, folder, extracted, loaded, since(start));
    }

    // ---- PyTorch through DJL -------------------------------------------------------------------------

    /// DJL copies PyTorch from the `pytorch-native-cpu` jar on the class path to its engine cache and loads it;
    /// `ai.djl.offline` forbids any download. Both caches live in `<atelier home>/djl` instead of `~/.djl.ai`.
    /// DJL reads the environment variables of the same names first, then these system properties.
    private NativeLoad loadPytorch(long start) throws IOException {
        Path djl = home.resolve("djl");
        Files.createDirectories(djl);
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("DJL_CACHE_DIR", djl.toString());
        System.setProperty("ENGINE_CACHE_DIR", djl.toString());
        // One intra-op and one inter-op thread unless the user chose otherwise: the networks Atelier trains are small,
        // and OpenMP threads spinning on a busy 2-core machine made an MLP epoch 15-30x slower (docs/adr/0007 §9).
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        System.setProperty("ai.djl.pytorch.num_interop_threads",
                System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
        Path engines = djl.resolve("pytorch");
        boolean extracted = !hasFiles(engines);
        Engine engine = Engine.getEngine("PyTorch");
        var loaded = new ArrayList<String>();
        if (Files.isDirectory(engines)) {
            try (Stream<Path> files = Files.walk(engines)) {
                files.filter(Files::isRegularFile).map(Path::toString).sorted().forEach(loaded::add);
            }
        }
        LOG.debug("DJL engine {} {}", engine.getEngineName(), engine.getVersion());
        return new NativeLoad(NativeLibrary.PYTORCH, engines, extracted, loaded, since(start));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private Path nativesFolder() {
        return home.resolve("natives");
    }

    static boolean isLinuxX64() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    private static EngineException unsupportedPlatform(NativeLibrary library) {
        return new EngineException(ErrorCode.NATIVE_LIBRARY_UNAVAILABLE, library.displayName(),
                "this build bundles it for Linux x86-64 only, not " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"));
    }

    /// True if the dynamic loader finds `name` by itself (system folders, `LD_LIBRARY_PATH`, or an object
    /// already loaded under that SONAME). Loads it if so.
    static boolean canOpen(String name) {
        try {
            SymbolLookup.libraryLookup(name, Arena.global());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void requireSymbol(String library, String symbol) throws IOException {
        try {
            if (SymbolLookup.libraryLookup(library, Arena.global()).find(symbol).isEmpty()) {
                throw new IOException(library + " has no symbol " + symbol);
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(library + " cannot be opened by name after loading it", e);
        }
    }

    private static String mavenVersion(String artifactId) throws IOException {
        String resource = "META-INF/maven/org.bytedeco/" + artifactId + "/pom.properties";
        Properties p = properties(resource);
        String version = p.getProperty("version");
        if (version == null) {
            throw new IOException(resource + " has no version");
        }
        return version;
    }

    private static Properties pytorchProperties() throws IOException {
        return properties(PYTORCH_PROPERTIES);
    }

    private static List<String> pytorchLibraries() throws IOException {
        return Arrays.stream(pytorchProperties().getProperty("libraries", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Properties properties(String resource) throws IOException {
        try (InputStream in = NativeLibraries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the class path: a jar of the installation is missing");
            }
            var p = new Properties();
            p.load(in);
            return p;
        }
    }

    private static boolean hasFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isPresent();
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
