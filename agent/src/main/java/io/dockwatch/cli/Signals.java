package io.dockwatch.cli;

import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP handling through the JDK's {@code sun.misc.Signal}, reached reflectively: the class is
 * supported in practice but javac warns on any direct use, and the build treats warnings as errors.
 * Where the JDK lacks it, reload is unavailable and the agent says so once.
 */
final class Signals {
  private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

  private Signals() {}

  static void onHangup(Runnable action) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object proxy =
          Proxy.newProxyInstance(
              Signals.class.getClassLoader(),
              new Class<?>[] {handler},
              (p, method, args) -> {
                if ("handle".equals(method.getName())) {
                  action.run();
                }
                return null;
              });
      Object hup = signal.getConstructor(String.class).newInstance("HUP");
      signal.getMethod("handle", signal, handler).invoke(null, hup, proxy);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("SIGHUP reload unavailable on this JVM: {}", e.toString());
    }
  }
}
