package io.lakesmith.core.storage;

import java.io.Closeable;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Objects in one S3 bucket or one local file system, addressed by key ({@link StorageLocation#key()}).
 * Implementations are thread-safe. Keys use '/' as separator and never start with '/'.
 *
 * <p>Obtain one with {@link ObjectStores#open}. Closing releases the underlying client.
 */
public interface ObjectStore extends Closeable {

  /**
   * Every object whose key starts with {@code prefix}, in ascending key order (UTF-8 binary order, as S3
   * lists), fetched lazily page by page. Entries carry no user metadata. Close the stream when not fully
   * consumed.
   */
  Stream<ObjectInfo> list(String prefix);

  /**
   * Every object whose key starts with {@code prefix} and sorts after {@code startAfter} (UTF-8 binary order), in
   * ascending key order: S3's {@code StartAfter}, so a caller that knows where new objects begin (the newest date
   * folder of a DMS table) lists only those. {@code startAfter} null or empty lists the whole prefix. The default
   * lists the prefix and filters; stores override it to skip what sorts before.
   */
  default Stream<ObjectInfo> list(String prefix, String startAfter) {
    if (startAfter == null || startAfter.isEmpty()) {
      return list(prefix);
    }
    return list(prefix).filter(o -> KeyOrder.compare(o.key(), startAfter) > 0);
  }

  /**
   * Every version of every object under {@code prefix} (key ascending, then newest first), for versioned
   * buckets. Stores without versioning return one current version per object.
   */
  Stream<ObjectInfo> listVersions(String prefix);

  /** The object with its user metadata, or empty when there is none. */
  Optional<ObjectInfo> head(String key);

  /** Opens the object's content for reading. Throws {@link StorageException} naming the key when missing. */
  InputStream open(String key);

  /** Writes (replaces) an object with the given user metadata. */
  void put(String key, byte[] content, Map<String, String> metadata);

  /** Writes (replaces) an object from a local file with the given user metadata. */
  void put(String key, Path file, Map<String, String> metadata);

  /**
   * Deletes the keys, in requests of at most 1000 keys, retrying keys that failed with a retryable error.
   * Never throws for per-key failures: they are in {@link DeleteResult#failed()}.
   */
  DeleteResult delete(Collection<String> keys);

  /** Deletes specific versions ({@code key -> versionId}); same contract as {@link #delete}. */
  DeleteResult deleteVersions(Collection<ObjectInfo> versions);

  /**
   * The given version of an object with its user metadata, or empty when there is no such version. Stores
   * without versioning ignore {@code versionId} (null allowed) and behave as {@link #head}.
   */
  default Optional<ObjectInfo> headVersion(String key, String versionId) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not read object versions");
  }

  /** Opens the content of one version of an object; stores without versioning behave as {@link #open}. */
  default InputStream openVersion(String key, String versionId) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not read object versions");
  }

  /**
   * Conditional create (S3 {@code If-None-Match: *}): writes the object only if no object has this key, atomically
   * with respect to other conditional and unconditional writers.
   *
   * @return true when written; false when an object with the key exists (or a concurrent conditional write of
   *     the same key won)
   */
  default boolean putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no conditional writes");
  }

  /**
   * Conditional replace (S3 {@code If-Match}): writes the object only if its current entity tag
   * ({@link ObjectInfo#eTag()} from {@link #head}) is {@code expectedETag}.
   *
   * @return true when written; false when the object is missing or was replaced since {@code expectedETag}
   */
  default boolean putIfMatch(String key, byte[] content, Map<String, String> metadata, String expectedETag) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no conditional writes");
  }

  /**
   * Conditional delete (S3 {@code If-Match} on DeleteObject): deletes the object only if its current entity tag
   * is {@code expectedETag}.
   *
   * @return true when deleted; false when the object is missing or was replaced since {@code expectedETag}
   */
  default boolean deleteIfMatch(String key, String expectedETag) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no conditional deletes");
  }

  @Override
  void close();
}
