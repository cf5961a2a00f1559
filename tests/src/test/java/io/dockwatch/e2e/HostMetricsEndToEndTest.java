package io.dockwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.e2e.support.AgentConfigs;
import io.dockwatch.e2e.support.AgentLauncher;
import io.dockwatch.e2e.support.AgentProcess;
import io.dockwatch.e2e.support.E2eExtension;
import io.dockwatch.e2e.support.Engine;
import io.dockwatch.e2e.support.ForwardReceiver;
import io.dockwatch.e2e.support.HttpReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The host families node_exporter users alert on, as the built agent serves them over HTTP: the
 * clock's discipline, the health of each collector, and the textfile collector with one good file
 * and one it must leave out.
 */
@ExtendWith(E2eExtension.class)
class HostMetricsEndToEndTest {

  @Test
  void metrics_textfileDirectoryWithAGoodAndABadFile_servesTheGoodSeriesAndFlagsTheError(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) throws IOException {
    Path textfiles = Files.createDirectories(agents.workDir().resolve("textfile"));
    Files.writeString(
        textfiles.resolve("good.prom"),
        """
        # HELP e2e_backup_last_success_seconds When the backup last succeeded.
        # TYPE e2e_backup_last_success_seconds gauge
        e2e_backup_last_success_seconds{job="db"} 1772323200
        """);
    Path bad = Files.writeString(textfiles.resolve("bad.prom"), "e2e_broken{job=\"x\" 1\n");
    int http = AgentConfigs.freePort();
    agents.writeConfig(
        AgentConfigs.standard(engine, receiver, agents, http)
            + "[metrics]\nhost_interval = \"1s\"\ntextfile_directory = \"%s\"\n"
                .formatted(textfiles.toAbsolutePath()));
    AgentProcess agent =
        agents.start("run", "--config", agents.workDir().resolve("dockwatch.toml").toString());

    HttpReply reply =
        agent.awaitGet(http, "/metrics", r -> r.body().contains("e2e_backup_last_success"));
    String body = reply.body();

    assertThat(reply.contentType()).startsWith("text/plain");
    assertThat(body)
        .contains("# TYPE e2e_backup_last_success_seconds gauge\n")
        .contains("e2e_backup_last_success_seconds{job=\"db\"} 1.7723232E9\n")
        .doesNotContain("e2e_broken")
        .contains("node_textfile_scrape_error 1.0\n")
        .contains(
            "node_textfile_mtime_seconds{file=\""
                + textfiles.toAbsolutePath().resolve("good.prom")
                + "\"}");
    assertThat(body)
        .contains("# TYPE node_timex_offset_seconds gauge\n")
        .contains("# TYPE node_timex_sync_status gauge\n")
        .contains("# TYPE node_timex_maxerror_seconds gauge\n")
        .contains("node_scrape_collector_success{collector=\"timex\"} 1.0\n")
        .contains("node_scrape_collector_success{collector=\"textfile\"} 1.0\n")
        .contains("node_scrape_collector_success{collector=\"cpu\"} 1.0\n")
        .contains("node_scrape_collector_duration_seconds{collector=\"meminfo\"}");
    String logged = agent.awaitStderr(line -> line.contains(bad.toAbsolutePath().toString()));
    assertThat(logged).contains("line 1");
  }
}
