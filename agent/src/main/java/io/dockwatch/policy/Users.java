package io.dockwatch.policy;

/** The user notations of the engine: {@code NAME}, {@code UID}, {@code USER:GROUP}. */
final class Users {
  private Users() {}

  /** Whether the user part is root: empty (the image's default), {@code 0} or {@code root}. */
  static boolean isRoot(String user) {
    String u = user.trim();
    int colon = u.indexOf(':');
    if (colon >= 0) {
      u = u.substring(0, colon);
    }
    return u.isEmpty() || u.equals("0") || u.equals("root");
  }
}
