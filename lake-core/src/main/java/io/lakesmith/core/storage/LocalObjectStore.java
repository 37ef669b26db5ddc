package io.lakesmith.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The local file system as an object store: key {@code a/b/c} is the file {@code /a/b/c}. Writes go to a
 * temporary file renamed into place, so readers never see partial objects. User metadata is kept in a
 * hidden sidecar file ({@code .<name>.lakemeta}) that listings skip.
 *
 * <p>Conditional writes: {@link #putIfAbsent} is atomic across processes (a hard link that fails when the key
 * exists). {@link #putIfMatch} and {@link #deleteIfMatch} are atomic within one JVM only. Entity tags are derived
 * from the file's identity (device and inode), modification time and size: every write renames a new file into
 * place, so a replaced object gets a new tag.
 */
final class LocalObjectStore implements ObjectStore {

  static final String META_SUFFIX = ".lakemeta";

  private static Path path(String key) {
    return Paths.get("/" + key);
  }

  private static String key(Path p) {
    return p.toAbsolutePath().normalize().toString().substring(1).replace('\\', '/');
  }

  private static Path metaPath(Path file) {
    return file.resolveSibling("." + file.getFileName() + META_SUFFIX);
  }

  private static boolean isHidden(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(META_SUFFIX) || n.startsWith(".tmp-lake-");
  }

  @Override
  public Stream<ObjectInfo> list(String prefix) {
    // The prefix may end inside a file or directory name: walk from its directory and filter by key.
    int slash = prefix.lastIndexOf('/');
    Path dir = path(slash < 0 ? "" : prefix.substring(0, slash));
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    TreeMap<String, ObjectInfo> found = new TreeMap<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          String k = d.equals(dir) ? "" : key(d) + "/";
          return k.isEmpty() || k.startsWith(prefix) || prefix.startsWith(k) ? FileVisitResult.CONTINUE
              : FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          String k = key(f);
          if (attrs.isRegularFile() && k.startsWith(prefix) && !isHidden(f)) {
            found.put(k, ObjectInfo.listed(k, attrs.size(), attrs.lastModifiedTime().toInstant()));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
          if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE; // deleted while we walked
          }
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new StorageException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    return found.values().stream();
  }

  @Override
  public Stream<ObjectInfo> listVersions(String prefix) {
    return list(prefix);
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    Path p = path(key);
    try {
      BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
      if (!attrs.isRegularFile()) {
        return Optional.empty();
      }
      return Optional.of(ObjectInfo.withMetadata(key, null, true, attrs.size(), attrs.lastModifiedTime().toInstant(),
          readMeta(p), eTag(attrs)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StorageException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  private static String eTag(BasicFileAttributes attrs) {
    String identity = attrs.fileKey() + "|" + attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)
        + "|" + attrs.size();
    return com.google.common.hash.Hashing.murmur3_128().hashString(identity, java.nio.charset.StandardCharsets.UTF_8)
        .toString();
  }

  @Override
  public Optional<ObjectInfo> headVersion(String key, String versionId) {
    return head(key);
  }

  @Override
  public InputStream openVersion(String key, String versionId) {
    return open(key);
  }

  /** Guards the check-then-act of {@link #putIfMatch} and {@link #deleteIfMatch} within this JVM. */
  private static final Object CONDITIONAL = new Object();

  @Override
  public boolean putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
    Path target = path(key);
    synchronized (CONDITIONAL) {
      try {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-lake-", ".part");
        Path metaTmp = null;
        try {
          Files.write(tmp, content);
          if (!metadata.isEmpty()) {
            metaTmp = Files.createTempFile(target.getParent(), ".tmp-lake-", ".meta");
            Properties props = new Properties();
            metadata.forEach((k, v) -> props.setProperty(k.toLowerCase(java.util.Locale.ROOT), v));
            try (OutputStream out = Files.newOutputStream(metaTmp)) {
              props.store(out, null);
            }
          }
          try {
            Files.createLink(target, tmp); // fails atomically when the key exists
          } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
          }
          if (metaTmp != null) {
            move(metaTmp, metaPath(target));
          } else {
            Files.deleteIfExists(metaPath(target));
          }
          return true;
        } finally {
          Files.deleteIfExists(tmp);
          if (metaTmp != null) {
            Files.deleteIfExists(metaTmp);
          }
        }
      } catch (IOException e) {
        throw new StorageException("cannot write " + target + " (if absent): " + e.getMessage(), e);
      }
    }
  }

  @Override
  public boolean putIfMatch(String key, byte[] content, Map<String, String> metadata, String expectedETag) {
    synchronized (CONDITIONAL) {
      Optional<ObjectInfo> current = head(key);
      if (current.isEmpty() || !current.get().eTag().orElse("").equals(expectedETag)) {
        return false;
      }
      put(key, content, metadata);
      return true;
    }
  }

  @Override
  public boolean deleteIfMatch(String key, String expectedETag) {
    synchronized (CONDITIONAL) {
      Optional<ObjectInfo> current = head(key);
      if (current.isEmpty() || !current.get().eTag().orElse("").equals(expectedETag)) {
        return false;
      }
      return delete(List.of(key)).isComplete();
    }
  }

  private static Map<String, String> readMeta(Path file) throws IOException {
    Path m = metaPath(file);
    Map<String, String> meta = new LinkedHashMap<>();
    if (Files.exists(m)) {
      Properties props = new Properties();
      try (InputStream in = Files.newInputStream(m)) {
        props.load(in);
      }
      props.stringPropertyNames().stream().sorted().forEach(n -> meta.put(n, props.getProperty(n)));
    }
    return meta;
  }

  @Override
  public InputStream open(String key) {
    try {
      return Files.newInputStream(path(key));
    } catch (NoSuchFileException e) {
      throw new StorageException("no such object: " + path(key), e);
    } catch (IOException e) {
      throw new StorageException("cannot open " + path(key) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void put(String key, byte[] content, Map<String, String> metadata) {
    write(key, metadata, out -> out.write(content));
  }

  @Override
  public void put(String key, Path file, Map<String, String> metadata) {
    write(key, metadata, out -> Files.copy(file, out));
  }

  private interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private void write(String key, Map<String, String> metadata, Body body) {
    Path target = path(key);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".tmp-lake-", ".part");
      try {
        try (OutputStream out = Files.newOutputStream(tmp)) {
          body.writeTo(out);
        }
        Path meta = metaPath(target);
        if (metadata.isEmpty()) {
          Files.deleteIfExists(meta);
        } else {
          Properties props = new Properties();
          metadata.forEach((k, v) -> props.setProperty(k.toLowerCase(java.util.Locale.ROOT), v));
          Path metaTmp = Files.createTempFile(target.getParent(), ".tmp-lake-", ".meta");
          try (OutputStream out = Files.newOutputStream(metaTmp)) {
            props.store(out, null);
          }
          move(metaTmp, meta);
        }
        move(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new StorageException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public DeleteResult delete(Collection<String> keys) {
    List<String> deleted = new ArrayList<>();
    Map<String, String> failed = new LinkedHashMap<>();
    for (String key : keys) {
      Path p = path(key);
      try {
        Files.deleteIfExists(p);
        Files.deleteIfExists(metaPath(p));
        deleted.add(key);
      } catch (IOException e) {
        failed.put(key, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    return new DeleteResult(deleted, failed, keys.size());
  }

  @Override
  public DeleteResult deleteVersions(Collection<ObjectInfo> versions) {
    return delete(versions.stream().map(ObjectInfo::key).toList());
  }

  @Override
  public void close() {}
}
