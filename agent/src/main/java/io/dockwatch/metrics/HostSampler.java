package io.dockwatch.metrics;

import java.util.List;

/** One round over every area of host metrics. */
final class HostSampler implements Sampler {
  private final List<HostArea> areas;

  HostSampler(List<HostArea> areas) {
    this.areas = List.copyOf(areas);
  }

  @Override
  public Families sample() {
    Families out = new Families();
    for (HostArea area : areas) {
      area.collect(out);
    }
    return out;
  }
}
