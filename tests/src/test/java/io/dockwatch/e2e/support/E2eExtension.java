package io.dockwatch.e2e.support;

import java.lang.reflect.Method;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the end-to-end tests their real peers as parameters: the {@link Engine}, started once for
 * the whole test run and shared; a {@link ForwardReceiver} and an {@link AgentLauncher} of the
 * test's own, closed when it ends. After each test the containers it labelled are removed, so tests
 * must not run in parallel on one engine.
 */
public final class E2eExtension implements ParameterResolver, AfterEachCallback {
  private static final Namespace NAMESPACE = Namespace.create(E2eExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Engine.class || type == ForwardReceiver.class || type == AgentLauncher.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == Engine.class) {
      return engine(context);
    }
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (type == ForwardReceiver.class) {
      return store.getOrComputeIfAbsent(
          ForwardReceiver.class, key -> ForwardReceiver.listen(), ForwardReceiver.class);
    }
    return store.getOrComputeIfAbsent(
        AgentLauncher.class, key -> AgentLauncher.forJar(workDir(context)), AgentLauncher.class);
  }

  private static Engine engine(ExtensionContext context) {
    // The root context's store lives as long as the test run, and closes the engine at its end.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Engine.class, key -> Engine.startOrConnect(), Engine.class);
  }

  private static Path workDir(ExtensionContext context) {
    String test = context.getTestMethod().map(Method::getName).orElse("class");
    return Path.of("target", "e2e-work", context.getRequiredTestClass().getSimpleName(), test);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Engine engine = context.getRoot().getStore(NAMESPACE).get(Engine.class, Engine.class);
    if (engine != null) {
      engine.removeTestContainers();
    }
  }
}
