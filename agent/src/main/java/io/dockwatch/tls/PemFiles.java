package io.dockwatch.tls;

import io.dockwatch.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads certificates and private keys from PEM files with the JDK alone. Keys may be PKCS#8 ({@code
 * PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}) or SEC1 EC ({@code EC PRIVATE KEY}); an
 * encrypted key is refused, since the agent runs unattended and has nobody to ask for the
 * passphrase. Every failure is a {@link ConfigException} naming the setting and the file.
 */
final class PemFiles {
  private PemFiles() {}

  /** The certificates in {@code file}, in file order (a chain starts with its leaf). */
  static List<X509Certificate> certificates(PemFile file) throws ConfigException {
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (PemBlock block : PemBlock.parse(read(file))) {
        if (block.label().equals("CERTIFICATE")) {
          out.add(
              (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
        }
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw problem(file, "holds a certificate that cannot be read: " + e.getMessage());
    }
    if (out.isEmpty()) {
      throw problem(file, "holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return out;
  }

  /** The one private key in {@code file}. */
  static PrivateKey privateKey(PemFile file) throws ConfigException {
    List<PemBlock> keys = new ArrayList<>();
    try {
      for (PemBlock block : PemBlock.parse(read(file))) {
        if (block.label().endsWith("PRIVATE KEY")) {
          keys.add(block);
        }
      }
    } catch (IllegalArgumentException e) {
      throw problem(file, "is not valid PEM: " + e.getMessage());
    }
    if (keys.size() != 1) {
      throw problem(
          file,
          keys.isEmpty()
              ? "holds no PEM private key (-----BEGIN PRIVATE KEY-----)"
              : "holds " + keys.size() + " private keys; give the agent a file with one");
    }
    PemBlock key = keys.get(0);
    if (key.label().equals("ENCRYPTED PRIVATE KEY") || key.encrypted()) {
      throw problem(
          file,
          "the key is encrypted, and the agent has nobody to ask for its passphrase; give it an"
              + " unencrypted copy readable only by the agent's user (openssl pkey -in ENCRYPTED"
              + " -out PLAIN)");
    }
    byte[] pkcs8;
    try {
      pkcs8 =
          switch (key.label()) {
            case "PRIVATE KEY" -> key.der();
            case "RSA PRIVATE KEY" -> Pkcs8.fromPkcs1(key.der());
            case "EC PRIVATE KEY" -> Pkcs8.fromSec1(key.der());
            default ->
                throw new IllegalArgumentException(
                    "\""
                        + key.label()
                        + "\" is not a supported key format (PKCS#8, PKCS#1 RSA or SEC1 EC are)");
          };
      return decode(pkcs8);
    } catch (IllegalArgumentException e) {
      throw problem(file, "holds a key that cannot be read: " + e.getMessage());
    }
  }

  private static PrivateKey decode(byte[] pkcs8) {
    String algorithm = Pkcs8.algorithm(pkcs8);
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      String what =
          algorithm.equals("EC") ? "EC key on curve " + Pkcs8.curve(pkcs8) : algorithm + " key";
      throw new IllegalArgumentException(
          what + " not usable by this Java runtime: " + e.getMessage(), e);
    }
  }

  private static String read(PemFile file) throws ConfigException {
    try {
      // Latin-1 maps every byte, so stray text around the PEM blocks never stops the read.
      return Files.readString(file.path(), StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw problem(file, "does not exist");
    } catch (AccessDeniedException e) {
      throw problem(file, "cannot be read by this user (permission denied)");
    } catch (IOException e) {
      throw problem(file, "cannot be read: " + e.getMessage());
    }
  }

  static ConfigException problem(PemFile file, String message) {
    return new ConfigException(List.of(file + ": " + message));
  }
}
