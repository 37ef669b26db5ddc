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

package io.lakesmith.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.report.RunReport;
import io.lakesmith.examples.Quickstart;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Glue bundle as a Glue job sees it: loaded in an isolated class loader next to only what the job brings itself
 * (Hadoop, Parquet, SLF4J), it applies DMS output to a Hudi table; its relocations leave no clashing package behind
 * and nothing relocated leaks into the table's metadata. Runs in failsafe's integration-test phase, after the bundle
 * is built (failsafe sets {@code lakesmith.bundle}); skipped when a surefire {@code -Dtest} pattern picks it up.
 */
@EnabledIfSystemProperty(named = "lakesmith.bundle", matches = ".+")
class GlueBundleIT {

  /** Jars a Glue 5.x job has on its class path anyway (Spark's and Hadoop's), taken from this test's class path. */
  private static final List<String> JOB_PROVIDED = List.of("hadoop-client-api-", "hadoop-client-runtime-",
      "parquet-hadoop-", "parquet-column-", "parquet-common-", "parquet-encoding-", "parquet-format-structures-",
      "parquet-jackson-", "slf4j-api-", "slf4j-simple-");

  @TempDir
  Path tmp;

  static Path bundle() {
    return Paths.get(System.getProperty("lakesmith.bundle"));
  }

  @Test
  void relocatesClashingPackagesAndKeepsHudiAndTheSdk() throws Exception {
    List<String> top = new ArrayList<>();
    boolean hudi = false;
    boolean sdk = false;
    try (JarFile jar = new JarFile(bundle().toFile())) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String n = e.nextElement().getName();
        if (n.startsWith("com/google/common/") || n.startsWith("com/fasterxml/jackson/") || n.startsWith("org/apache/avro/")
            || n.startsWith("com/esotericsoftware/") || n.startsWith("com/google/protobuf/")
            || n.startsWith("org/apache/hadoop/") || n.startsWith("org/apache/spark/") || n.startsWith("org/slf4j/")) {
          top.add(n);
        }
        hudi |= n.equals("org/apache/hudi/client/HoodieJavaWriteClient.class");
        sdk |= n.equals("software/amazon/awssdk/services/s3/S3Client.class");
      }
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("io.lakesmith.examples.spark.SparkDmsApply");
    }
    assertThat(top).as("unrelocated or job-provided classes in the bundle").isEmpty();
    assertThat(hudi).isTrue();
    assertThat(sdk).isTrue();
  }

  @Test
  void appliesDmsOutputFromAnIsolatedClassLoader() throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(bundle().toUri().toURL());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Paths.get(entry).getFileName().toString();
      if (JOB_PROVIDED.stream().anyMatch(name::startsWith)) {
        urls.add(Paths.get(entry).toUri().toURL());
      }
    }
    assertThat(urls).hasSize(JOB_PROVIDED.size() + 1);
    Path dms = tmp.resolve("dms");
    Quickstart.copySample(dms);
    Path lake = tmp.resolve("lake");
    String specs = "{\"targetRoot\": \"" + lake + "\", \"timestampColumn\": \"DMS_TS\", \"tables\": ["
        + "{\"database\": \"hr\", \"table\": \"employees\", \"key\": \"EMPLOYEE_ID\", \"partitionBy\": \"DEPARTMENT_ID\"}]}";

    String json;
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader("glue-job", urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      Thread.currentThread().setContextClassLoader(loader);
      Class<?> task = loader.loadClass("io.lakesmith.examples.spark.DmsApplyTask");
      assertThat(task.getClassLoader()).isSameAs(loader);
      Object t = task.getConstructor(String.class, String.class, String.class, boolean.class, boolean.class,
          boolean.class, int.class).newInstance(dms.toString(), null, null, false, false, false, 100_000);
      json = (String) task.getMethod("apply", String.class).invoke(t, specs);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
    RunReport report = RunReport.fromJson(json);
    assertThat(report.status()).as(json).isEqualTo(RunReport.Status.SUCCEEDED);
    RunReport table = report.children().get(0);
    assertThat(table.counter("rowsLoad")).isEqualTo(10);
    assertThat(table.counter("rowsDelete")).isEqualTo(2);

    try (Stream<Path> files = Files.walk(lake.resolve("hr/employees/.hoodie"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
            .as("table metadata %s", f).doesNotContain("io.lakesmith.shaded");
      }
    }
  }
}
