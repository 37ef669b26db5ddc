package io.lakesmith.cdc.internal.apply;

import io.lakesmith.cdc.ChangeSequencer;
import io.lakesmith.cdc.internal.source.read.DmsRow;
import java.util.function.BiFunction;

/**
 * Access to {@link ChangeSequencer}'s row sequencing from internal packages, without a public API method taking an
 * internal type: the sequencer registers its function here when its class initialises.
 */
public final class Sequencing {

  private static volatile BiFunction<ChangeSequencer, DmsRow, String> access;

  private Sequencing() {}

  /** Called once by {@link ChangeSequencer}'s static initialiser. */
  public static void register(BiFunction<ChangeSequencer, DmsRow, String> function) {
    access = function;
  }

  /** The sequence of {@code row} (see {@link ChangeSequencer}); throws what the sequencer throws. */
  public static String sequence(ChangeSequencer sequencer, DmsRow row) {
    if (access == null) {
      ChangeSequencer.builder(); // initialises the class, which registers
    }
    return access.apply(sequencer, row);
  }
}
