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

// Checks a consumer build (invoker post-build hook): the application's output, and that every dependency it
// resolved has the version the reactor's tests ran with (target/test-classpath.txt of lake-cdc, lake-catalog,
// lake-compaction, written by the parent's dependency:list execution).
def log = new File(basedir, 'build.log').text
['consumer: applied 5 files, 0 quarantined, succeeded=true',
 'consumer: table holds 11 rows',
 'consumer: maintenance plan [CLEAN',
 'consumer: Glue table hr.employees, 12 columns, partition keys [DEPARTMENT_ID string]'].each {
  assert log.contains(it) : "missing from ${basedir}/build.log: ${it}"
}

// lines: "   group:artifact:type[:classifier]:version:scope[ -- module ...]"
def parse = { File f ->
  assert f.isFile() : "missing ${f}"
  def deps = [:]
  f.eachLine { line ->
    def p = line.trim().split(' ')[0].split(':')
    if (p.length == 5 || p.length == 6) {
      def key = p.length == 6 ? "${p[0]}:${p[1]}:${p[3]}" : "${p[0]}:${p[1]}"
      // optional dependencies (micrometer for lake-cdc's metrics) reach a consumer only when it adds them itself
      deps[key.toString()] = [version: p[p.length - 2], scope: line.contains('(optional)') ? 'optional' : p[p.length - 1]]
    }
  }
  deps
}

def modules = ['lake-cdc', 'lake-catalog', 'lake-compaction']
def tested = modules.collectEntries { ["io.lakesmith:${it}".toString(), [version: projectVersion, scope: 'compile']] }
modules.each { module ->
  parse(new File(reactorRoot, "${module}/target/test-classpath.txt")).each { key, dep ->
    def seen = tested[key]
    assert seen == null || seen.version == dep.version : "reactor modules disagree on ${key}: ${seen.version} vs ${dep.version}"
    if (seen == null || dep.scope != 'test') {
      tested[key] = dep
    }
  }
}
def consumer = parse(new File(basedir, 'target/runtime-dependencies.txt'))
def differ = consumer.findAll { key, dep -> tested[key] != null && tested[key].version != dep.version }
  .collect { key, dep -> "${key}: consumer ${dep.version}, tests ${tested[key].version}" }
def extra = consumer.keySet().findAll { !tested.containsKey(it) }
def missing = tested.findAll { key, dep -> dep.scope in ['compile', 'runtime'] && !consumer.containsKey(key) }.keySet()

def jars = new File(basedir, 'target/runtime-classpath.txt').text.trim().split(File.pathSeparator).collect { new File(it) }
def mb = jars.sum { it.length() } / (1024 * 1024)
println "consumer ${basedir.name}: ${consumer.size()} runtime dependencies, ${jars.size()} jars, " +
    String.format('%.1f MB', mb as double) + "; versions differing from the tests' class path: ${differ.size()}" +
    "; not on it: ${extra.size()}; tested runtime dependencies missing: ${missing.size()}"
assert differ.isEmpty() : "versions differ from the tests' class path: ${differ}"
assert extra.isEmpty() : "dependencies the tests did not run with: ${extra}"
assert missing.isEmpty() : "runtime dependencies of the tests missing in the consumer: ${missing}"
return true
