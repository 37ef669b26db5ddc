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
import io.lakesmith.cdc.internal.source.LocalStoreTest;
import static io.lakesmith.cdc.internal.source.DmsFixtures.file;
import static io.lakesmith.cdc.internal.source.DmsFixtures.readAll;
import static io.lakesmith.cdc.internal.source.DmsFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsFixtures;
import io.lakesmith.cdc.internal.source.DmsTableId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReadingTest extends LocalStoreTest {
  private static final DmsTableId EMP = DmsTableId.of("hr", "employees");
  private static final ExpectedColumns COLS = ExpectedColumns.of(List.of("ID", "NAME", "NOTE"));


  private DmsFile put(String relative, String content) {
    write(store, root, relative, content);
    return file(store, root, relative);
  }

  private static DmsFormat csv(CsvOptions.Builder options) {
    return DmsFormat.builder().csv(options.build()).build();
  }

  @Test
  void headerRowSuppliesColumnsAndOp() {
    DmsFile cdc = put("hr/employees/20250101-120000000.csv", "Op,ID,NAME\nI,1,Ann\nU,1,Anne\nD,1,Anne\n");
    DmsFile load = put("hr/employees/LOAD00000001.csv", "ID,NAME\n1,Ann\n");
    DmsFormat format = csv(CsvOptions.builder().header(HeaderMode.PRESENT));

    List<DmsRow> changes = readAll(store, cdc, format, ExpectedColumns.none());
    List<DmsRow> loads = readAll(store, load, format, ExpectedColumns.none());

    assertThat(changes).extracting(DmsRow::op).containsExactly(DmsOp.INSERT, DmsOp.UPDATE, DmsOp.DELETE);
    assertThat(changes).extracting(DmsRow::line).containsExactly(2L, 3L, 4L);
    assertThat(changes.get(1).columns().names()).containsExactly("ID", "NAME");
    assertThat(changes.get(1).values()).containsExactly("1", "Anne");
    assertThat(changes.get(1).value("name")).isEqualTo("Anne");
    assertThat(changes.get(0).columns().fieldNumber(1)).isEqualTo(3); // NAME is field 3 after Op
    assertThat(changes).allSatisfy(r -> {
      assertThat(r.error()).isEmpty();
      assertThat(r.table()).isEqualTo(EMP);
      assertThat(r.fileKey()).isEqualTo(cdc.key());
    });
    assertThat(loads).singleElement().satisfies(r -> {
      assertThat(r.op()).isEqualTo(DmsOp.LOAD);
      assertThat(r.line()).isEqualTo(2);
      assertThat(r.columns().leadingFields()).isZero();
    });
  }

  @Test
  void withoutHeaderColumnsComeFromTheSpecAndOpFromTheFormat() {
    DmsFile load = put("hr/employees/LOAD00000001.csv", "1,Ann,x\n2,Bob,y\n");
    DmsFile loadWithOp = put("hr/employees/LOAD00000002.csv", "I,3,Cy,z\n");
    DmsFile cdc = put("hr/employees/20250101-120000000.csv", "U,1,Ann,w\n");
    DmsFile insertsOnly = put("hr/employees/20250101-120001000.csv", "4,Dee,v\n");

    assertThat(readAll(store, load, DmsFormat.defaults(), COLS)).extracting(DmsRow::op, DmsRow::line)
        .containsExactly(tuple(DmsOp.LOAD, 1L), tuple(DmsOp.LOAD, 2L));
    assertThat(readAll(store, load, DmsFormat.defaults(), COLS).get(1).values()).containsExactly("2", "Bob", "y");
    List<DmsRow> withOp = readAll(store, loadWithOp, DmsFormat.builder().includeOpForFullLoad(true).build(), COLS);
    assertThat(withOp.get(0).op()).isEqualTo(DmsOp.INSERT);
    assertThat(withOp.get(0).values()).containsExactly("3", "Cy", "z");
    assertThat(readAll(store, cdc, DmsFormat.defaults(), COLS).get(0).op()).isEqualTo(DmsOp.UPDATE);
    DmsRow inserted = readAll(store, insertsOnly, DmsFormat.builder().cdcIncludesOp(false).build(), COLS).get(0);
    assertThat(inserted.op()).isEqualTo(DmsOp.INSERT);
    assertThat(inserted.values()).containsExactly("4", "Dee", "v");
    // An expected list starting with Op says the file has it, whatever the flags.
    DmsRow explicit = readAll(store, loadWithOp, DmsFormat.defaults(),
        ExpectedColumns.of(List.of("Op", "ID", "NAME", "NOTE"))).get(0);
    assertThat(explicit.op()).isEqualTo(DmsOp.INSERT);
    assertThat(explicit.columns().names()).containsExactly("ID", "NAME", "NOTE");
  }

  @Test
  void headerDetectionMatchesTheFirstRowAgainstExpectedColumns() {
    DmsFile withHeader = put("hr/employees/20250101-120000000.csv", "Op,id,name,note\nI,1,Ann,x\n");
    DmsFile withoutHeader = put("hr/employees/20250101-120001000.csv", "I,2,Bob,y\n");
    DmsFormat detect = csv(CsvOptions.builder().header(HeaderMode.DETECT));

    List<DmsRow> a = readAll(store, withHeader, detect, COLS);
    List<DmsRow> b = readAll(store, withoutHeader, detect, COLS);

    assertThat(a).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(2);
      assertThat(r.columns().names()).containsExactly("id", "name", "note");
      assertThat(r.values()).containsExactly("1", "Ann", "x");
    });
    assertThat(b).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(1);
      assertThat(r.columns().names()).containsExactly("ID", "NAME", "NOTE");
      assertThat(r.values()).containsExactly("2", "Bob", "y");
    });
  }

  @Test
  void headerDetectionToleratesColumnsAddedOrDroppedByDdl() {
    DmsFile added = put("hr/employees/20250101-120000000.csv", "Op,id,name,note,bonus\nI,1,Ann,x,5\n");
    DmsFile dropped = put("hr/employees/20250101-120001000.csv", "Op,id,note\nI,2,y\n");
    DmsFormat detect = csv(CsvOptions.builder().header(HeaderMode.DETECT));

    assertThat(readAll(store, added, detect, COLS)).singleElement()
        .satisfies(r -> assertThat(r.columns().names()).containsExactly("id", "name", "note", "bonus"));
    assertThat(readAll(store, dropped, detect, COLS)).singleElement()
        .satisfies(r -> assertThat(r.columns().names()).containsExactly("id", "note"));
    assertThat(CsvRowReader.isHeader(new String[] {"I", "1", "Ann", "x"}, List.of("ID", "NAME", "NOTE"))).isFalse();
    assertThat(CsvRowReader.isHeader(new String[] {"id", "id"}, List.of("ID", "NAME"))).isFalse();
    assertThat(CsvRowReader.isHeader(new String[] {"x", "y", "z", "id"}, List.of("ID", "NAME"))).isFalse();
  }

  @Test
  void customDelimitersAndQuoteChar() {
    DmsFile pipes = put("hr/employees/20250101-120000000.csv", "I|1|'a|b'|c\n");
    DmsFile tabs = put("hr/employees/20250101-120001000.csv", "I\t2\tx y\t\n");
    DmsFile multi = put("hr/employees/20250101-120002000.csv", "I::3::p:q::r\n");

    DmsRow p = readAll(store, pipes, csv(CsvOptions.builder().delimiter('|').quoteChar('\'')), COLS).get(0);
    DmsRow t = readAll(store, tabs, csv(CsvOptions.builder().delimiter('\t')), COLS).get(0);
    DmsRow m = readAll(store, multi, csv(CsvOptions.builder().delimiter("::")), COLS).get(0);

    assertThat(p.values()).containsExactly("1", "a|b", "c");
    assertThat(t.values()).containsExactly("2", "x y", null);
    assertThat(m.values()).containsExactly("3", "p:q", "r");
  }

  @Test
  void nullTokenEmptyStringsAndQuotedTokens() {
    DmsFile f = put("hr/employees/20250101-120000000.csv", "I,1,,\"\"\nI,2,NULL,\"NULL\"\n");

    List<DmsRow> byDefault = readAll(store, f, DmsFormat.defaults(), COLS);
    List<DmsRow> withToken = readAll(store, f, csv(CsvOptions.builder().nullValue("NULL")), COLS);

    // default CsvNullValue: an unquoted empty field is NULL, a quoted one the empty string
    assertThat(byDefault.get(0).values()).containsExactly("1", null, "");
    assertThat(byDefault.get(1).values()).containsExactly("2", "NULL", "NULL");
    // CsvNullValue=NULL: the unquoted token is NULL, an empty field is the empty string, a quoted token is text
    assertThat(withToken.get(0).values()).containsExactly("1", "", "");
    assertThat(withToken.get(1).values()).containsExactly("2", null, "NULL");
    assertThat(withToken.get(1).isNull(1)).isTrue();
  }

  @Test
  void csvNoSupValueIsDistinctFromNull() {
    DmsFile f = put("hr/employees/20250101-120000000.csv", "U,1,#NS#,\nU,2,\"#NS#\",#NS#\n");

    List<DmsRow> rows = readAll(store, f, csv(CsvOptions.builder().noSupValue("#NS#")), COLS);

    assertThat(rows.get(0).value(1)).isSameAs(DmsRow.NOT_SUPPLIED);
    assertThat(rows.get(0).isNotSupplied(1)).isTrue();
    assertThat(rows.get(0).isNull(1)).isFalse();
    assertThat(rows.get(0).value(2)).isNull();
    assertThat(rows.get(0).isNotSupplied(2)).isFalse();
    assertThat(rows.get(1).value(1)).isEqualTo("#NS#");
    assertThat(rows.get(1).isNotSupplied(2)).isTrue();
    assertThatThrownBy(() -> CsvOptions.builder().noSupValue("").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rfc4180QuotingWithEmbeddedDelimitersQuotesAndNewlinesKeepsLineNumbers() {
    String content = "Op,ID,NAME,NOTE\n"
        + "I,1,\"Smith, Bob\",\"He said \"\"hi\"\"\"\n"      // line 2
        + "I,2,\"two\nlines\",\"three\r\nline\nnote\"\n"     // lines 3-6
        + "I,3,plain,\"\"\n"                                 // line 7
        + "U,4,\"\"\"quoted\"\"\",\",\"\r\n"                 // line 8, CRLF row end
        + "D,5,last,x";                                      // line 9, no final newline
    DmsFile f = put("hr/employees/20250101-120000000.csv", content);

    List<DmsRow> rows = readAll(store, f, csv(CsvOptions.builder().header(HeaderMode.PRESENT)), ExpectedColumns.none());

    assertThat(rows).extracting(DmsRow::line).containsExactly(2L, 3L, 7L, 8L, 9L);
    assertThat(rows.get(0).values()).containsExactly("1", "Smith, Bob", "He said \"hi\"");
    assertThat(rows.get(1).values()).containsExactly("2", "two\nlines", "three\r\nline\nnote");
    assertThat(rows.get(2).values()).containsExactly("3", "plain", "");
    assertThat(rows.get(3).values()).containsExactly("4", "\"quoted\"", ",");
    assertThat(rows.get(4).values()).containsExactly("5", "last", "x");
    assertThat(rows).allSatisfy(r -> assertThat(r.error()).isEmpty());
  }

  @Test
  void gzipCsvIsReadAndMislabeledCompressionIsRejected() {
    DmsFixtures.writeGzip(store, root, "hr/employees/20250101-120000000.csv.gz", "I,1,Ann,\"multi\nline\"\nD,2,Bob,x\n");
    DmsFixtures.write(store, root, "hr/employees/20250101-120001000.csv.gz", "I,1,Ann,x\n");
    DmsFixtures.writeGzip(store, root, "hr/employees/20250101-120002000.csv", "I,1,Ann,x\n");

    List<DmsRow> rows = readAll(store, file(store, root, "hr/employees/20250101-120000000.csv.gz"),
        DmsFormat.defaults(), COLS);
    assertThat(rows).extracting(DmsRow::line).containsExactly(1L, 3L);
    assertThat(rows.get(0).values()).containsExactly("1", "Ann", "multi\nline");

    // mislabeled compression: the file's only row is the error, never a silently empty file
    DmsFile notGzip = file(store, root, "hr/employees/20250101-120001000.csv.gz");
    assertThat(readAll(store, notGzip, DmsFormat.defaults(), COLS)).singleElement()
        .satisfies(r -> assertThat(r.error()).hasValueSatisfying(e -> {
          assertThat(e.kind()).isEqualTo(RowError.Kind.UNREADABLE);
          assertThat(e.fileKey()).isEqualTo(notGzip.key());
          assertThat(e.reason()).contains("magic");
        }));
    DmsFile hiddenGzip = file(store, root, "hr/employees/20250101-120002000.csv");
    assertThat(readAll(store, hiddenGzip, DmsFormat.defaults(), COLS)).singleElement()
        .satisfies(r -> assertThat(r.error().get().reason()).contains("gzip content"));
  }

  @Test
  void wrongColumnCountAndUnknownOpAreRowErrorsAndReadingGoesOn() {
    DmsFile f = put("hr/employees/20250101-120000000.csv", "I,1,Ann,x\nI,2,Bob\nX,3,Cy,z\nI,4,\"a\nb\",c,extra\n\nD,5,Di,q\n");

    List<DmsRow> rows = readAll(store, f, DmsFormat.defaults(), COLS);

    assertThat(rows).extracting(DmsRow::line).containsExactly(1L, 2L, 3L, 4L, 6L, 7L);
    assertThat(rows.get(0).error()).isEmpty();
    assertThat(rows.get(1).error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(RowError.Kind.COLUMN_COUNT);
      assertThat(e.fileKey()).isEqualTo(f.key());
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.reason()).contains("has 3 fields, expected 4");
    });
    assertThat(rows.get(1).values()).containsExactly("2", "Bob");
    assertThat(rows.get(2).error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(RowError.Kind.UNKNOWN_OP);
      assertThat(e.reason()).contains("'X'");
    });
    assertThat(rows.get(2).op()).isNull();
    assertThat(rows.get(3).error()).hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(RowError.Kind.COLUMN_COUNT));
    assertThat(rows.get(4).error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(RowError.Kind.COLUMN_COUNT); // a blank line is a record, not silently skipped
      assertThat(e.line()).isEqualTo(6);
    });
    assertThat(rows.get(5).error()).isEmpty();
    assertThat(rows.get(5).op()).isEqualTo(DmsOp.DELETE);
    assertThatThrownBy(() -> rows.get(1).checkValid()).isInstanceOf(DmsRowException.class)
        .hasMessageContaining(f.key() + " line 2");
  }

  @Test
  void updatesInFullLoadFilesAreRejected() {
    DmsFile f = put("hr/employees/LOAD00000001.csv", "I,1,Ann,x\nU,1,Ann,y\n");

    List<DmsRow> rows = readAll(store, f, DmsFormat.builder().includeOpForFullLoad(true).build(), COLS);

    assertThat(rows.get(0).op()).isEqualTo(DmsOp.INSERT);
    assertThat(rows.get(1).error()).hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(RowError.Kind.UNKNOWN_OP));
  }

  @Test
  void unknownColumnNamesFailTheFile() {
    DmsFile f = put("hr/employees/LOAD00000001.csv", "1,Ann,x\n");

    assertThatThrownBy(() -> DmsReaders.open(store, f, DmsFormat.defaults(), ExpectedColumns.none()))
        .isInstanceOf(DmsReadException.class).hasMessageContaining(f.key()).hasMessageContaining("declare the columns");
    assertThatThrownBy(() -> DmsReaders.openTable(store, f, DmsFormat.defaults(), DmsTableId.of("hr", "other"),
        List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyFilesHaveNoRows() {
    DmsFile empty = put("hr/employees/LOAD00000001.csv", "");
    DmsFile headerOnly = put("hr/employees/LOAD00000002.csv", "ID,NAME,NOTE\n");

    assertThat(readAll(store, empty, DmsFormat.defaults(), COLS)).isEmpty();
    assertThat(readAll(store, headerOnly, csv(CsvOptions.builder().header(HeaderMode.PRESENT)), COLS)).isEmpty();
  }

  @Test
  void largeFilesStreamRowByRowWithLineNumbers() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      sb.append("I,").append(i).append(",name").append(i).append(",note\n");
    }
    DmsFile f = put("hr/employees/20250101-120000000.csv", sb.toString());
    try (DmsRowReader r = DmsReaders.open(store, f, DmsFormat.defaults(), COLS)) {
      assertThat(r.next().values()).containsExactly("0", "name0", "note");
    }
    long count = 0;
    try (DmsRowReader r = DmsReaders.open(store, f, DmsFormat.defaults(), COLS)) {
      while (r.hasNext()) {
        DmsRow row = r.next();
        count++;
        assertThat(row.line()).isEqualTo(count);
      }
    }
    assertThat(count).isEqualTo(200_000);
  }
}
