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
"""AWS Glue 5.x (Spark 3.5, Java 17) job: applies AWS DMS output to Hudi tables and registers them in Glue.

Job parameters (see examples/README.md, "Running in AWS Glue"):
  --extra-jars   s3://<artifacts>/lakesmith-glue-bundle.jar
  --source       s3://<dms-bucket>/<prefix>            the DMS output root (<schema>/<table>/ below it)
  --specs        s3://<artifacts>/specs.json           the table spec file (examples/README.md, "Spec file")
Do not add --datalake-formats hudi: the bundle brings its own Hudi (1.2.1); two Hudi versions on one class path clash.
"""
import json
import sys
from urllib.parse import urlparse

import boto3
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "source", "specs"])
sc = SparkContext.getOrCreate()
glue_context = GlueContext(sc)
job = Job(glue_context)
job.init(args["JOB_NAME"], args)

specs_url = urlparse(args["specs"])
specs_json = boto3.client("s3").get_object(Bucket=specs_url.netloc, Key=specs_url.path.lstrip("/"))["Body"].read().decode("utf-8")

# One Spark task per table: DmsApply with the Hudi Java client inside the task, then the Glue sync of that table.
report_json = sc._jvm.io.lakesmith.examples.spark.LakesmithGlue.applyAll(sc._jsc, args["source"], specs_json, True)
report = json.loads(report_json)
for table in report.get("children", []):
    print(table["target"], table["status"], json.dumps(table.get("children", [{}])[0].get("counters", {})))
if report["status"] != "SUCCEEDED":
    raise RuntimeError("Lakesmith apply failed: " + json.dumps(report.get("errors", [])))
job.commit()
