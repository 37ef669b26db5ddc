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

package io.lakesmith.cdc.internal.source.read;

import io.lakesmith.cdc.CsvOptions;
import io.lakesmith.cdc.DmsFormat;
import io.lakesmith.cdc.HeaderMode;
import io.lakesmith.cdc.RowError;
import static io.lakesmith.cdc.internal.source.DmsFixtures.file;
import static io.lakesmith.cdc.internal.source.DmsFixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsFixtures;
import io.lakesmith.cdc.internal.source.LocalStoreTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Damaged CSV content is reported where it is, never replaced, swallowed or guessed around. */
class CsvDamageTest extends LocalStoreTest {
  private static final ExpectedColumns COLS = ExpectedColumns.of(List.of("ID", "NAME", "NOTE"));
  private static final DmsFormat DETECT = DmsFormat.builder()
      .csv(CsvOptions.builder().header(HeaderMode.DETECT).build()).build();

  private DmsFile put(String relative, byte[] content) {
    DmsFixtures.writeBytes(store, root, relative, content);
    return file(store, root, relative);
  }

  private DmsFile put(String relative, String content) {
    return put(relative, content.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      byte[] b = p instanceof String ? ((String) p).getBytes(StandardCharsets.UTF_8) : (byte[]) p;
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }

  @Test
  void invalidUtf8MakesItsRowAnEncodingErrorWithColumnAndByteOffsetInsteadOfU_FFFD() {
    // "I,2,B" is 5 bytes into line 2 (which starts at byte 10): the bad bytes are at offset 15
    DmsFile f = put("hr/employees/20250101-120000000.csv", bytes("I,1,Ann,x\n", "I,2,B", new byte[] {(byte) 0xC3, 0x28},
        "b,y\n", "I,3,Cy,genuine \uFFFD stays\n"));

    List<DmsRow> rows = readAll(store, f, DmsFormat.defaults(), COLS);

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).error()).isEmpty();
    assertThat(rows.get(1).error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(RowError.Kind.ENCODING);
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.column()).contains("NAME");
      assertThat(e.fieldNumber()).hasValue(3);
      assertThat(e.reason()).contains("invalid UTF-8 byte C3").contains("byte offset 15");
    });
    assertThat(rows.get(2).error()).isEmpty();
    assertThat(rows.get(2).value("NOTE")).isEqualTo("genuine \uFFFD stays");
  }

  @Test
  void nulBytesAreDamageNotText() {
    DmsFile f = put("hr/employees/20250101-120000000.csv", bytes("I,1,Ann,x\n", "I,2,Bo", new byte[] {0}, "b,y\n",
        "D,3,Cy,z\n"));

    List<DmsRow> rows = readAll(store, f, DmsFormat.defaults(), COLS);

    assertThat(rows).extracting(r -> r.error().map(RowError::kind).orElse(null))
        .containsExactly(null, RowError.Kind.ENCODING, null);
    assertThat(rows.get(1).error().get().reason()).contains("NUL").contains("byte offset 16");
  }

  @Test
  void anUnterminatedQuoteEndsTheFileWithOneErrorNamingTheLineWhereItOpened() {
    DmsFile f = put("hr/employees/20250101-120000000.csv",
        "I,1,Ann,\"ok\nmulti\"\nI,2,Bob,\"never closed\nD,1,Ann,x\nD,3,Cy,z\n");

    List<DmsRow> rows = readAll(store, f, DmsFormat.defaults(), COLS);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).error()).isEmpty();
    assertThat(rows.get(1).error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(RowError.Kind.UNREADABLE);
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.column()).contains("NOTE");
      assertThat(e.reason()).contains("unterminated quoted field").contains("line 3");
    });
  }

  @Test
  void aTruncatedGzipEndsWithAnUnreadableRowAfterTheCompleteRows() {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 2000; i++) {
      sb.append("I,").append(i).append(",name").append(i).append(",some note that compresses ").append(i % 7)
          .append('\n');
    }
    byte[] gz = DmsFixtures.gzip(sb.toString().getBytes(StandardCharsets.UTF_8));
    DmsFile f = put("hr/employees/20250101-120000000.csv.gz", Arrays.copyOf(gz, gz.length / 2));

    List<DmsRow> rows = readAll(store, f, DmsFormat.defaults(), COLS);

    DmsRow last = rows.get(rows.size() - 1);
    // every line the truncated stream still holds completely is a row, none is lost at the break
    assertThat(rows.size() - 1).isEqualTo(completeLines(Arrays.copyOf(gz, gz.length / 2)));
    assertThat(rows.subList(0, rows.size() - 1)).allSatisfy(r -> assertThat(r.error()).isEmpty());
    assertThat(last.error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(RowError.Kind.UNREADABLE);
      assertThat(e.line()).isEqualTo(rows.size());
      assertThat(e.reason()).contains("truncated or damaged");
    });
  }

  private static int completeLines(byte[] truncatedGzip) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
        new java.io.ByteArrayInputStream(truncatedGzip))) {
      int b;
      while ((b = in.read()) >= 0) {
        out.write(b);
      }
    } catch (java.io.IOException expected) {
      // the truncation
    }
    int n = 0;
    for (byte b : out.toByteArray()) {
      n += b == '\n' ? 1 : 0;
    }
    return n;
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstName() {
    DmsFile f = put("hr/employees/20250101-120000000.csv", "\uFEFFOp,ID,NAME,NOTE\r\nI,1,Ann,x\r\n");

    assertThat(readAll(store, f, DETECT, ExpectedColumns.none())).singleElement().satisfies(r -> {
      assertThat(r.columns().names()).containsExactly("ID", "NAME", "NOTE");
      assertThat(r.op()).isEqualTo(DmsOp.INSERT);
      assertThat(r.values()).containsExactly("1", "Ann", "x");
    });
  }

  @Test
  void withoutDeclaredColumnsAHeaderIsTakenOnlyOnEvidence() {
    DmsFile headerless = put("hr/employees/20250101-120000000.csv", "U,2,b2\nI,3,c\n");
    DmsFile namesOnly = put("hr/employees/LOAD00000001.csv", "alpha,beta\ngamma,delta\n");
    DmsFile typed = put("hr/employees/LOAD00000002.csv", "ID,NAME\n1,Ann\n");

    assertThatThrownBy(() -> readAll(store, headerless, DETECT, ExpectedColumns.none()))
        .isInstanceOf(DmsReadException.class).hasMessageContaining(headerless.key())
        .hasMessageContaining("no header row").hasMessageContaining("declare the columns");
    assertThatThrownBy(() -> readAll(store, namesOnly, DETECT, ExpectedColumns.none()))
        .isInstanceOf(DmsReadException.class).hasMessageContaining("declare the columns");
    assertThat(readAll(store, typed, DETECT, ExpectedColumns.none())).singleElement()
        .satisfies(r -> assertThat(r.columns().names()).containsExactly("ID", "NAME"));
  }

  @Test
  void aHeaderNamingAColumnTwiceMakesTheFileUnreadable() {
    DmsFile f = put("hr/employees/20250101-120000000.csv", "Op,ID,NAME,NAME\nI,1,Ann,x\n");

    assertThat(readAll(store, f, DETECT, COLS)).singleElement().satisfies(r -> {
      assertThat(r.error().get().kind()).isEqualTo(RowError.Kind.UNREADABLE);
      assertThat(r.error().get().reason()).contains("'NAME' twice (fields 3 and 4)");
    });
  }

  @Test
  void aCdcFileWithoutOpIsAnErrorUnlessTheTableIsInsertsOnly() {
    DmsFile f = put("hr/employees/20250101-120000000.csv", "ID,NAME,NOTE\n1,Ann,x\n");

    assertThatThrownBy(() -> readAll(store, f, DETECT, COLS)).isInstanceOf(DmsReadException.class)
        .hasMessageContaining(f.key()).hasMessageContaining("without an Op column");
    DmsFormat insertsOnly = DETECT.toBuilder().cdcInsertsOnly(true).build();
    assertThat(readAll(store, f, insertsOnly, COLS)).singleElement()
        .satisfies(r -> assertThat(r.op()).isEqualTo(DmsOp.INSERT));
  }
}
