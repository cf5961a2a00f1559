package io.dockwatch.metrics;

/**
 * One area of the host's metrics (CPU, memory, file systems…): reads its files and adds what it
 * found to a sample. A file the machine cannot give leaves its families out; it is not an error.
 */
interface HostArea {

  void collect(Families out);
}
