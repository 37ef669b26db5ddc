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

package io.lakesmith.catalog;

import com.google.common.base.Preconditions;
import io.lakesmith.core.table.ColumnType;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A column as the Glue Data Catalog stores it: a name, a Hive type in Glue's canonical form (lower case, no
 * spaces: {@code bigint}, {@code decimal(10,2)}, {@code array<struct<a:int,b:string>>}) and an optional comment.
 * Immutable.
 */
public final class CatalogColumn {

  private final String name;
  private final HiveType type;
  private final String comment;

  private CatalogColumn(String name, HiveType type, String comment) {
    Preconditions.checkArgument(name != null && !name.isBlank(), "column name must not be blank");
    this.name = name;
    this.type = Preconditions.checkNotNull(type, "type");
    this.comment = comment == null || comment.isEmpty() ? null : comment;
  }

  /** A column of a Hive type given as text ({@code "map<string,array<int>>"}); throws when it does not parse. */
  public static CatalogColumn of(String name, String hiveType) {
    return new CatalogColumn(name, HiveType.parse(hiveType), null);
  }

  /** A column of a Lakesmith column type (int, bigint, decimal(p,s), timestamp, ...). */
  public static CatalogColumn of(String name, ColumnType type) {
    return new CatalogColumn(name, AvroTypes.toHive(type.toAvro()), null);
  }

  /**
   * A column of an Avro type, mapped as parquet-avro writes it: nullable unions unwrapped, enum -> string,
   * fixed -> binary, logical types (decimal, date, timestamp-millis/micros) to their Hive types, records to
   * structs, nesting kept. The field's doc becomes the comment.
   */
  public static CatalogColumn fromAvro(Schema.Field field) {
    return new CatalogColumn(field.name(), AvroTypes.toHive(field.schema()), field.doc());
  }

  static CatalogColumn of(String name, HiveType type, String comment) {
    return new CatalogColumn(name, type, comment);
  }

  public CatalogColumn withComment(String newComment) {
    return new CatalogColumn(name, type, newComment);
  }

  public String name() {
    return name;
  }

  /** The Hive type in Glue's canonical form. */
  public String type() {
    return type.toString();
  }

  HiveType hiveType() {
    return type;
  }

  public Optional<String> comment() {
    return Optional.ofNullable(comment);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CatalogColumn)) {
      return false;
    }
    CatalogColumn c = (CatalogColumn) o;
    return name.equals(c.name) && type.equals(c.type) && Objects.equals(comment, c.comment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, comment);
  }

  @Override
  public String toString() {
    return name + " " + type + (comment == null ? "" : " comment '" + comment + "'");
  }
}
