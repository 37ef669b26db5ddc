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

package io.lakesmith.core.internal.hudi;

import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.hudi.TableVersion;
import com.google.common.base.Preconditions;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hudi.common.config.RecordMergeMode;
import org.apache.hudi.common.model.HoodieTableType;
import org.apache.hudi.common.table.HoodieTableConfig;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.common.table.TableSchemaResolver;
import org.apache.hudi.common.util.Option;
import org.apache.hudi.hadoop.fs.HadoopFSUtils;
import org.apache.hudi.keygen.BaseKeyGenerator;
import org.apache.hudi.keygen.factory.HoodieAvroKeyGeneratorFactory;
import org.apache.hudi.storage.StorageConfiguration;

/**
 * Creates and opens Lakesmith's Hudi tables: the one place where a {@link TableSpec}, an Avro schema,
 * {@link HudiWriteOptions} and {@link AwsSettings} become a Hudi table.
 *
 * <p>A created table has: the spec's table type; its record key fields; its partition fields with hive-style
 * {@code col=value} partition paths; the key generator for its shape (simple for one key and one partition
 * column, non-partitioned without partition columns, complex otherwise); the options' merge mode and ordering
 * field; the schema plus Hudi's delete marker column {@code _hoodie_is_deleted} (see {@link HudiTable}).
 *
 * <p>Opening an existing table checks that its type, record key, partition columns, partition style, merge mode
 * and ordering field match the spec and options, and fails with an {@link IllegalStateException} naming each
 * mismatch: these are fixed at creation and a mismatch means the spec points at the wrong table or changed.
 */
public final class HudiTables {

  private HudiTables() {}

  /** Whether a Hudi table exists at {@code basePath} (any location {@link StorageLocation} parses). */
  public static boolean exists(String basePath, AwsSettings aws) {
    String path = hadoopPath(basePath);
    Configuration conf = HadoopConfigurations.forSettings(aws);
    try {
      Path props = new Path(path, HoodieTableMetaClient.METAFOLDER_NAME + "/" + HoodieTableConfig.HOODIE_PROPERTIES_FILE);
      FileSystem fs = props.getFileSystem(conf);
      return fs.exists(props);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check for a Hudi table at " + path, e);
    }
  }

  /**
   * Opens the table at {@code spec.basePath()}, creating it with {@code schema} when it does not exist.
   *
   * @param schema the table's columns (without Hudi meta columns); {@code null} to use {@code spec.schema()}.
   *     Ignored when the table exists (write with a wider schema to evolve it).
   */
  public static HudiTable createOrOpen(TableSpec spec, Schema schema, HudiWriteOptions options, AwsSettings aws) {
    if (exists(spec.basePath(), aws)) {
      return open(spec, options, aws);
    }
    return create(spec, schema, options, aws);
  }

