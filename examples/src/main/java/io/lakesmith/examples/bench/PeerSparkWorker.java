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

package io.lakesmith.examples.bench;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spark side of {@link PeerBenchmark}, run in its own JVM with Spark SQL and {@code hudi-spark3.5-bundle_2.12}
 * on the class path (and no Lakesmith or hudi-java-client classes): loads the DMS full-load CSV files with Hudi's
 * {@code bulk_insert}, then upserts the CDC files, the configuration a Spark user would write for DMS output:
 * record key {@code ID}, event-time ordering on the DMS timestamp column, {@code Op = D} as the delete marker,
 * non-partitioned, snappy, metadata table off, SIMPLE index, {@code local[2]}. Spark is driven through reflection so
 * that this module compiles without Spark SQL (a profile adds it for the benchmark only).
 *
 * <p>Arguments: {@code tableType loadGlob cdcGlob tablePath workDir}. Prints {@link PeerMeter} lines.
 */
public final class PeerSparkWorker {

  static final String LOAD_DDL = "ID BIGINT, CUSTOMER STRING, STATUS STRING, NOTE STRING, AMOUNT DECIMAL(12,2), "
      + "CREATED_AT TIMESTAMP, QTY INT, REGION STRING, DMS_TS STRING";
  static final String CDC_DDL = "Op STRING, " + LOAD_DDL;

  private PeerSparkWorker() {}

  public static void main(String[] args) throws Exception {
    String tableType = args[0];
    String loadGlob = args[1];
    String cdcGlob = args[2];
    String tablePath = args[3];
    String workDir = args[4];
    PeerMeter meter = new PeerMeter();

    Object builder = Class.forName("org.apache.spark.sql.SparkSession").getMethod("builder").invoke(null);
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.master", System.getProperty("peer.sparkMaster", "local[2]"));
    conf.put("spark.app.name", "lakesmith-peer-benchmark");
    conf.put("spark.ui.enabled", "false");
    conf.put("spark.driver.host", "127.0.0.1");
    conf.put("spark.sql.shuffle.partitions", "2");
    conf.put("spark.default.parallelism", "2");
    conf.put("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    conf.put("spark.kryo.registrator", "org.apache.spark.HoodieSparkKryoRegistrar");
    conf.put("spark.sql.extensions", "org.apache.spark.sql.hudi.HoodieSparkSessionExtension");
    conf.put("spark.sql.session.timeZone", "UTC"); // DMS timestamps carry no zone; Lakesmith reads them as UTC
    conf.put("spark.local.dir", workDir + "/spark-tmp");
    conf.put("spark.sql.warehouse.dir", workDir + "/spark-warehouse");
    for (Map.Entry<String, String> e : conf.entrySet()) {
      builder = call(builder, "config", e.getKey(), e.getValue());
    }
    Object spark = call(builder, "getOrCreate");
    call(call(spark, "sparkContext"), "setLogLevel", "WARN");

    Map<String, String> hudi = new LinkedHashMap<>();
    hudi.put("hoodie.table.name", ApplyBenchmark.TABLE_NAME);
    hudi.put("hoodie.datasource.write.table.type", tableType);
    hudi.put("hoodie.datasource.write.recordkey.field", "ID");
    hudi.put("hoodie.datasource.write.partitionpath.field", "");
    hudi.put("hoodie.datasource.write.keygenerator.class", "org.apache.hudi.keygen.NonpartitionedKeyGenerator");
    hudi.put("hoodie.datasource.write.precombine.field", ApplyBenchmark.TS_COLUMN);
    hudi.put("hoodie.write.record.merge.mode", "EVENT_TIME_ORDERING");
    hudi.put("hoodie.payload.delete.field", "Op");
    hudi.put("hoodie.payload.delete.marker", "D");
    hudi.put("hoodie.parquet.compression.codec", "snappy");
    hudi.put("hoodie.metadata.enable", "false");
    hudi.put("hoodie.index.type", "SIMPLE");
    hudi.put("hoodie.bulkinsert.shuffle.parallelism", "2");
    hudi.put("hoodie.upsert.shuffle.parallelism", "2");

    meter.start();
    Object load = read(spark, LOAD_DDL, loadGlob);
    call(load, "createOrReplaceTempView", "dms_load");
    // the full load has no Op column (IncludeOpForFullLoad=false): every row is an insert
    Object loadRows = call(spark, "sql", "SELECT 'I' AS Op, * FROM dms_load");
    write(loadRows, hudi, "bulk_insert", "overwrite", tablePath);
    meter.end("full-load", -1);

    meter.start();
    write(read(spark, CDC_DDL, cdcGlob), hudi, "upsert", "append", tablePath);
    meter.end("cdc", -1);

    call(spark, "stop");
    meter.total();
  }

  private static Object read(Object spark, String ddl, String glob) throws Exception {
    Object reader = call(spark, "read");
    reader = call(reader, "format", "csv");
    reader = call(reader, "option", "header", "true");
    reader = call(reader, "option", "escape", "\""); // RFC 4180 quoting as DMS writes it: "" inside quotes
    reader = call(reader, "schema", ddl);
    return call(reader, "load", glob);
  }

  private static void write(Object dataset, Map<String, String> hudi, String operation, String mode, String path)
      throws Exception {
    Map<String, String> options = new LinkedHashMap<>(hudi);
    options.put("hoodie.datasource.write.operation", operation);
    Object writer = call(dataset, "write");
    writer = call(writer, "format", "hudi");
    writer = invoke(writer, "options", new Class<?>[] {Map.class}, options);
    writer = call(writer, "mode", mode);
    call(writer, "save", path);
  }

  /** Calls the public method {@code name} whose parameters are all strings (or none). */
  private static Object call(Object target, String name, String... args) throws Exception {
    Class<?>[] types = new Class<?>[args.length];
    java.util.Arrays.fill(types, String.class);
    return invoke(target, name, types, (Object[]) args);
  }

  private static Object invoke(Object target, String name, Class<?>[] types, Object... args) throws Exception {
    Method m = target.getClass().getMethod(name, types);
    return m.invoke(target, args);
  }
}
