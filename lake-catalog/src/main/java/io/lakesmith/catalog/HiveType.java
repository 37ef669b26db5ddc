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
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Hive/Glue column type as a tree: primitives, {@code decimal(p,s)}, {@code char(n)/varchar(n)},
 * {@code array<T>}, {@code map<K,V>} and {@code struct<name:T,...>}. Parses what Glue, Athena and Hive write
 * (any case, spaces, back-ticked struct field names) and prints the canonical form Glue stores and Hudi's sync
 * writes: lower case, no spaces, no back-ticks ({@code struct<a:int,b:array<string>>}).
 */
final class HiveType {

  enum Kind { PRIMITIVE, DECIMAL, ARRAY, MAP, STRUCT }

  static final HiveType BOOLEAN = primitive("boolean");
  static final HiveType INT = primitive("int");
  static final HiveType BIGINT = primitive("bigint");
  static final HiveType FLOAT = primitive("float");
  static final HiveType DOUBLE = primitive("double");
  static final HiveType STRING = primitive("string");
  static final HiveType BINARY = primitive("binary");
  static final HiveType DATE = primitive("date");
  static final HiveType TIMESTAMP = primitive("timestamp");

  /** A named member of a struct type. */
  static final class Field {
    final String name;
    final HiveType type;

    Field(String name, HiveType type) {
      this.name = Preconditions.checkNotNull(name);
      this.type = Preconditions.checkNotNull(type);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Field && ((Field) o).name.equalsIgnoreCase(name) && ((Field) o).type.equals(type);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name.toLowerCase(Locale.ROOT), type);
    }
  }

  private final Kind kind;
  private final String name;
  private final int precision;
  private final int scale;
  private final ImmutableList<HiveType> params;
  private final ImmutableList<Field> fields;

  private HiveType(Kind kind, String name, int precision, int scale, List<HiveType> params, List<Field> fields) {
    this.kind = kind;
    this.name = name;
    this.precision = precision;
    this.scale = scale;
    this.params = ImmutableList.copyOf(params);
    this.fields = ImmutableList.copyOf(fields);
  }

  static HiveType primitive(String name) {
    return new HiveType(Kind.PRIMITIVE, name.toLowerCase(Locale.ROOT), 0, 0, List.of(), List.of());
  }

  static HiveType decimal(int precision, int scale) {
    Preconditions.checkArgument(precision >= 1 && precision <= 38, "decimal precision must be 1..38, got %s", precision);
    Preconditions.checkArgument(scale >= 0 && scale <= precision, "decimal scale must be 0..%s, got %s", precision, scale);
    return new HiveType(Kind.DECIMAL, "decimal", precision, scale, List.of(), List.of());
  }

  static HiveType array(HiveType element) {
    return new HiveType(Kind.ARRAY, "array", 0, 0, List.of(element), List.of());
  }

  static HiveType map(HiveType key, HiveType value) {
    return new HiveType(Kind.MAP, "map", 0, 0, List.of(key, value), List.of());
  }

  static HiveType struct(List<Field> fields) {
    Preconditions.checkArgument(!fields.isEmpty(), "a struct type needs at least one field");
    return new HiveType(Kind.STRUCT, "struct", 0, 0, List.of(), fields);
  }

  Kind kind() {
    return kind;
  }

  /** The primitive's name ({@code int}, {@code varchar(10)}, ...), or the constructor for complex types. */
  String name() {
    return name;
  }

  int precision() {
    return precision;
  }

  int scale() {
    return scale;
  }

  HiveType elementType() {
    Preconditions.checkState(kind == Kind.ARRAY, "%s is not an array", this);
    return params.get(0);
  }

  HiveType keyType() {
    Preconditions.checkState(kind == Kind.MAP, "%s is not a map", this);
    return params.get(0);
  }

  HiveType valueType() {
    Preconditions.checkState(kind == Kind.MAP, "%s is not a map", this);
    return params.get(1);
  }

  List<Field> fields() {
    return fields;
  }

  /** Parses a Hive type string; throws {@link IllegalArgumentException} naming the text when it is not one. */
  static HiveType parse(String text) {
    Preconditions.checkArgument(text != null && !text.isBlank(), "column type must not be blank");
    Parser p = new Parser(text);
    HiveType t = p.type();
    p.skipSpaces();
    if (p.pos != text.length()) {
      throw p.error("unexpected text");
    }
    return t;
  }

  /**
   * Whether a column of this type may be changed to {@code target} without losing values already written:
   * identity, {@code tinyint->smallint->int->bigint}, {@code float->double}, {@code tinyint/smallint/int->double},
   * integers to a decimal with enough integer digits, {@code decimal(p,s)->decimal(p',s')} with {@code s'>=s} and
   * {@code p'-s'>=p-s}, {@code varchar(n)->varchar(m>=n)}, {@code char/varchar->string}; struct fields widened in
   * place or appended at the end, array elements and map values widened.
   */
  boolean canWidenTo(HiveType target) {
    return widenProblem(target).isEmpty();
  }

  /** Why this type cannot be widened to {@code target}, or empty when it can. */
  Optional<String> widenProblem(HiveType target) {
    if (equals(target)) {
      return Optional.empty();
    }
    switch (kind) {
      case PRIMITIVE:
        if (target.kind == Kind.PRIMITIVE && primitiveWidens(name, target.name)) {
          return Optional.empty();
        }
        if (target.kind == Kind.DECIMAL) {
          int digits = integerDigits(name);
          if (digits > 0 && target.precision - target.scale >= digits) {
            return Optional.empty();
          }
        }
        return Optional.of(this + " cannot hold as " + target);
      case DECIMAL:
        if (target.kind == Kind.DECIMAL && target.scale >= scale && target.precision - target.scale >= precision - scale) {
          return Optional.empty();
        }
        if (target.kind == Kind.PRIMITIVE && target.name.equals("string")) {
          return Optional.empty();
        }
        return Optional.of(this + " cannot be changed to " + target + " without losing digits");
      case ARRAY:
        if (target.kind != Kind.ARRAY) {
          return Optional.of(this + " is not " + target);
        }
        return elementType().widenProblem(target.elementType()).map(w -> "array element: " + w);
      case MAP:
        if (target.kind != Kind.MAP) {
          return Optional.of(this + " is not " + target);
        }
        if (!keyType().equals(target.keyType())) {
          return Optional.of("map key " + keyType() + " is not " + target.keyType());
        }
        return valueType().widenProblem(target.valueType()).map(w -> "map value: " + w);
      case STRUCT:
        if (target.kind != Kind.STRUCT) {
          return Optional.of(this + " is not " + target);
        }
        for (Field f : fields) {
          Field t = target.field(f.name);
          if (t == null) {
            return Optional.of("struct field '" + f.name + "' would be removed");
          }
          Optional<String> inner = f.type.widenProblem(t.type);
          if (inner.isPresent()) {
            return Optional.of("struct field '" + f.name + "': " + inner.get());
          }
        }
        // fields must stay in their positions (Hive reads structs of text formats by position); new ones go last
        for (int i = 0; i < fields.size(); i++) {
          if (!target.fields.get(i).name.equalsIgnoreCase(fields.get(i).name)) {
            return Optional.of("struct field '" + fields.get(i).name + "' moved; new fields may only be appended");
          }
        }
        return Optional.empty();
      default:
        throw new AssertionError(kind);
    }
  }

  private Field field(String fieldName) {
    for (Field f : fields) {
      if (f.name.equalsIgnoreCase(fieldName)) {
        return f;
      }
    }
    return null;
  }

  private static final List<String> INTEGRALS = List.of("tinyint", "smallint", "int", "bigint");

  private static boolean primitiveWidens(String from, String to) {
    int fi = INTEGRALS.indexOf(from);
    int ti = INTEGRALS.indexOf(to);
    if (fi >= 0 && ti >= 0) {
      return ti >= fi;
    }
    if (fi >= 0 && fi <= 2 && to.equals("double")) {
      return true; // up to 32-bit integers fit a double exactly
    }
    if (from.equals("float") && to.equals("double")) {
      return true;
    }
    if ((from.startsWith("varchar(") || from.startsWith("char(")) && to.equals("string")) {
      return true;
    }
    if (from.startsWith("varchar(") && to.startsWith("varchar(")) {
      return length(to) >= length(from);
    }
    return from.equals(to);
  }

  private static int integerDigits(String primitive) {
    switch (primitive) {
      case "tinyint": return 3;
      case "smallint": return 5;
      case "int": return 10;
      case "bigint": return 19;
      default: return -1;
    }
  }

  private static int length(String charType) {
    return Integer.parseInt(charType.substring(charType.indexOf('(') + 1, charType.indexOf(')')).trim());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HiveType)) {
      return false;
    }
    HiveType t = (HiveType) o;
    return kind == t.kind && name.equals(t.name) && precision == t.precision && scale == t.scale
        && params.equals(t.params) && fields.equals(t.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, precision, scale, params, fields);
  }

  /** The canonical Glue form. */
  @Override
  public String toString() {
    switch (kind) {
      case PRIMITIVE: return name;
      case DECIMAL: return "decimal(" + precision + "," + scale + ")";
      case ARRAY: return "array<" + params.get(0) + ">";
      case MAP: return "map<" + params.get(0) + "," + params.get(1) + ">";
      case STRUCT: {
        StringBuilder sb = new StringBuilder("struct<");
        for (int i = 0; i < fields.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          sb.append(fields.get(i).name).append(':').append(fields.get(i).type);
        }
        return sb.append('>').toString();
      }
      default: throw new AssertionError(kind);
    }
  }

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("bad column type '" + text + "': " + what + " at position " + pos);
    }

    void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    void expect(char c) {
      skipSpaces();
      if (pos >= text.length() || text.charAt(pos) != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    boolean peek(char c) {
      skipSpaces();
      return pos < text.length() && text.charAt(pos) == c;
    }

    String word() {
      skipSpaces();
      int start = pos;
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos) {
        throw error("expected a type name");
      }
      return text.substring(start, pos).toLowerCase(Locale.ROOT);
    }

    String fieldName() {
      skipSpaces();
      if (peek('`')) {
        pos++;
        int end = text.indexOf('`', pos);
        if (end < 0) {
          throw error("unclosed back-tick");
        }
        String n = text.substring(pos, end);
        pos = end + 1;
        return n;
      }
      int start = pos;
      while (pos < text.length() && text.charAt(pos) != ':' && !Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw error("expected a struct field name");
      }
      return text.substring(start, pos);
    }

    int number() {
      skipSpaces();
      int start = pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw error("expected a number");
      }
      return Integer.parseInt(text.substring(start, pos));
    }

    HiveType type() {
      String w = word();
      switch (w) {
        case "array": {
          expect('<');
          HiveType e = type();
          expect('>');
          return array(e);
        }
        case "map": {
          expect('<');
          HiveType k = type();
          expect(',');
          HiveType v = type();
          expect('>');
          return map(k, v);
        }
        case "struct": {
          expect('<');
          List<Field> fs = new ArrayList<>();
          if (!peek('>')) {
            do {
              String n = fieldName();
              expect(':');
              fs.add(new Field(n, type()));
            } while (consume(','));
          }
          expect('>');
          return struct(fs);
        }
        case "decimal": case "numeric": {
          if (!peek('(')) {
            return decimal(10, 0); // Hive's default
          }
          expect('(');
          int p = number();
          int s = 0;
          if (consume(',')) {
            s = number();
          }
          expect(')');
          return decimal(p, s);
        }
        case "char": case "varchar": {
          expect('(');
          int n = number();
          expect(')');
          return primitive(w + "(" + n + ")");
        }
        case "integer": return INT;
        case "long": return BIGINT;
        case "short": return primitive("smallint");
        case "byte": return primitive("tinyint");
        case "real": return FLOAT;
        case "boolean": case "tinyint": case "smallint": case "int": case "bigint": case "float": case "double":
        case "string": case "binary": case "date": case "timestamp": case "interval_year_month":
        case "interval_day_time": case "void":
          return primitive(w);
        default:
          throw error("unknown type '" + w + "'");
      }
    }

    boolean consume(char c) {
      if (peek(c)) {
        pos++;
        return true;
      }
      return false;
    }
  }
}
