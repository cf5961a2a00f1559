package io.dockwatch.tls;

import com.github.dockerjava.transport.SSLConfig;
import io.dockwatch.config.ConfigException;
import io.dockwatch.config.DockerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS contexts built from the PEM files named in the configuration. Everything is read and checked
 * when the context is built, so that a wrong file stops the agent at start with a message naming
 * it, rather than failing later inside a handshake.
 */
public final class TlsContexts {
  private static final byte[] CHALLENGE =
      "a key belongs to a certificate when the certificate verifies what the key signs"
          .getBytes(StandardCharsets.US_ASCII);

  private TlsContexts() {}

  /** The server side of the agent's HTTPS endpoint, presenting {@code http.tls.cert}. */
  public static SSLContext server(Path cert, Path key) throws ConfigException {
    KeyManager identity =
        identity(new PemFile("http.tls.cert", cert), new PemFile("http.tls.key", key));
    return context(new KeyManager[] {identity}, null);
  }

  /**
   * The client side of mutual TLS to the engine: trusts only the CA in {@code docker.tls.ca} and
   * presents the certificate in {@code docker.tls.cert}. The context is built now; the returned
   * configuration hands out that same context.
   */
  public static SSLConfig engineClient(DockerConfig.Tls tls) throws ConfigException {
    KeyManager identity =
        identity(
            new PemFile("docker.tls.cert", tls.cert()), new PemFile("docker.tls.key", tls.key()));
    TrustManager[] trust = trustOnly(new PemFile("docker.tls.ca", tls.ca()));
    SSLContext context = context(new KeyManager[] {identity}, trust);
    return () -> context;
  }

  private static KeyManager identity(PemFile certFile, PemFile keyFile) throws ConfigException {
    List<X509Certificate> chain = PemFiles.certificates(certFile);
    PrivateKey key = PemFiles.privateKey(keyFile);
    if (!belongTogether(key, chain.get(0))) {
      throw PemFiles.problem(
          keyFile, "is not the key of the certificate in " + certFile + " (a mismatched pair)");
    }
    return new OneKeyManager(key, chain.toArray(new X509Certificate[0]));
  }

  private static TrustManager[] trustOnly(PemFile caFile) throws ConfigException {
    List<X509Certificate> authorities = PemFiles.certificates(caFile);
    try {
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      for (int i = 0; i < authorities.size(); i++) {
        anchors.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(anchors);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw PemFiles.problem(caFile, "cannot be used as a trust anchor: " + e.getMessage());
    }
  }

  private static SSLContext context(KeyManager[] keys, TrustManager[] trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (GeneralSecurityException e) {
      // Every JDK has TLS; its absence is a broken runtime, not a configuration error.
      throw new IllegalStateException("this Java runtime offers no TLS", e);
    }
  }

  /** Whether {@code key} is the private half of the certificate's public key. */
  static boolean belongTogether(PrivateKey key, X509Certificate cert) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm();
        };
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(CHALLENGE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(CHALLENGE);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      // A certificate for another algorithm (an EC certificate for an RSA key) lands here.
      return false;
    }
  }
}
