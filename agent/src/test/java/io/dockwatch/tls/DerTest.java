package io.dockwatch.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DerTest {

  @Test
  void oid_prime256v1_isDotted() {
    byte[] content = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};

    assertThat(Der.oid(content)).isEqualTo("1.2.840.10045.3.1.7");
  }

  @Test
  void oid_secp384r1_isDotted() {
    byte[] content = {0x2b, (byte) 0x81, 0x04, 0x00, 0x22};

    assertThat(Der.oid(content)).isEqualTo("1.3.132.0.34");
  }

  @Test
  void encode_longContent_usesTheLongLengthForm() {
    byte[] content = new byte[300];

    byte[] encoded = Der.encode(Der.OCTET_STRING, content);

    assertThat(encoded).startsWith(0x04, 0x82, 0x01, 0x2c);
    assertThat(encoded).hasSize(304);
  }

  @Test
  void sequence_encodedThenRead_givesTheSameElements() {
    byte[] integer = {Der.INTEGER, 1, 5};
    byte[] octets = Der.encode(Der.OCTET_STRING, new byte[200]);

    List<Der.Element> read = Der.sequence(Der.encode(Der.SEQUENCE, integer, octets));

    assertThat(read).extracting(Der.Element::tag).containsExactly(Der.INTEGER, Der.OCTET_STRING);
    assertThat(read.get(0).content()).containsExactly(5);
    assertThat(read.get(1).encoded()).isEqualTo(octets);
  }

  @Test
  void elements_lengthPastTheEnd_fails() {
    byte[] truncated = {Der.SEQUENCE, 10, 1, 2};

    assertThatThrownBy(() -> Der.elements(truncated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DER element longer than its input");
  }
}
