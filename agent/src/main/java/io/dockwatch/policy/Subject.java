package io.dockwatch.policy;

/** What a rule's finding is about. */
public enum Subject {
  /** One container. */
  CONTAINER,
  /** The host: its engine, daemon configuration and files. */
  HOST
}
