package io.dockwatch.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/** Reads one area of the machine and returns its metric families as of now. */
interface Sampler {

  MetricSnapshots sample();
}
