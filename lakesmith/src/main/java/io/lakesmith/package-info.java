/**
 * The entry point: {@link io.lakesmith.Lakesmith#local()} or {@link io.lakesmith.Lakesmith#on}, then one action per
 * operation (DMS apply, table maintenance, object-version expiry, Glue).
 */
package io.lakesmith;
