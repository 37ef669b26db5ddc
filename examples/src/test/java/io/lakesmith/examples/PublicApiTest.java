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

package io.lakesmith.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's public API (every public type outside {@code ..internal..} packages of lake-core, lake-cdc, lake-spark,
 * lake-compaction and lake-catalog) names no Hudi, Hadoop or Lakesmith-internal type in a public or protected
 * signature: supertypes, fields, constructors, methods (parameters, return types, exceptions, type arguments).
 * Internal packages are free to change; what users compile against must not drag Hudi's or Hadoop's API along.
 */
class PublicApiTest {

  /** The lakesmith module's package (the entry point): only its own classes, not the packages below it. */
  private static final String ENTRY_PACKAGE = "io/lakesmith";

  private static final List<String> MODULE_PACKAGES = List.of("io/lakesmith/core", "io/lakesmith/cdc",
      "io/lakesmith/compaction", "io/lakesmith/catalog", "io/lakesmith/spark", ENTRY_PACKAGE);

  @Test
  void theEntryPointIsChecked() throws Exception {
    assertThat(apiClassNames()).contains("io.lakesmith.Lakesmith", "io.lakesmith.MaintainTable",
        "io.lakesmith.core.action.Action").doesNotContain("io.lakesmith.examples.Quickstart");
  }

  @Test
  void publicSignaturesNameNoHudiHadoopOrInternalType() throws Exception {
    List<String> classes = apiClassNames();
    assertThat(classes).as("API classes found on the test class path").hasSizeGreaterThan(40);
    Set<String> violations = new TreeSet<>();
    for (String name : classes) {
      Class<?> c = Class.forName(name, false, getClass().getClassLoader());
      if (!isExported(c)) {
        continue;
      }
      check(c, "extends", c.getGenericSuperclass(), violations);
      for (Type i : c.getGenericInterfaces()) {
        check(c, "implements", i, violations);
      }
      for (Field f : c.getDeclaredFields()) {
        if (visible(f.getModifiers())) {
          check(c, "field " + f.getName(), f.getGenericType(), violations);
        }
      }
      List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        members.add(k);
      }
      for (Executable m : members) {
        if (!visible(m.getModifiers()) || m.isSynthetic() || (m instanceof Method && ((Method) m).isBridge())) {
          continue;
        }
        String where = (m instanceof Constructor ? "constructor" : m.getName()) + "(...)";
        if (m instanceof Method) {
          check(c, where + " returns", ((Method) m).getGenericReturnType(), violations);
        }
        for (Type p : m.getGenericParameterTypes()) {
          check(c, where + " takes", p, violations);
        }
        for (Type e : m.getGenericExceptionTypes()) {
          check(c, where + " throws", e, violations);
        }
      }
    }
    assertThat(violations).as("public API naming Hudi, Hadoop or internal types").isEmpty();
  }

  @Test
  void everyExceptionLakesmithThrowsHasOneRoot() throws Exception {
    Set<String> strays = new TreeSet<>();
    for (String name : apiClassNames()) {
      Class<?> c = Class.forName(name, false, getClass().getClassLoader());
      if (isExported(c) && Throwable.class.isAssignableFrom(c)
          && !io.lakesmith.core.LakesmithException.class.isAssignableFrom(c)) {
        strays.add(name);
      }
    }
    assertThat(strays).as("exceptions outside the LakesmithException hierarchy").isEmpty();
  }

  private static boolean isExported(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return !c.getPackageName().contains(".internal");
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(Class<?> owner, String where, Type type, Set<String> violations) {
    if (type == null) {
      return;
    }
    if (type instanceof Class) {
      Class<?> k = (Class<?>) type;
      while (k.isArray()) {
        k = k.getComponentType();
      }
      String n = k.getName();
      if (n.startsWith("org.apache.hudi.") || n.startsWith("org.apache.hadoop.")
          || (n.startsWith("io.lakesmith.") && n.contains(".internal."))) {
        violations.add(owner.getName() + " " + where + " " + n);
      }
    } else if (type instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) type;
      check(owner, where, p.getRawType(), violations);
      for (Type a : p.getActualTypeArguments()) {
        check(owner, where, a, violations);
      }
    } else if (type instanceof GenericArrayType) {
      check(owner, where, ((GenericArrayType) type).getGenericComponentType(), violations);
    } else if (type instanceof WildcardType) {
      for (Type b : ((WildcardType) type).getUpperBounds()) {
        check(owner, where, b, violations);
      }
      for (Type b : ((WildcardType) type).getLowerBounds()) {
        check(owner, where, b, violations);
      }
    } else if (type instanceof TypeVariable) {
      for (Type b : ((TypeVariable<?>) type).getBounds()) {
        check(owner, where, b, violations);
      }
    }
  }

  /** Class names under the module packages, from class directories (reactor) or jars on the class path. */
  private List<String> apiClassNames() throws IOException, URISyntaxException {
    Set<String> names = new TreeSet<>();
    for (String pkg : MODULE_PACKAGES) {
      Enumeration<URL> roots = getClass().getClassLoader().getResources(pkg);
      for (URL url : Collections.list(roots)) {
        if (url.getPath().contains("test-classes") || url.getPath().contains("-tests.jar")) {
          continue; // test fixtures are not API
        }
        if ("file".equals(url.getProtocol())) {
          Path dir = Paths.get(url.toURI());
          Path base = dir;
          for (int i = 0; i < pkg.split("/").length; i++) {
            base = base.getParent();
          }
          Path root = base;
          try (Stream<Path> files = Files.walk(dir, pkg.equals(ENTRY_PACKAGE) ? 1 : Integer.MAX_VALUE)) {
            files.filter(p -> p.toString().endsWith(".class"))
                .forEach(p -> names.add(className(root.relativize(p).toString())));
          }
        } else if ("jar".equals(url.getProtocol())) {
          try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
            for (JarEntry e : Collections.list(jar.entries())) {
              if (e.getName().startsWith(pkg + "/") && e.getName().endsWith(".class")
                  && !(pkg.equals(ENTRY_PACKAGE) && e.getName().indexOf('/', pkg.length() + 1) >= 0)) {
                names.add(className(e.getName()));
              }
            }
          }
        }
      }
    }
    names.removeIf(n -> n.endsWith("package-info"));
    return new ArrayList<>(names);
  }

  private static String className(String path) {
    return path.replace('\\', '/').replaceAll("\\.class$", "").replace('/', '.');
  }
}
