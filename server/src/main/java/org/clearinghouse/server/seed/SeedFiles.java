package org.clearinghouse.server.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The seed catalogue's files ({@code /catalogue/<type>/<slug>.json}), whether on disk or inside a jar. */
public final class SeedFiles {
    static final String ROOT = "catalogue";

    private SeedFiles() {
    }

    /** Each file's path relative to the catalogue root and its bytes, in a stable order. */
    public static List<SeedFile> read() {
        URL root = SeedFiles.class.getClassLoader().getResource(ROOT);
        if (root == null) {
            throw new IllegalStateException("the seed catalogue is missing from the classpath");
        }
        try {
            URI uri = root.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = openJar(uri)) {
                    return collect(jar.provider().getPath(uri));
                }
            }
            return collect(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad seed catalogue location " + root, e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the seed catalogue", e);
        }
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            throw new IllegalStateException("the seed jar is already open elsewhere", e);
        }
    }

    private static List<SeedFile> collect(Path root) throws IOException {
        List<SeedFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                files.add(new SeedFile(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path)));
            }
        }
        return files;
    }
}
