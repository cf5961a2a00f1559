package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.counter;
import static io.dockwatch.metrics.MetricFamily.gauge;

import io.dockwatch.host.Conntrack;
import io.dockwatch.host.HostReader;
import io.dockwatch.host.NetDevStat;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import java.util.Map;

/**
 * The host's interfaces from {@code /proc/net/dev} and {@code /sys/class/net}, and the connection
 * tracking table's fill.
 *
 * <p>Unlike node_exporter, the host ends of the engine's veth pairs are left out: each container
 * adds one, its counters are the container's own seen from the other side (exported as {@code
 * container_network_*} under the container's name), and with hundreds of containers they would make
 * up a third of the answer. Dashboards written for node_exporter filter them out anyway.
 */
final class NetworkMetrics implements HostArea {
  /** One counter per column of {@code /proc/net/dev}, named after the column. */
  static final Map<String, MetricFamily> RECEIVE =
      Map.of(
          "bytes",
          counter("node_network_receive_bytes_total", "Bytes received."),
          "packets",
          counter("node_network_receive_packets_total", "Packets received."),
          "errs",
          counter("node_network_receive_errs_total", "Receive errors."),
          "drop",
          counter("node_network_receive_drop_total", "Received packets dropped."),
          "fifo",
          counter("node_network_receive_fifo_total", "Receive FIFO buffer overruns."),
          "frame",
          counter("node_network_receive_frame_total", "Receive framing errors."),
          "compressed",
          counter("node_network_receive_compressed_total", "Compressed packets received."),
          "multicast",
          counter("node_network_receive_multicast_total", "Multicast frames received."));

  static final Map<String, MetricFamily> TRANSMIT =
      Map.of(
          "bytes",
          counter("node_network_transmit_bytes_total", "Bytes transmitted."),
          "packets",
          counter("node_network_transmit_packets_total", "Packets transmitted."),
          "errs",
          counter("node_network_transmit_errs_total", "Transmit errors."),
          "drop",
          counter("node_network_transmit_drop_total", "Packets dropped on transmit."),
          "fifo",
          counter("node_network_transmit_fifo_total", "Transmit FIFO buffer errors."),
          "colls",
          counter("node_network_transmit_colls_total", "Collisions on transmit."),
          "carrier",
          counter("node_network_transmit_carrier_total", "Carrier losses on transmit."),
          "compressed",
          counter("node_network_transmit_compressed_total", "Compressed packets transmitted."));

  static final MetricFamily UP =
      gauge("node_network_up", "Whether the interface's operational state is up (1) or not.");
  static final MetricFamily CONNTRACK_ENTRIES =
      gauge("node_nf_conntrack_entries", "Flows in the connection tracking table.");
  static final MetricFamily CONNTRACK_LIMIT =
      gauge("node_nf_conntrack_entries_limit", "Size of the connection tracking table.");

  /** The host ends of container veth pairs, named {@code veth} and a hash by the engine. */
  static final String VETH_PREFIX = "veth";

  private final HostReader host;

  NetworkMetrics(HostReader host) {
    this.host = host;
  }

  /** node_exporter's netclass collector is the one that reports {@code node_network_up}. */
  @Override
  public List<Part> parts() {
    return List.of(
        new Part(
            "netdev",
            out ->
                HostArea.whenPresent(host.netDev(NetworkMetrics::reported), d -> devices(d, out))),
        new Part("netclass", this::operStates),
        new Part(
            "conntrack", out -> HostArea.whenPresent(host.conntrack(), t -> conntrack(t, out))));
  }

  private boolean operStates(Families out) {
    Map<String, String> states = host.operStates(NetworkMetrics::reported);
    for (Map.Entry<String, String> e : states.entrySet()) {
      out.add(UP, Labels.of("device", e.getKey()), e.getValue().equals("up") ? 1 : 0);
    }
    return !states.isEmpty();
  }

  private static void devices(List<NetDevStat> devices, Families out) {
    for (NetDevStat d : devices) {
      Labels device = Labels.of("device", d.device());
      for (String column : NetDevStat.RECEIVE) {
        out.add(RECEIVE.get(column), device, d.receive().get(column));
      }
      for (String column : NetDevStat.TRANSMIT) {
        out.add(TRANSMIT.get(column), device, d.transmit().get(column));
      }
    }
  }

  private static boolean reported(String device) {
    return !device.startsWith(VETH_PREFIX);
  }

  private static void conntrack(Conntrack table, Families out) {
    out.add(CONNTRACK_ENTRIES, table.entries());
    out.add(CONNTRACK_LIMIT, table.limit());
  }
}
