package io.dockwatch.e2e.support;

/**
 * An HTTP response as the tests see it.
 *
 * @param contentType the Content-Type header, or an empty string when there was none
 */
public record HttpReply(int status, String contentType, String body) {}
