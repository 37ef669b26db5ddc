package io.lakesmith.compaction;

/**
 * The S3 user-metadata keys (sent as {@code x-amz-meta-<key>}) Lakesmith writes on Tier-2 objects and reads back
 * by default: the DMS log timestamp, the change sequence and the DMS operation of the object's last change.
 */
public final class Tier2Metadata {

  /** The DMS commit timestamp of the object's newest change, ISO-8601 UTC with microseconds. */
  public static final String TIMESTAMP = "dms-ts";
  /** The DMS change sequence ({@code AR_H_CHANGE_SEQ}) of the object's newest change, when known. */
  public static final String SEQUENCE = "dms-seq";
  /** The DMS operation of the object's newest change: {@code I}, {@code U} or {@code D} (a tombstone). */
  public static final String OPERATION = "dms-op";

  private Tier2Metadata() {}
}
