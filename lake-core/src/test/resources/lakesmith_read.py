# Copyright 2026 the Lakesmith authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     https://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
"""Reads Hudi tables with an engine that is not Lakesmith, for io.lakesmith.testing.IndependentReaders.

usage: lakesmith_read.py --engine spark --bundle HUDI_SPARK_BUNDLE.jar [--java-options OPTS] REQUESTS OUT
       lakesmith_read.py --engine hudi-rs REQUESTS OUT

REQUESTS is a JSON list of {"id", "path", "query"} (query: snapshot or read_optimized). OUT gets one JSON line per
request: {"id", "rows": [{column: canonical string or null}]} or {"id", "error": "..."}. One failing table does not
stop the others. Hudi meta columns (_hoodie_commit_time etc.) are left out; _hoodie_is_deleted is data and kept.

Canonical values, so that Java can compare them with its expected rows as strings: integers in decimal; float and
double as the exact decimal expansion of their binary value (Decimal(x), plain notation; "NaN", "Infinity",
"-Infinity", zero as "0"); decimals in plain notation at the column's scale; timestamps as
yyyy-MM-ddTHH:mm:ss.ffffffZ in UTC; dates as yyyy-MM-dd; booleans true/false; binary as lower-case hex.
"""

import argparse
import datetime
import decimal
import json
import math
import os
import sys
import time
import traceback

META = {"_hoodie_commit_time", "_hoodie_commit_seqno", "_hoodie_record_key", "_hoodie_partition_path",
        "_hoodie_file_name", "_hoodie_operation"}


def canon(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        if v == 0:
            return "0"
        return format(decimal.Decimal(v), "f")
    if isinstance(v, decimal.Decimal):
        return format(v, "f")
    if isinstance(v, datetime.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ" % (v.year, v.month, v.day, v.hour, v.minute, v.second,
                                                         v.microsecond)
    if isinstance(v, datetime.date):
        return "%04d-%02d-%02d" % (v.year, v.month, v.day)
    if isinstance(v, (bytes, bytearray, memoryview)):
        return bytes(v).hex()
    if isinstance(v, str):
        return v
    return "<%s %r>" % (type(v).__name__, v)  # an unexpected type shows up in the comparison


def canon_row(d):
    return {k: canon(v) for k, v in d.items() if k not in META}


def describe(e):
    """One line (plus the root cause) for a failed read; Java exceptions through py4j are unwrapped."""
    java = getattr(e, "java_exception", None)
    if java is not None:
        top = java.toString()
        root = java
        while root.getCause() is not None and root.getCause() != root:
            root = root.getCause()
        text = top if root == java else top + " | root cause: " + root.toString()
    else:
        text = "%s: %s" % (type(e).__name__, e)
    return " ".join(text.split())[:4000]


def spark_reader(args):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    java_opts = (args.java_options or "") + " -Duser.timezone=UTC"
    spark = (SparkSession.builder.master("local[1]").appName("lakesmith-read")
             .config("spark.jars", args.bundle)
             .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
             .config("spark.kryo.registrator", "org.apache.spark.HoodieSparkKryoRegistrar")
             .config("spark.sql.extensions", "org.apache.spark.sql.hudi.HoodieSparkSessionExtension")
             .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.hudi.catalog.HoodieCatalog")
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.driver.extraJavaOptions", java_opts)
             .config("spark.sql.shuffle.partitions", "1")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.warehouse.dir", os.path.join(os.getcwd(), "spark-warehouse"))
             .config("spark.local.dir", os.getcwd())
             .getOrCreate())
    spark.sparkContext.setLogLevel("WARN")

    def read(path, query):
        df = spark.read.format("hudi").option("hoodie.datasource.query.type", query).load(path)
        return [canon_row(r.asDict()) for r in df.collect()]

    def stop():
        try:  # the JVM's CPU time, for the timings in the log (Linux /proc; best effort)
            pid = spark.sparkContext._gateway.proc.pid
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            print("lakesmith_read: Spark JVM used %.1f s of CPU" % cpu, file=sys.stderr)
        except Exception as e:
            print("lakesmith_read: no JVM CPU time (%s)" % e, file=sys.stderr)
        spark.stop()

    return read, stop


def hudi_rs_reader(args):
    import pyarrow
    from hudi import HudiReadOptions, HudiTableBuilder

    def read(path, query):
        table = HudiTableBuilder.from_base_uri(path).build()
        options = {"hoodie.read.use.read_optimized.mode": "true"} if query == "read_optimized" else {}
        batches = table.read(HudiReadOptions(hudi_options=options))
        if not batches:
            return []
        return [canon_row(r) for r in pyarrow.Table.from_batches(batches).to_pylist()]

    return read, lambda: None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--engine", required=True, choices=["spark", "hudi-rs"])
    p.add_argument("--bundle")
    p.add_argument("--java-options")
    p.add_argument("requests")
    p.add_argument("out")
    args = p.parse_args()
    with open(args.requests, encoding="utf-8") as f:
        requests = json.load(f)
    started = time.monotonic()
    read, stop = spark_reader(args) if args.engine == "spark" else hudi_rs_reader(args)
    print("lakesmith_read: %s ready in %.1f s" % (args.engine, time.monotonic() - started), file=sys.stderr)
    try:
        with open(args.out, "w", encoding="utf-8") as out:
            for r in requests:
                t0 = time.monotonic()
                try:
                    result = {"id": r["id"], "rows": read(r["path"], r["query"])}
                except (KeyboardInterrupt, SystemExit):
                    raise
                except BaseException as e:  # reported per table (hudi-rs panics are BaseExceptions); others still run
                    traceback.print_exc()
                    result = {"id": r["id"], "error": describe(e)}
                result["seconds"] = round(time.monotonic() - t0, 2)
                print("lakesmith_read: %s %s in %.1f s" % (r["query"], r["path"], result["seconds"]), file=sys.stderr)
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
                out.flush()
    finally:
        stop()
        print("lakesmith_read: done in %.1f s, python used %.1f s of CPU"
              % (time.monotonic() - started, time.process_time()), file=sys.stderr)


if __name__ == "__main__":
    main()
