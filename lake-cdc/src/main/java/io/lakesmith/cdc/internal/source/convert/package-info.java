/** Exact conversion of DMS values to the Avro types of {@link io.lakesmith.core.table.ColumnType}. */
package io.lakesmith.cdc.internal.source.convert;
