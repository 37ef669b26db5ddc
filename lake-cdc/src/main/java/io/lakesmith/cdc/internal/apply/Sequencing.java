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
