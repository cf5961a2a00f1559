package io.dockwatch.metrics;

import static io.dockwatch.metrics.TestContainer.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.config.TenancyConfig.Tenant;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerLabelsTest {

  @Test
  void of_containerLackingALabel_hasItEmpty() {
    ContainerLabels labels =
        new ContainerLabels(new Tenant("io.example/env", "", "customer"), List.of());

    Labels l = labels.of(container("abc", "web").labels(Map.of("customer", "acme")).build()).base();

    assertThat(l.toString())
        .isEqualTo(
            "{container_label_customer=\"acme\",container_label_io_example_env=\"\","
                + "id=\"/docker/abc\",image=\"local/busybox:1\",name=\"web\"}");
  }

  @Test
  void of_labelNotAllowListed_isNotCopied() {
    ContainerLabels labels = new ContainerLabels(new Tenant("env", "sys", "cust"), List.of("team"));

    Labels l =
        labels.of(container("abc", "web").labels(Map.of("secret.token", "x")).build()).base();

    assertThat(l.contains("container_label_secret_token")).isFalse();
    assertThat(l.get("container_label_team")).isEmpty();
  }

  @Test
  void of_sameContainerNextRound_reusesItsLabelSets() {
    ContainerLabels labels = new ContainerLabels(new Tenant("env", "sys", "cust"), List.of());
    LabelSet first = labels.of(container("abc", "web").build());

    LabelSet again = labels.of(container("abc", "web").build());

    assertThat(again).isSameAs(first);
  }

  @Test
  void of_containerRenamed_hasNewLabelSets() {
    ContainerLabels labels = new ContainerLabels(new Tenant("env", "sys", "cust"), List.of());
    labels.of(container("abc", "web").build());

    LabelSet renamed = labels.of(container("abc", "web-blue").build());

    assertThat(renamed.base().get("name")).isEqualTo("web-blue");
    assertThat(renamed.with("cpu", "total").get("name")).isEqualTo("web-blue");
  }

  @Test
  void new_keysThatSanitizeAlike_keepTheFirst() {
    ContainerLabels labels =
        new ContainerLabels(new Tenant("env", "sys", "cust"), List.of("a.b", "a-b"));

    Labels l =
        labels
            .of(container("abc", "web").labels(Map.of("a.b", "dot", "a-b", "dash")).build())
            .base();

    assertThat(l.get("container_label_a_b")).isEqualTo("dot");
  }
}
