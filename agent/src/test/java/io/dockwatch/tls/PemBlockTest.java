package io.dockwatch.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PemBlockTest {

  @Test
  void parse_textAroundBlocks_isSkipped() {
    String text =
        """
        Certificate:
            Data: a dump that openssl x509 -text writes before the block
        -----BEGIN CERTIFICATE-----
        AQID
        -----END CERTIFICATE-----
        trailing words
        -----BEGIN PRIVATE KEY-----\r
        BAUG\r
        -----END PRIVATE KEY-----\r
        """;

    List<PemBlock> blocks = PemBlock.parse(text);

    assertThat(blocks).extracting(PemBlock::label).containsExactly("CERTIFICATE", "PRIVATE KEY");
    assertThat(blocks.get(0).der()).containsExactly(1, 2, 3);
    assertThat(blocks.get(1).der()).containsExactly(4, 5, 6);
  }

  @Test
  void encrypted_procTypeHeader_isTrue() {
    String text =
        """
        -----BEGIN RSA PRIVATE KEY-----
        Proc-Type: 4,ENCRYPTED
        DEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF

        AQID
        -----END RSA PRIVATE KEY-----
        """;

    PemBlock block = PemBlock.parse(text).get(0);

    assertThat(block.encrypted()).isTrue();
    assertThat(block.der()).containsExactly(1, 2, 3);
  }

  @Test
  void encrypted_noHeaders_isFalse() {
    PemBlock block =
        PemBlock.parse("-----BEGIN EC PRIVATE KEY-----\nAQID\n-----END EC PRIVATE KEY-----").get(0);

    assertThat(block.encrypted()).isFalse();
  }

  @Test
  void parse_missingEndLine_fails() {
    assertThatThrownBy(() -> PemBlock.parse("-----BEGIN CERTIFICATE-----\nAQID\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("-----BEGIN CERTIFICATE----- has no END line");
  }
}
