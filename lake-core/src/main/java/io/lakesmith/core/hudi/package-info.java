/**
 * The typed options and values of Lakesmith's Hudi tables: write options ({@link io.lakesmith.core.hudi.HudiWriteOptions}),
 * the table format version readers need ({@link io.lakesmith.core.hudi.TableVersion}) and what a commit wrote
 * ({@link io.lakesmith.core.hudi.HudiCommit}). No Hudi or Hadoop type appears here: the adapter to Hudi's Java
 * client lives in {@code io.lakesmith.core.internal.hudi}, which is not API and may change in any release.
 */
package io.lakesmith.core.hudi;
