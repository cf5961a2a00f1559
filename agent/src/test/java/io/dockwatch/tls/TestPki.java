package io.dockwatch.tls;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate authority in a directory, driven through the {@code openssl} command, so
 * that the tests read keys exactly as operators' tools write them.
 */
public final class TestPki {
  /** Key types the agent must read. */
  public enum KeyType {
    RSA_2048("-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"),
    EC_P256("-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"),
    EC_P384("-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384");

    private final List<String> options;

    KeyType(String... options) {
      this.options = List.of(options);
    }
  }

  /** How a key file is written. */
  public enum Encoding {
    PKCS8,
    /** {@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY} (SEC1), by key type. */
    TRADITIONAL,
    ENCRYPTED_PKCS8,
    ENCRYPTED_TRADITIONAL
  }

  /** A certificate issued by this authority and its PKCS#8 key. */
  public record Issued(Path cert, Path key) {}

  private final Path dir;
  private final String name;

  private TestPki(Path dir, String name) {
    this.dir = dir;
    this.name = name;
  }

  /** Skips the calling test when openssl is missing. */
  public static void assumeOpenssl() {
    boolean present;
    try {
      present = new ProcessBuilder("openssl", "version").start().waitFor() == 0;
    } catch (IOException e) {
      present = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      present = false;
    }
    assumeTrue(present, "the openssl command is not installed; these tests generate keys with it");
  }

  /** Creates a self-signed RSA authority named {@code name} in {@code dir}. */
  public static TestPki create(Path dir, String name) {
    TestPki pki = new TestPki(dir, name);
    pki.openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=" + name,
        "-keyout",
        pki.file("ca-key.pem").toString(),
        "-out",
        pki.caCert().toString());
    return pki;
  }

  /** The authority's certificate. */
  public Path caCert() {
    return file("ca.pem");
  }

  /** Issues a certificate for 127.0.0.1 and localhost, good for both server and client use. */
  public Issued issue(String leaf, KeyType type) {
    return issue(leaf, type, "IP:127.0.0.1,DNS:localhost");
  }

  /** Issues a certificate with the given subject alternative names. */
  public Issued issue(String leaf, KeyType type, String altNames) {
    Path key = file(leaf + "-key.pem");
    List<String> genkey = new ArrayList<>(List.of("genpkey"));
    genkey.addAll(type.options);
    genkey.addAll(List.of("-out", key.toString()));
    openssl(genkey.toArray(new String[0]));
    Path csr = file(leaf + ".csr");
    openssl("req", "-new", "-key", key.toString(), "-subj", "/CN=" + leaf, "-out", csr.toString());
    Path extensions = file(leaf + ".ext");
    write(extensions, "subjectAltName=" + altNames + "\nextendedKeyUsage=serverAuth,clientAuth\n");
    Path cert = file(leaf + ".pem");
    openssl(
        "x509",
        "-req",
        "-in",
        csr.toString(),
        "-CA",
        caCert().toString(),
        "-CAkey",
        file("ca-key.pem").toString(),
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        extensions.toString(),
        "-out",
        cert.toString());
    return new Issued(cert, key);
  }

  /** Writes {@code key} again in another encoding; the passphrase of encrypted ones is "secret". */
  public Path encode(Path key, Encoding encoding) {
    Path out = file(key.getFileName().toString().replace(".pem", "") + "-" + encoding + ".pem");
    List<String> args = new ArrayList<>(List.of("pkey", "-in", key.toString()));
    if (encoding == Encoding.TRADITIONAL || encoding == Encoding.ENCRYPTED_TRADITIONAL) {
      args.add("-traditional");
    }
    if (encoding == Encoding.ENCRYPTED_PKCS8 || encoding == Encoding.ENCRYPTED_TRADITIONAL) {
      args.addAll(List.of("-aes256", "-passout", "pass:secret"));
    }
    args.addAll(List.of("-out", out.toString()));
    openssl(args.toArray(new String[0]));
    return out;
  }

  /** A client context that trusts this authority alone, for scraping a TLS endpoint. */
  public SSLContext trustingClient() {
    try (InputStream in = Files.newInputStream(caCert())) {
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      anchors.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
      trust.init(anchors);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust " + caCert(), e);
    }
  }

  /** Runs openssl in this authority's directory, failing the test with its output on error. */
  public void openssl(String... args) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run openssl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running openssl", e);
    }
  }

  /** A file in this authority's directory, prefixed with its name so that two can share one. */
  public Path file(String leaf) {
    return dir.resolve(name + "-" + leaf);
  }

  static void write(Path path, String text) {
    try {
      Files.writeString(path, text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + path, e);
    }
  }
}
