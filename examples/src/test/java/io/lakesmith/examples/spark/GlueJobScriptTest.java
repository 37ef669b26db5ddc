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
