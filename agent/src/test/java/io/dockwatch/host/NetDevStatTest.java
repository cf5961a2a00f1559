package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetDevStatTest {

  @Test
  void parse_kernelText_namesColumnsAfterTheHeader() {
    String text =
        """
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
          eth0: 136160194    3326    1    2    3     4          5         6   332095    2339    7    8    9    10       11          12
        docker0:       0       0    0    0    0     0          0         0      220       2    0    5    0     0       0          0
        """;

    List<NetDevStat> devices = NetDevStat.parse(text, d -> true);

    assertThat(devices).extracting(NetDevStat::device).containsExactly("eth0", "docker0");
    NetDevStat eth0 = devices.get(0);
    assertThat(NetDevStat.RECEIVE.stream().map(eth0.receive()::get))
        .containsExactly(136160194L, 3326L, 1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(NetDevStat.TRANSMIT.stream().map(eth0.transmit()::get))
        .containsExactly(332095L, 2339L, 7L, 8L, 9L, 10L, 11L, 12L);
  }

  @Test
  void parse_unwantedInterface_isLeftOut() {
    String text =
        " lo: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n"
            + " veth1a2b: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n";

    List<NetDevStat> devices = NetDevStat.parse(text, d -> !d.startsWith("veth"));

    assertThat(devices).extracting(NetDevStat::device).containsExactly("lo");
  }
}
