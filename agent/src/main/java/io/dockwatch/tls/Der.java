package io.dockwatch.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough ASN.1 DER to unwrap and rewrap private keys: reading the elements of a SEQUENCE,
 * writing a SEQUENCE of already encoded parts, and naming object identifiers. Malformed input
 * throws {@link IllegalArgumentException}.
 */
final class Der {
  static final int INTEGER = 0x02;
  static final int OCTET_STRING = 0x04;
  static final int OBJECT_IDENTIFIER = 0x06;
  static final int SEQUENCE = 0x30;
  static final int CONTEXT_0 = 0xa0;

  private Der() {}

  /** One element: its tag, its content, and its whole encoding (tag, length and content). */
  record Element(int tag, byte[] content, byte[] encoded) {}

  /** The elements inside a SEQUENCE that makes up the whole of {@code der}. */
  static List<Element> sequence(byte[] der) {
    List<Element> outer = elements(der);
    if (outer.size() != 1 || outer.get(0).tag() != SEQUENCE) {
      throw new IllegalArgumentException("not a DER SEQUENCE");
    }
    return elements(outer.get(0).content());
  }

  /** The elements laid end to end in {@code der}. */
  static List<Element> elements(byte[] der) {
    List<Element> out = new ArrayList<>();
    int at = 0;
    while (at < der.length) {
      int start = at;
      int tag = der[at++] & 0xff;
      if ((tag & 0x1f) == 0x1f) {
        throw new IllegalArgumentException("multi-byte DER tags are not used in keys");
      }
      if (at >= der.length) {
        throw new IllegalArgumentException("DER element cut short");
      }
      int length = der[at++] & 0xff;
      if (length > 0x7f) {
        int bytes = length & 0x7f;
        if (bytes == 0 || bytes > 3 || at + bytes > der.length) {
          throw new IllegalArgumentException("bad DER length");
        }
        length = 0;
        for (int i = 0; i < bytes; i++) {
          length = (length << 8) | (der[at++] & 0xff);
        }
      }
      if (length > der.length - at) {
        throw new IllegalArgumentException("DER element longer than its input");
      }
      out.add(
          new Element(
              tag,
              Arrays.copyOfRange(der, at, at + length),
              Arrays.copyOfRange(der, start, at + length)));
      at += length;
    }
    return out;
  }

  /** Encodes a constructed or primitive element around already encoded {@code parts}. */
  static byte[] encode(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      content.writeBytes(p);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.size();
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = length > 0xffff ? 3 : length > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }

  /** The dotted form of an OBJECT IDENTIFIER's content, such as {@code 1.2.840.10045.3.1.7}. */
  static String oid(byte[] content) {
    if (content.length == 0) {
      throw new IllegalArgumentException("empty OBJECT IDENTIFIER");
    }
    StringBuilder dotted = new StringBuilder();
    long arc = 0;
    boolean first = true;
    for (byte b : content) {
      arc = (arc << 7) | (b & 0x7f);
      if ((b & 0x80) != 0) {
        continue;
      }
      if (first) {
        int top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
        dotted.append(top).append('.').append(arc - 40L * top);
        first = false;
      } else {
        dotted.append('.').append(arc);
      }
      arc = 0;
    }
    return dotted.toString();
  }
}
