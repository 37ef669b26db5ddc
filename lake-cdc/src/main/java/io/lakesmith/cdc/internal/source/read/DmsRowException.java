package io.lakesmith.cdc.internal.source.read;

import io.lakesmith.core.BadInputException;
import io.lakesmith.cdc.RowError;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/** A row cannot be used; carries every {@link RowError} found in it (at least one). */
public class DmsRowException extends BadInputException {
  private final ImmutableList<RowError> errors;

  public DmsRowException(List<RowError> errors) {
    super(message(errors));
    this.errors = ImmutableList.copyOf(errors);
  }

  public DmsRowException(RowError error) {
    this(ImmutableList.of(error));
  }

  private static String message(List<RowError> errors) {
    Preconditions.checkArgument(errors != null && !errors.isEmpty(), "at least one error");
    return errors.stream().map(RowError::toString).collect(Collectors.joining("; "));
  }

  /** The errors, in column order. */
  public List<RowError> errors() {
    return errors;
  }

  /** The first error. */
  public RowError error() {
    return errors.get(0);
  }
}
