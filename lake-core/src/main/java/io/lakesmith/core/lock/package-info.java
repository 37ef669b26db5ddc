/**
 * Leases on objects in an {@link io.lakesmith.core.storage.ObjectStore}, taken and renewed with conditional writes
 * (S3 {@code If-None-Match}/{@code If-Match}; local files with an atomic create and an OS file lock): the
 * {@link io.lakesmith.core.lock.LeaseLock} mechanism, the one-writer-per-table
 * {@link io.lakesmith.core.lock.TableLease} built on it, and the exceptions a loser
 * ({@link io.lakesmith.core.lock.ConcurrentWriterException}) or a holder that overran its lease
 * ({@link io.lakesmith.core.lock.LeaseLostException}) sees.
 */
package io.lakesmith.core.lock;