  /**
   * Creates the table; fails if one exists at {@code spec.basePath()}.
   *
   * @param schema the table's columns; {@code null} to use {@code spec.schema()}
   */
  public static HudiTable create(TableSpec spec, Schema schema, HudiWriteOptions options, AwsSettings aws) {
    Preconditions.checkNotNull(spec, "spec");
    Preconditions.checkNotNull(options, "options");
    Schema columns = schema != null ? schema : spec.schema().orElseThrow(() -> new IllegalArgumentException(
        "table " + spec.identifier() + " has no schema: pass one or set it in the spec"));
    validateColumns(spec, columns, options);
    Schema tableSchema = HudiSchemas.withDeleteMarker(columns);
    String basePath = hadoopPath(spec.basePath());
    Configuration conf = HadoopConfigurations.forSettings(aws);
    StorageConfiguration<Configuration> storageConf = HadoopFSUtils.getStorageConf(conf);
    Preconditions.checkState(!exists(spec.basePath(), aws), "a Hudi table already exists at %s", basePath);
    HoodieTableMetaClient.TableBuilder b = HoodieTableMetaClient.newTableBuilder()
        .setTableType(hoodieType(spec.type()))
        .setTableName(spec.table())
        .setDatabaseName(spec.database())
        .setRecordKeyFields(String.join(",", spec.recordKey()))
        .setKeyGeneratorType(HudiConfigs.keyGeneratorType(spec).name())
        .setHiveStylePartitioningEnable(true)
        .setUrlEncodePartitioning(false)
        .setPopulateMetaFields(true)
        .setBaseFileFormat("PARQUET")
        .setRecordMergeMode(HudiConfigs.mergeMode(options))
        .setTableVersion(options.tableVersion().code())
        .setTableCreateSchema(tableSchema.toString());
    if (!spec.partitionBy().isEmpty()) {
      b.setPartitionFields(String.join(",", spec.partitionBy()));
    }
    options.orderingField().ifPresent(b::setOrderingFields);
    HoodieTableMetaClient metaClient;
    try {
      metaClient = b.initTable(storageConf, basePath);
      if (options.tableVersion() != TableVersion.V9) {
        metaClient = withPreV9Properties(metaClient, options.tableVersion(), storageConf, basePath);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Hudi table " + spec.identifier() + " at " + basePath, e);
    }
    return new HudiTable(spec, options, basePath, conf, storageConf, metaClient, tableSchema, keyGenerator(spec));
  }

  /**
   * Opens an existing table, checking it against {@code spec} and {@code options}.
   *
   * @throws IllegalStateException when no table exists there or it does not match (the message names each
   *     mismatch)
   */
  public static HudiTable open(TableSpec spec, HudiWriteOptions options, AwsSettings aws) {
    Preconditions.checkNotNull(spec, "spec");
    Preconditions.checkNotNull(options, "options");
    String basePath = hadoopPath(spec.basePath());
    Preconditions.checkState(exists(spec.basePath(), aws), "no Hudi table at %s", basePath);
    Configuration conf = HadoopConfigurations.forSettings(aws);
    StorageConfiguration<Configuration> storageConf = HadoopFSUtils.getStorageConf(conf);
    HoodieTableMetaClient metaClient = metaClient(storageConf, basePath);
    validate(spec, options, metaClient.getTableConfig());
    // write at the table's own version, never the options' (which only choose the version of new tables)
    TableVersion version = TableVersion.of(metaClient.getTableConfig().getTableVersion().versionCode());
    if (version != options.tableVersion()) {
      options = options.toBuilder().tableVersion(version).build();
    }
    Schema schema = latestSchema(metaClient).orElseThrow(() -> new IllegalStateException(
        "Hudi table " + basePath + " has neither commits with a schema nor a create schema"));
    return new HudiTable(spec, options, basePath, conf, storageConf, metaClient,
        HudiSchemas.withDeleteMarker(schema), keyGenerator(spec));
  }

  /**
   * The spec of the existing table at {@code basePath}, read from its {@code hoodie.properties}: database
   * ({@code default} when none was recorded), table name, record key, partition columns, type and base path; no
   * columns (they are the table's schema).
   *
   * @throws IllegalStateException when no Hudi table is there
   */
  public static TableSpec readSpec(String basePath, AwsSettings aws) {
    HoodieTableConfig config = tableConfig(basePath, aws);
    String database = config.getDatabaseName();
    return TableSpec.builder().database(database == null || database.isBlank() ? "default" : database)
        .table(config.getTableName())
        .recordKey(config.getRecordKeyFields().map(Arrays::asList).orElse(List.of()))
        .partitionBy(config.getPartitionFields().map(Arrays::asList).orElse(List.of()))
        .type(config.getTableType() == HoodieTableType.MERGE_ON_READ ? TableType.MERGE_ON_READ : TableType.COPY_ON_WRITE)
        .basePath(basePath).build();
  }

  /** The write options the existing table at {@code basePath} was created with: its ordering field and version. */
  public static HudiWriteOptions readWriteOptions(String basePath, AwsSettings aws) {
    HoodieTableConfig config = tableConfig(basePath, aws);
    HudiWriteOptions.Builder b = HudiWriteOptions.builder()
        .tableVersion(TableVersion.of(config.getTableVersion().versionCode()));
    Option<String> ordering = config.getOrderingFieldsStr();
    if (ordering.isPresent() && !ordering.get().isBlank()) {
      b.orderingField(ordering.get());
    }
    return b.build();
  }

  private static HoodieTableConfig tableConfig(String basePath, AwsSettings aws) {
    Preconditions.checkState(exists(basePath, aws), "no Hudi table at %s", basePath);
    StorageConfiguration<Configuration> storageConf = HadoopFSUtils.getStorageConf(HadoopConfigurations.forSettings(aws));
    return HoodieTableMetaClient.builder().setConf(storageConf).setBasePath(hadoopPath(basePath))
        .setLoadActiveTimelineOnLoad(false).build().getTableConfig();
  }

  /**
   * The table properties older readers look for, as Hudi's own downgrade (9 to 8 to 6) writes them. Hudi 1.1+
   * records the ordering field as {@code hoodie.table.ordering.fields}; Hudi 0.x and 1.0 readers only know
   * {@code hoodie.table.precombine.field}, and 0.x readers (no merge modes) merge merge-on-read logs with it and the
   * payload class Hudi records for event-time ordering, {@code DefaultHoodieRecordPayload} (highest ordering value
   * wins; {@code _hoodie_is_deleted = true} deletes). Version 6 readers know the key generator by class name only.
   */
  private static HoodieTableMetaClient withPreV9Properties(HoodieTableMetaClient metaClient, TableVersion version,
      StorageConfiguration<Configuration> storageConf, String basePath) {
    HoodieTableConfig config = metaClient.getTableConfig();
    java.util.Properties update = new java.util.Properties();
    Option<String> ordering = config.getOrderingFieldsStr();
    if (ordering.isPresent()) {
      update.setProperty(HoodieTableConfig.PRECOMBINE_FIELD.key(), ordering.get());
    }
    if (version == TableVersion.V6) {
      String keyGenerator = org.apache.hudi.keygen.constant.KeyGeneratorType.getKeyGeneratorClassName(config);
      if (keyGenerator != null && !keyGenerator.isEmpty()) {
        update.setProperty(HoodieTableConfig.KEY_GENERATOR_CLASS_NAME.key(), keyGenerator);
      }
    }
    if (update.isEmpty()) {
      return metaClient;
    }
    HoodieTableConfig.update(metaClient.getStorage(), metaClient.getMetaPath(), update);
    return metaClient(storageConf, basePath);
  }

  static HoodieTableMetaClient metaClient(StorageConfiguration<Configuration> storageConf, String basePath) {
    return HoodieTableMetaClient.builder().setConf(storageConf).setBasePath(basePath)
        .setLoadActiveTimelineOnLoad(true).build();
  }

  /** The schema of the latest commit without meta columns, else the create schema. */
  static Optional<Schema> latestSchema(HoodieTableMetaClient metaClient) {
    Option<org.apache.hudi.common.schema.HoodieSchema> s = new TableSchemaResolver(metaClient).getTableSchemaIfPresent(false);
    return s.isPresent() ? Optional.of(s.get().toAvroSchema()) : Optional.empty();
  }

  /** {@code file:/...} or {@code s3a://...} for any location {@link StorageLocation} accepts. */
  static String hadoopPath(String basePath) {
    return StorageLocation.parse(basePath).toHadoopUri();
  }

  private static void validateColumns(TableSpec spec, Schema columns, HudiWriteOptions options) {
    Preconditions.checkArgument(columns.getType() == Schema.Type.RECORD, "table schema must be an Avro record");
    for (String k : spec.recordKey()) {
      Preconditions.checkArgument(columns.getField(k) != null, "record key column '%s' is not in the schema of %s",
          k, spec.identifier());
    }
    for (String p : spec.partitionBy()) {
      Preconditions.checkArgument(columns.getField(p) != null, "partition column '%s' is not in the schema of %s",
          p, spec.identifier());
    }
    options.orderingField().ifPresent(f -> Preconditions.checkArgument(columns.getField(f) != null,
        "ordering field '%s' is not in the schema of %s", f, spec.identifier()));
    for (Schema.Field f : columns.getFields()) {
      Preconditions.checkArgument(!HudiSchemas.META_COLUMNS.contains(f.name()),
          "column '%s' is reserved by Hudi", f.name());
    }
  }

  private static void validate(TableSpec spec, HudiWriteOptions options, HoodieTableConfig config) {
    List<String> mismatches = new ArrayList<>();
    TableType actualType = config.getTableType() == HoodieTableType.MERGE_ON_READ
        ? TableType.MERGE_ON_READ : TableType.COPY_ON_WRITE;
    if (actualType != spec.type()) {
      mismatches.add("table type is " + actualType + ", spec says " + spec.type());
    }
    List<String> keys = config.getRecordKeyFields().map(Arrays::asList).orElse(List.of());
    if (!keys.equals(spec.recordKey())) {
      mismatches.add("record key is " + keys + ", spec says " + spec.recordKey());
    }
    List<String> partitions = config.getPartitionFields().map(Arrays::asList).orElse(List.of());
    if (!partitions.equals(spec.partitionBy())) {
      mismatches.add("partition columns are " + partitions + ", spec says " + spec.partitionBy());
    }
    if (!spec.partitionBy().isEmpty() && !Boolean.parseBoolean(config.getHiveStylePartitioningEnable())) {
      mismatches.add("partition paths are not hive-style (col=value)");
    }
    RecordMergeMode mode = mergeMode(config);
    if (mode != HudiConfigs.mergeMode(options)) {
      mismatches.add("merge mode is " + mode + ", options say " + options.mergeMode());
    }
    List<String> ordering = config.getOrderingFields();
    List<String> wantOrdering = options.orderingField().map(List::of).orElse(List.of());
    if (options.mergeMode() == HudiWriteOptions.MergeMode.EVENT_TIME_ORDERING && !ordering.equals(wantOrdering)) {
      mismatches.add("ordering fields are " + ordering + ", options say " + wantOrdering);
    }
    if (!mismatches.isEmpty()) {
      throw new IllegalStateException("Hudi table at " + spec.basePath() + " does not match spec "
          + spec.identifier() + ": " + String.join("; ", mismatches));
    }
  }

  /**
   * The table's merge mode. Version 6 tables have no merge-mode property (0.x has no merge modes): it follows from
   * their payload class and merge strategy, as Hudi itself infers it.
   */
  private static RecordMergeMode mergeMode(HoodieTableConfig config) {
    RecordMergeMode recorded = config.getRecordMergeMode();
    if (recorded != null || config.getTableVersion().greaterThanOrEquals(org.apache.hudi.common.table.HoodieTableVersion.NINE)) {
      return recorded;
    }
    try {
      return HoodieTableConfig.inferMergingConfigsForPreV9Table(null, config.getPayloadClass(),
          config.getRecordMergeStrategyId(), config.getOrderingFieldsStr().orElse(null), config.getTableVersion())
          .getLeft();
    } catch (IllegalArgumentException e) {
      return null; // a payload class Hudi maps to no merge mode: reported as a mismatch
    }
  }

  private static HoodieTableType hoodieType(TableType type) {
    return type == TableType.MERGE_ON_READ ? HoodieTableType.MERGE_ON_READ : HoodieTableType.COPY_ON_WRITE;
  }

  private static BaseKeyGenerator keyGenerator(TableSpec spec) {
    try {
      return (BaseKeyGenerator) HoodieAvroKeyGeneratorFactory.createKeyGenerator(HudiConfigs.keyGeneratorProps(spec));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Hudi write properties Lakesmith's Java writer uses for {@code spec} (key generator, ordering field and merge
   * mode, index, table version, concurrency control and commit lock, file sizes, ...), for another engine's writer
   * (lake-spark's Spark datasource write) to write the same way. Without the schema, which the writer takes from its
   * data, and without Hudi's defaults.
   */
  public static Map<String, String> writeProperties(TableSpec spec, HudiWriteOptions options) {
    return HudiConfigs.writeProperties(spec, options, Map.of());
  }
}
