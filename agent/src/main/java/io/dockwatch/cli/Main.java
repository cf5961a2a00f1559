package io.dockwatch.cli;

/** Entry point placeholder; the commands are wired in {@code Main}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(0);
  }
}
