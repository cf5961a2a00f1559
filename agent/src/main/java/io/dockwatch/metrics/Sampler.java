package io.dockwatch.metrics;

/** Reads one area of the machine and returns its metric families as of now. */
interface Sampler {

  Families sample();
}
