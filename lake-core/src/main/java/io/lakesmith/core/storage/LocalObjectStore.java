/*
 * Copyright 2026 the Lakesmith authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.lakesmith.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * <p>Conditional writes ({@link #putIfAbsent}, {@link #putIfMatch}, {@link #deleteIfMatch}) are atomic across
 * threads and processes on one host: each runs under a JVM-wide monitor and an OS file lock on a hidden sidecar
 * ({@code .<name>.lakelock}, never deleted, skipped by listings), and a create is a hard link that fails when the key
 * exists. Unconditional writes do not take the file lock. Entity tags are derived from the file's identity (device
 * and inode), modification time and size, plus, for files up to {@value #CONTENT_TAG_LIMIT} bytes, a hash of the
 * content (as S3's ETag is one): every write renames a new file into place, and a reused inode with an equal
 * coarse-grained modification time cannot give small objects with other content the same tag.
 */
final class LocalObjectStore implements VersionedObjectStore, ConditionalObjectStore {

  static final String META_SUFFIX = ".lakemeta";
  static final String LOCK_SUFFIX = ".lakelock";
  static final int CONTENT_TAG_LIMIT = 64 * 1024;

  private static Path path(String key) {
    return Paths.get("/" + key);
  }

  private static String key(Path p) {
    return p.toAbsolutePath().normalize().toString().substring(1).replace('\\', '/');
  }

  private static Path metaPath(Path file) {
    return file.resolveSibling("." + file.getFileName() + META_SUFFIX);
  }

  private static Path lockPath(Path file) {
    return file.resolveSibling("." + file.getFileName() + LOCK_SUFFIX);
  }

  private static boolean isHidden(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(META_SUFFIX) || n.endsWith(LOCK_SUFFIX) || n.startsWith(".tmp-lake-");
  }

  @Override
  public Stream<ObjectInfo> list(String prefix) {
    return list(prefix, null);
  }

  /** Walks only the directories that can hold a key after {@code startAfter}: older date folders are not read. */
  @Override
  public Stream<ObjectInfo> list(String prefix, String startAfter) {
    String after = startAfter == null ? "" : startAfter;
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
          if (!k.isEmpty() && !after.isEmpty() && !after.startsWith(k) && KeyOrder.compare(k, after) < 0) {
            return FileVisitResult.SKIP_SUBTREE; // every key below sorts before startAfter
          }
          return k.isEmpty() || k.startsWith(prefix) || prefix.startsWith(k) ? FileVisitResult.CONTINUE
              : FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          String k = key(f);
          if (attrs.isRegularFile() && k.startsWith(prefix) && !isHidden(f)
              && (after.isEmpty() || KeyOrder.compare(k, after) > 0)) {
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
          readMeta(p), eTag(p, attrs)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StorageException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  private static String eTag(Path p, BasicFileAttributes attrs) throws IOException {
    String identity = attrs.fileKey() + "|" + attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)
        + "|" + attrs.size();
    com.google.common.hash.Hasher h = com.google.common.hash.Hashing.murmur3_128().newHasher()
        .putString(identity, java.nio.charset.StandardCharsets.UTF_8);
    if (attrs.size() <= CONTENT_TAG_LIMIT) {
      try {
        h.putBytes(Files.readAllBytes(p));
      } catch (NoSuchFileException replacedMeanwhile) {
        h.putLong(System.nanoTime()); // gone between stat and read: a tag that matches nothing
      }
    }
    return h.hash().toString();
  }

  @Override
  public Optional<ObjectInfo> headVersion(String key, String versionId) {
    return head(key);
  }

  @Override
  public InputStream openVersion(String key, String versionId) {
    return open(key);
  }

  /** Guards conditional operations within this JVM (an OS file lock cannot be taken twice by one JVM). */
  private static final Object CONDITIONAL = new Object();

  private interface Conditional {
    boolean run() throws IOException;
  }

  /** Runs {@code op} holding the JVM monitor and the OS lock of {@code target}'s lock sidecar. */
  private static boolean exclusively(Path target, Conditional op) throws IOException {
    synchronized (CONDITIONAL) {
      Files.createDirectories(target.getParent());
      try (FileChannel ch = FileChannel.open(lockPath(target), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
           FileLock ignored = ch.lock()) {
        return op.run();
      }
    }
  }

  @Override
  public boolean putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
    Path target = path(key);
    try {
      return exclusively(target, () -> {
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
      });
    } catch (IOException e) {
      throw new StorageException("cannot write " + target + " (if absent): " + e.getMessage(), e);
    }
  }

  @Override
  public boolean putIfMatch(String key, byte[] content, Map<String, String> metadata, String expectedETag) {
    Path target = path(key);
    try {
      return exclusively(target, () -> {
        Optional<ObjectInfo> current = head(key);
        if (current.isEmpty() || !current.get().eTag().orElse("").equals(expectedETag)) {
          return false;
        }
        put(key, content, metadata);
        return true;
      });
    } catch (IOException e) {
      throw new StorageException("cannot write " + target + " (if match): " + e.getMessage(), e);
    }
  }

  @Override
  public boolean deleteIfMatch(String key, String expectedETag) {
    Path target = path(key);
    try {
      return exclusively(target, () -> {
        Optional<ObjectInfo> current = head(key);
        if (current.isEmpty() || !current.get().eTag().orElse("").equals(expectedETag)) {
          return false;
        }
        return delete(List.of(key)).isComplete();
      });
    } catch (IOException e) {
      throw new StorageException("cannot delete " + target + " (if match): " + e.getMessage(), e);
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
    List<DeleteResult.Failure> failed = new ArrayList<>();
    for (String key : keys) {
      Path p = path(key);
      try {
        Files.deleteIfExists(p);
        Files.deleteIfExists(metaPath(p));
        deleted.add(key);
      } catch (IOException e) {
        failed.add(new DeleteResult.Failure(key, null, e.getClass().getSimpleName(), e.getMessage()));
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
