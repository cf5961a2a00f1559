package io.dockwatch.tls;

import java.util.List;
import java.util.Map;

/**
 * Rewraps the older private key encodings into PKCS#8, the only one the JDK's key factories read,
 * and names the algorithm of a PKCS#8 key. OpenSSL still writes PKCS#1 ({@code BEGIN RSA PRIVATE
 * KEY}) and SEC1 ({@code BEGIN EC PRIVATE KEY}) by default in many tools, so both must load.
 */
final class Pkcs8 {
  private static final String RSA = "1.2.840.113549.1.1.1";
  private static final String EC = "1.2.840.10045.2.1";

  private static final Map<String, String> ALGORITHMS =
      Map.of(RSA, "RSA", EC, "EC", "1.3.101.112", "Ed25519", "1.3.101.113", "Ed448");

  /** Named curves by OID, for messages; the JDK decides which it supports. */
  private static final Map<String, String> CURVES =
      Map.of(
          "1.2.840.10045.3.1.7", "P-256",
          "1.3.132.0.34", "P-384",
          "1.3.132.0.35", "P-521");

  private static final byte[] VERSION_0 = {Der.INTEGER, 1, 0};
  private static final byte[] NULL = {0x05, 0};

  private Pkcs8() {}

  /** Wraps a PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo. */
  static byte[] fromPkcs1(byte[] rsaPrivateKey) {
    List<Der.Element> fields = Der.sequence(rsaPrivateKey);
    if (fields.size() < 9 || fields.get(0).tag() != Der.INTEGER) {
      throw new IllegalArgumentException("not a PKCS#1 RSA private key");
    }
    byte[] algorithm = Der.encode(Der.SEQUENCE, oid(RSA), NULL);
    return Der.encode(
        Der.SEQUENCE, VERSION_0, algorithm, Der.encode(Der.OCTET_STRING, rsaPrivateKey));
  }

  /**
   * Wraps a SEC1 ECPrivateKey into a PKCS#8 PrivateKeyInfo. The curve comes from the key's own
   * parameters field, which OpenSSL always writes for a named curve.
   */
  static byte[] fromSec1(byte[] ecPrivateKey) {
    List<Der.Element> fields = Der.sequence(ecPrivateKey);
    if (fields.size() < 2
        || fields.get(0).tag() != Der.INTEGER
        || fields.get(1).tag() != Der.OCTET_STRING) {
      throw new IllegalArgumentException("not a SEC1 EC private key");
    }
    byte[] curve = null;
    for (Der.Element field : fields) {
      if (field.tag() == Der.CONTEXT_0) {
        List<Der.Element> parameters = Der.elements(field.content());
        if (parameters.size() != 1 || parameters.get(0).tag() != Der.OBJECT_IDENTIFIER) {
          throw new IllegalArgumentException(
              "the EC key spells out its curve parameters instead of naming the curve;"
                  + " rewrite it with: openssl ec -param_enc named_curve");
        }
        curve = parameters.get(0).encoded();
      }
    }
    if (curve == null) {
      throw new IllegalArgumentException("the EC key does not name its curve");
    }
    byte[] algorithm = Der.encode(Der.SEQUENCE, oid(EC), curve);
    return Der.encode(
        Der.SEQUENCE, VERSION_0, algorithm, Der.encode(Der.OCTET_STRING, ecPrivateKey));
  }

  /**
   * The JDK key factory algorithm for a PKCS#8 PrivateKeyInfo, such as {@code RSA} or {@code EC}.
   */
  static String algorithm(byte[] privateKeyInfo) {
    List<Der.Element> fields = Der.sequence(privateKeyInfo);
    if (fields.size() < 3 || fields.get(1).tag() != Der.SEQUENCE) {
      throw new IllegalArgumentException("not a PKCS#8 private key");
    }
    List<Der.Element> identifier = Der.elements(fields.get(1).content());
    if (identifier.isEmpty() || identifier.get(0).tag() != Der.OBJECT_IDENTIFIER) {
      throw new IllegalArgumentException("not a PKCS#8 private key");
    }
    String oid = Der.oid(identifier.get(0).content());
    String name = ALGORITHMS.get(oid);
    if (name == null) {
      throw new IllegalArgumentException(
          "key algorithm " + oid + " is not supported (use an RSA, EC or Ed25519 key)");
    }
    return name;
  }

  /** The curve named in a PKCS#8 EC key, such as {@code P-256}, or its OID when unnamed here. */
  static String curve(byte[] privateKeyInfo) {
    List<Der.Element> identifier = Der.elements(Der.sequence(privateKeyInfo).get(1).content());
    if (identifier.size() < 2 || identifier.get(1).tag() != Der.OBJECT_IDENTIFIER) {
      return "explicit parameters";
    }
    String oid = Der.oid(identifier.get(1).content());
    return CURVES.getOrDefault(oid, oid);
  }

  private static byte[] oid(String dotted) {
    return switch (dotted) {
      case RSA ->
          new byte[] {
            Der.OBJECT_IDENTIFIER,
            9,
            0x2a,
            (byte) 0x86,
            0x48,
            (byte) 0x86,
            (byte) 0xf7,
            0x0d,
            1,
            1,
            1
          };
      case EC ->
          new byte[] {Der.OBJECT_IDENTIFIER, 7, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 2, 1};
      default -> throw new IllegalArgumentException("no encoding for " + dotted);
    };
  }
}
