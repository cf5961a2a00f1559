package io.dockwatch.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.policy.HostContext;
import io.dockwatch.policy.Policy;
import io.dockwatch.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingRecordTest {

  @Test
  void fields_everyRequiredFieldPresent_andNoEnvironmentLeaks() throws Exception {
    ContainerSnapshot c = Fixtures.inspect("running-published");
    Policy policy = new Policy(Fixtures.config(""));
    HostContext ctx = policy.context(Instant.EPOCH, List.of(c));
    SubjectRef s = new SubjectRef(c.id(), c.id(), c.name(), c.image(), Map.of(), "");
    List<Transition> ts = new Ledger("h1").reconcile(s, policy.check(c, ctx), Instant.EPOCH);

    for (Transition t : ts) {
      Map<String, Object> f = FindingRecord.fields(t, "h1");
      assertThat(f)
          .containsKeys(
              "rule",
              "severity",
              "state",
              "host",
              "container_id",
              "container_name",
              "image",
              "message",
              "evidence",
              "remediation",
              "fingerprint",
              "first_seen",
              "last_seen",
              "policy",
              "cis");
      assertThat(f.get("host")).isEqualTo("h1");
      assertThat(new ObjectMapper().writeValueAsString(f))
          .doesNotContain("do-not-forward")
          .doesNotContain("SECRET_TOKEN");
    }
    assertThat(ts).isNotEmpty();
  }
}
