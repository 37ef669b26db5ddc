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

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Decodes a byte stream like {@link java.io.InputStreamReader}, but never hides damage: the decoder runs with
 * {@link CodingErrorAction#REPORT}, and each malformed or unmappable byte sequence becomes one U+FFFD in the text
 * plus a {@link Mark} with its byte offset and bytes. A leading byte order mark is dropped.
 *
 * <p>A consumer meets the suspicious characters (U+FFFD and U+0000) in text order; every one of them the decoder
 * emits, genuine or not, is queued as a mark in the same order, so {@link #nextMark()} tells for each one it meets
 * whether it is damage, and where in the byte stream it is. Not thread-safe.
 */
final class ReportingDecoder extends Reader {

  static final char REPLACEMENT = '\uFFFD';
  static final char NUL = '\u0000';

  /** One U+FFFD or U+0000 in the decoded text: genuine text, or damage at a byte offset. */
  static final class Mark {
    final long byteOffset;
    final String problem;

    private Mark(long byteOffset, String problem) {
      this.byteOffset = byteOffset;
      this.problem = problem;
    }

    /** Null for a genuine character, else what is wrong ("invalid UTF-8 bytes C3 28", "NUL byte"). */
    String problem() {
      return problem;
    }

    long byteOffset() {
      return byteOffset;
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final String charsetName;
  private final boolean nulIsOneZeroByte;
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
  private final ArrayDeque<Mark> marks = new ArrayDeque<>();
  private long consumed;
  private boolean eof;
  private boolean done;
  private boolean start = true;
  private char last;
  private boolean any;

  ReportingDecoder(InputStream in, Charset charset) {
    this.in = in;
    this.charsetName = charset.name();
    this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    // in UTF-8 and the single-byte charsets a 0x00 byte is NUL and nothing else, so it can be found in the bytes
    this.nulIsOneZeroByte = java.util.Arrays.equals("\0a".getBytes(charset), new byte[] {0, 'a'});
    bytes.flip();
  }

  /** Whether any U+FFFD or U+0000 was emitted and not yet taken with {@link #nextMark()}. */
  boolean hasMarks() {
    return !marks.isEmpty();
  }

  /** The mark of the next U+FFFD or U+0000 in text order; null when there is none. */
  Mark nextMark() {
    return marks.poll();
  }

  /** Whether the text so far is empty or ends with a line break. */
  boolean endsWithLineBreak() {
    return !any || last == '\n' || last == '\r';
  }

  /** Bytes decoded so far (after decompression). */
  long bytesRead() {
    return consumed;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (out.position() == off && !done) {
      if (!bytes.hasRemaining() && !eof) {
        fill();
        continue;
      }
      int limit = bytes.limit();
      int nul = nulIsOneZeroByte ? indexOfZero(bytes.position(), limit) : -1;
      if (nul >= 0) {
        bytes.limit(nul); // decode up to the NUL, then report it with its exact offset
      }
      int before = out.position();
      int from = bytes.position();
      CoderResult r = decoder.decode(bytes, out, eof && nul < 0);
      consumed += bytes.position() - from;
      bytes.limit(limit);
      if (start && out.position() > before) {
        start = false;
        if (cbuf[before] == '\uFEFF') {
          // a byte order mark is not data: drop it so the first header name or value is clean
          System.arraycopy(cbuf, before + 1, cbuf, before, out.position() - before - 1);
          out.position(out.position() - 1);
        }
      }
      note(cbuf, before, out.position());
      if (r.isOverflow() || (r.isError() || nul >= 0) && !out.hasRemaining()) {
        break;
      }
      if (r.isError()) {
        damage(out, r.length(), (r.isMalformed() ? "invalid " : "unmappable ") + charsetName);
      } else if (nul >= 0) {
        if (bytes.position() < nul) {
          damage(out, nul - bytes.position(), "invalid " + charsetName); // a sequence cut short by the NUL
        } else {
          marks.add(new Mark(consumed, "NUL byte 0x00 (not text)"));
          bytes.get();
          consumed++;
          emit(out, NUL);
        }
      } else if (eof) {
        if (decoder.flush(out).isOverflow()) {
          break;
        }
        done = true;
      } else if (out.position() == off) {
        // read more only when nothing was decoded: a read that fails (truncated gzip) must not lose decoded text
        fill();
      }
    }
    int n = out.position() - off;
    return n == 0 && done ? -1 : n;
  }

  private void damage(CharBuffer out, int length, String what) {
    byte[] bad = new byte[length];
    bytes.get(bad);
    marks.add(new Mark(consumed, what + " byte" + (bad.length == 1 ? " " : "s ") + hex(bad)));
    consumed += bad.length;
    emit(out, REPLACEMENT);
  }

  private void emit(CharBuffer out, char c) {
    out.put(c);
    last = c;
    any = true;
    start = false;
  }

  private int indexOfZero(int from, int to) {
    byte[] a = bytes.array();
    for (int i = from; i < to; i++) {
      if (a[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Queues a mark for each U+FFFD (genuine) and, in multi-byte charsets, U+0000 among the characters just decoded. */
  private void note(char[] cbuf, int from, int to) {
    for (int i = from; i < to; i++) {
      if (cbuf[i] == REPLACEMENT) {
        marks.add(new Mark(consumed, null));
      } else if (cbuf[i] == NUL) {
        marks.add(new Mark(consumed, "NUL character U+0000 (not text)"));
      }
    }
    if (to > from) {
      last = cbuf[to - 1];
      any = true;
    }
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(String.format(Locale.ROOT, "%02X", x & 0xff));
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
