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

/**
 * DMS apply on Spark: {@link io.lakesmith.spark.SparkDmsApply} applies a large table across Spark's executors with
 * Hudi's Spark writer, with the guarantees of lake-cdc's {@code DmsApply}, and small tables one per task.
 */
package io.lakesmith.spark;
