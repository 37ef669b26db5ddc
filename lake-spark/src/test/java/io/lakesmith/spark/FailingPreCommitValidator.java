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

package io.lakesmith.spark;

import java.util.Set;
import org.apache.hudi.client.validator.SparkPreCommitValidator;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.common.engine.HoodieEngineContext;
import org.apache.hudi.exception.HoodieValidationException;
import org.apache.hudi.table.HoodieSparkTable;
import org.apache.spark.sql.Dataset;

/** A pre-commit validator that always fails: the driver dies after the data files are written, before the commit. */
@SuppressWarnings({"rawtypes", "unchecked"})
public class FailingPreCommitValidator extends SparkPreCommitValidator {

  public FailingPreCommitValidator(HoodieSparkTable table, HoodieEngineContext context, HoodieWriteConfig config) {
    super(table, context, config);
  }

  @Override
  protected void validateRecordsBeforeAndAfter(Dataset before, Dataset after, Set partitions) {
    throw new HoodieValidationException("test: the driver fails before the commit");
  }
}
