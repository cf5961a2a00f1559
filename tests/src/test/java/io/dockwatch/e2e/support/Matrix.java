package io.dockwatch.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a conformance suite does on the engine besides judging: makes the containers of its rows,
 * starts exec sessions in them, and waits for the states its table assumes.
 */
public final class Matrix {
  private static final int PARALLEL = 4;
  private static final int OOM_ATTEMPTS = 4;

  private Matrix() {}

  /** Makes the rows' containers a few at a time: the engine takes about half a second each. */
  public static void make(Engine engine, List<MatrixRow> rows) {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      List<Future<?>> made = new ArrayList<>();
      rows.forEach(row -> made.add(pool.submit(() -> row.make(engine))));
      for (Future<?> f : made) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot make a container of the matrix", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while making the matrix", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code docker exec -u USER NAME id}. */
  public static void exec(Engine engine, String user, String name) {
    engine.docker("exec", "-u", user, name, "id");
  }

  /**
   * {@code docker exec --privileged NAME true}, which an engine that may not grant every capability
   * (as in an unprivileged build container) cannot start; the engine announces and keeps the exec
   * either way, and the attempt is what an agent must report.
   */
  public static void execPrivileged(Engine engine, String name) {
    try {
      engine.docker("exec", "--privileged", name, "true");
    } catch (IllegalStateException refused) {
      // 126: the engine created the exec session but could not start its process
      assertThat(refused).hasMessageContaining("exited 126");
    }
  }

  /** Waits up to 30 s until {@code docker inspect -f FORMAT NAME} prints {@code value}. */
  public static void awaitState(Engine engine, String name, String format, String value) {
    await(name + " " + format + " = " + value)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> engine.docker("inspect", "-f", format, name).strip(), value::equals);
  }

  /**
   * Waits until the container has exited on an out-of-memory kill, as the engine records it in
   * {@code State.OOMKilled}. An engine on cgroup v1 can handle the exit before it learns of the
   * kill and then records none (about one exit in eight here); such a container is started again,
   * at most {@value #OOM_ATTEMPTS} times in all: fewer restarts than the restart-loop rule
   * tolerates.
   */
  public static void awaitOomKill(Engine engine, String name) {
    for (int attempt = 1; ; attempt++) {
      awaitState(engine, name, "{{.State.Status}}", "exited");
      if (engine.docker("inspect", "-f", "{{.State.OOMKilled}}", name).strip().equals("true")) {
        return;
      }
      if (attempt == OOM_ATTEMPTS) {
        throw new IllegalStateException(name + " exited " + attempt + " times, never OOM-killed");
      }
      engine.docker("start", name);
    }
  }

  /**
   * The host ports the engine bound for the container, as {@code PORT/PROTOCOL}: one entry for a
   * port bound on several addresses.
   */
  public static Set<String> hostPorts(Engine engine, String name) {
    String format = "{{range $p, $b := .NetworkSettings.Ports}}{{range $b}}{{.HostPort}}:{{$p}} ";
    Set<String> out = new TreeSet<>();
    for (String bound :
        engine.docker("inspect", "-f", format + "{{end}}{{end}}", name).split(" ")) {
      String[] hostAndContainer = bound.strip().split(":", 2);
      if (hostAndContainer.length == 2) {
        String protocol = hostAndContainer[1].substring(hostAndContainer[1].indexOf('/') + 1);
        out.add(hostAndContainer[0] + "/" + protocol);
      }
    }
    return out;
  }

  /** A port below 1024 that nothing holds on 127.0.0.1 now. */
  public static int freePrivilegedPort() {
    for (int port = 990; port < 1024; port++) {
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return s.getLocalPort();
      } catch (IOException taken) {
        // held by something else: the next one, then
      }
    }
    throw new IllegalStateException("every port from 990 to 1023 is taken on 127.0.0.1");
  }
}
