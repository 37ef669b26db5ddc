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

package io.lakesmith.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The versions a run names in its report: Lakesmith's own (from the build) and the Hudi on the class path at run
 * time (from hudi-common's Maven properties or its jar's manifest; the version Lakesmith was built against when
 * neither is there). Never null: {@code "unknown"} when nothing is known.
 */
public final class LakesmithVersion {

  private static final String UNKNOWN = "unknown";
  private static final Properties BUILD = load();

  private LakesmithVersion() {}

  /** This Lakesmith's version, e.g. {@code 0.1.0}. */
  public static String lakesmith() {
    return BUILD.getProperty("lakesmith.version", UNKNOWN);
  }

  /** The version of the Hudi that runs, e.g. {@code 1.2.0}. */
  public static String hudi() {
    return HUDI;
  }

  private static final String HUDI = findHudi();

  /**
   * From hudi-common's Maven properties (kept in shaded bundles, whose manifest names the bundle, not Hudi), else the
   * manifest of the jar holding Hudi, else the version Lakesmith was built against.
   */
  private static String findHudi() {
    ClassLoader loader = LakesmithVersion.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.apache.hudi/hudi-common/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank()) {
          return v;
        }
      }
    } catch (IOException e) {
      // fall through to the manifest
    }
    try {
      Package p = Class.forName("org.apache.hudi.common.table.HoodieTableMetaClient", false, loader).getPackage();
      String v = p == null ? null : p.getImplementationVersion();
      if (v != null && !v.isBlank()) {
        return v;
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // no Hudi on the class path: the built-against version is still the best answer
    }
    return BUILD.getProperty("hudi.version", UNKNOWN);
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = LakesmithVersion.class.getResourceAsStream("lakesmith-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // a jar without the resource reports "unknown"
    }
    return p;
  }
}
