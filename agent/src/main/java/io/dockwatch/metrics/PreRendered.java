package io.dockwatch.metrics;

import io.dockwatch.metrics.Renderer.Part;

/**
 * Families that come to a scrape already rendered, because they change far less often than a
 * scraper asks: rendering thousands of series anew for every scrape was most of a scrape's cost.
 */
interface PreRendered {

  /**
   * The families as of now, in {@code format}, held for the caller, who must {@link
   * Renderer.Part#release} them once written out. Safe to call from several scrapes at once.
   */
  Part rendered(Renderer.Format format);
}
