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

package io.lakesmith.cdc.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listing a continuous poll does: from the newest applied date folder on, against a full listing, with 10,000 date
 * folders (27 years of daily DMS partitions) in a local store. Prints the cost of each.
 */
class IncrementalListingTest {

  private static final int FOLDERS = 10_000;

  @TempDir
  Path tmp;

  @Test
  void aPollListsOnlyFromTheNewestDateFolderOf10kFolders() throws IOException {
    Path table = tmp.resolve("dms/app/people");
    DateTimeFormatter folder = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    DateTimeFormatter name = DateTimeFormatter.ofPattern("yyyyMMdd");
    LocalDate day = LocalDate.of(1999, 1, 1);
    LocalDate newest = day;
    for (int i = 0; i < FOLDERS; i++) {
      Path f = table.resolve(folder.format(day)).resolve(name.format(day) + "-120000000.csv");
      Files.createDirectories(f.getParent());
      Files.write(f, new byte[] {'x'});
      newest = day;
      day = day.plusDays(1);
    }
    Files.write(table.resolve("LOAD00000001.csv"), new byte[] {'x'});
    StorageLocation root = StorageLocation.parse(tmp.resolve("dms").toString());
    String prefix = root.prefix() + "app/people/";
    String startAfter = prefix + folder.format(newest);
    try (ObjectStore store = ObjectStores.open(root, AwsSettings.defaults())) {
      long[] full = new long[3];
      long[] incremental = new long[3];
      DmsListing all = null;
      DmsListing fromNewest = null;
      for (int i = 0; i < full.length; i++) {
        long t0 = System.nanoTime();
        all = DmsLayout.scan(store, root);
        full[i] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        fromNewest = DmsLayout.scan(store, root, prefix, startAfter);
        incremental[i] = System.nanoTime() - t0;
      }
      assertThat(all.files(DmsTableId.of("app", "people"))).hasSize(FOLDERS + 1);
      // the newest folder's file and the full-load file (letters sort after the date folders' digits)
      assertThat(fromNewest.files(DmsTableId.of("app", "people"))).extracting(DmsFile::relativePath)
          .containsExactly("LOAD00000001.csv", folder.format(newest) + "/" + name.format(newest) + "-120000000.csv");
      Arrays.sort(full);
      Arrays.sort(incremental);
      System.out.printf("listing cost per poll, %d date folders (local store): full %.1f ms (%d files),"
              + " from the newest date folder %.2f ms (%d files); medians of %d, load average %.2f%n", FOLDERS,
          full[full.length / 2] / 1e6, FOLDERS + 1, incremental[incremental.length / 2] / 1e6, 2, full.length,
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      assertThat(incremental[incremental.length / 2]).isLessThan(full[full.length / 2]);
    }
  }
}
