package io.dockwatch.hostfacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The host's file system as seen under a root directory: {@code /} on the host itself, or the
 * directory where the host's root is mounted when the agent runs in a container, or a fixture tree
 * in tests. Symbolic links are followed inside the root: an absolute link such as {@code /var/run
 * -> /run} leads to {@code ROOT/run}, never to the agent's own {@code /run}.
 */
public final class HostRoot {
  /** As the kernel's limit: more links than this in one path is a loop. */
  private static final int MAX_LINKS = 40;

  private final Path root;

  public HostRoot(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /**
   * Where a host path really is under the root, every symbolic link on the way resolved; empty when
   * a link loops. The result may not exist.
   */
  public Optional<Path> resolve(String hostPath) {
    return hostPathOf(hostPath).map(this::local);
  }

  /** The path as the host names it after following its links, such as {@code /run/docker.sock}. */
  public Optional<String> hostPathOf(String hostPath) {
    Deque<String> todo = new ArrayDeque<>();
    push(todo, hostPath);
    Deque<String> done = new ArrayDeque<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String part = todo.pop();
      if (part.equals("..")) {
        done.pollLast();
        continue;
      }
      done.addLast(part);
      Path here = local(join(done));
      done.removeLast();
      if (Files.isSymbolicLink(here)) {
        if (++links > MAX_LINKS) {
          return Optional.empty();
        }
        String target;
        try {
          target = Files.readSymbolicLink(here).toString();
        } catch (IOException e) {
          return Optional.empty();
        }
        if (target.startsWith("/")) {
          done.clear();
        }
        push(todo, target);
      } else {
        done.addLast(part);
      }
    }
    return Optional.of(join(done));
  }

  /** The local path of a host path, without following links. */
  public Path local(String hostPath) {
    String relative = hostPath.replaceFirst("^/+", "");
    return relative.isEmpty() ? root : root.resolve(relative);
  }

  public boolean exists(String hostPath) {
    return resolve(hostPath).map(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)).orElse(false);
  }

  private static void push(Deque<String> todo, String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (!parts[i].isEmpty() && !parts[i].equals(".")) {
        todo.push(parts[i]);
      }
    }
  }

  private static String join(Deque<String> parts) {
    return parts.isEmpty() ? "/" : "/" + String.join("/", parts);
  }
}
