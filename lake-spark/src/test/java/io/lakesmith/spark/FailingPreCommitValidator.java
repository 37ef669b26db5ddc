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
