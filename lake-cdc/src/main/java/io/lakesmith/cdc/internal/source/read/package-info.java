/**
 * Streaming readers of DMS CSV (fastcsv, RFC 4180) and Parquet (parquet-avro) files. Rows keep the file's text or
 * Avro values, with NULL and "not supplied" ({@code CsvNoSupValue}) told apart; malformed rows are returned with a
 * {@link io.lakesmith.cdc.RowError} rather than dropped; unreadable files raise
 * {@link io.lakesmith.cdc.internal.source.read.DmsReadException}.
 */
package io.lakesmith.cdc.internal.source.read;
