package io.dockwatch.metrics;

import io.dockwatch.config.TenancyConfig.Tenant;
import io.dockwatch.docker.ContainerSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The labels every container series carries: {@code id} as cAdvisor writes it ({@code /docker/<full
 * id>}), {@code name}, {@code image}, then the tenancy labels and the allow-listed container labels
 * as {@code container_label_<key>}, with every character that Prometheus does not allow in a label
 * name replaced by {@code _}. The set of names is fixed by configuration, so it is the same for
 * every container; a label a container lacks has the empty value. No other container label is
 * copied, which keeps the series count bounded.
 */
final class ContainerLabels {
  static final String ID = "id";
  static final String NAME = "name";
  static final String IMAGE = "image";
  static final String PREFIX = "container_label_";

  private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_]");

  private final String[] names;
  private final List<String> keys;
  private final Map<String, Cached> cache = new HashMap<>();

  /**
   * @param tenancy the container label keys that carry a container's tenant
   * @param allowList further container label keys to copy; two keys that sanitize to the same name
   *     are copied once, the first one listed winning
   */
  ContainerLabels(Tenant tenancy, List<String> allowList) {
    Map<String, String> byName = new LinkedHashMap<>();
    List<String> wanted = new ArrayList<>();
    wanted.add(tenancy.environment());
    wanted.add(tenancy.system());
    wanted.add(tenancy.customer());
    wanted.addAll(allowList);
    for (String key : wanted) {
      if (key != null && !key.isBlank()) {
        byName.putIfAbsent(labelName(key), key);
      }
    }
    this.keys = List.copyOf(byName.values());
    List<String> all = new ArrayList<>(List.of(ID, NAME, IMAGE));
    all.addAll(byName.keySet());
    this.names = all.toArray(new String[0]);
  }

  static String labelName(String containerLabel) {
    return PREFIX + INVALID.matcher(containerLabel).replaceAll("_");
  }

  /** The container id as cAdvisor writes it in the {@code id} label. */
  static String id(String containerId) {
    return "/docker/" + containerId;
  }

  /**
   * The container's label sets, the ones of the previous round when its name, image and labels did
   * not change. Forgets containers not passed for a round, after {@link #retain}.
   */
  LabelSet of(ContainerSnapshot c) {
    Cached cached = cache.get(c.id());
    if (cached != null && cached.sameLabels(c)) {
      return cached.set;
    }
    LabelSet set = new LabelSet(base(c));
    cache.put(c.id(), new Cached(c.name(), c.image(), c.labels(), set));
    return set;
  }

  /** Forgets the label sets of containers not in {@code ids}. */
  void retain(Collection<String> ids) {
    cache.keySet().retainAll(ids);
  }

  Labels base(ContainerSnapshot c) {
    String[] values = new String[names.length];
    values[0] = id(c.id());
    values[1] = c.name();
    values[2] = c.image();
    for (int i = 0; i < keys.size(); i++) {
      values[3 + i] = c.labels().getOrDefault(keys.get(i), "");
    }
    return Labels.of(names, values);
  }

  private record Cached(String name, String image, Map<String, String> labels, LabelSet set) {
    boolean sameLabels(ContainerSnapshot c) {
      return name.equals(c.name()) && image.equals(c.image()) && labels.equals(c.labels());
    }
  }
}
