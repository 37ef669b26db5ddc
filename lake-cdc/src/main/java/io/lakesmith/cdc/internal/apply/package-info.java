/**
 * The apply's driver-side state and per-row record making, shared by lake-cdc's Java apply and lake-spark's
 * distributed apply: checkpoint and ordering state in commit metadata, pending files, file identities, table
 * schemas, quarantine files, the delete ledger. Internal: no compatibility promise.
 */
package io.lakesmith.cdc.internal.apply;
