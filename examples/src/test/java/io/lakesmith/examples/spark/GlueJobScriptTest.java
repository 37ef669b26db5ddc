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

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/** The Glue job script calls an entry point that exists with the argument types py4j passes. */
class GlueJobScriptTest {

  @Test
  void scriptCallsTheStaticEntryPoint() throws Exception {
    String script = Files.readString(Path.of("glue/lakesmith_glue_job.py"));
    assertThat(script).contains("sc._jvm.io.lakesmith.examples.spark.LakesmithGlue.applyAll(sc._jsc, args[\"source\"], "
        + "specs_json, True)").doesNotContain("--datalake-formats hudi\n");
    Method m = LakesmithGlue.class.getMethod("applyAll", JavaSparkContext.class, String.class, String.class,
        boolean.class);
    assertThat(Modifier.isStatic(m.getModifiers())).isTrue();
    assertThat(m.getReturnType()).isEqualTo(String.class);
  }
}
