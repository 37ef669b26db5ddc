/** The total order of a table's changes, as a fixed-width string usable as a Hudi ordering field. */
package io.lakesmith.cdc.internal.source.sequence;
