package io.dockwatch.findings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockwatch.policy.RuleCatalog;
import io.dockwatch.policy.RuleInfo;
import io.dockwatch.policy.Violation;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the standing findings in {@code findings.json} under the state directory, so that an agent
 * restart neither opens them twice nor forgets to resolve those whose cause went away while it was
 * down. Written whole to a temporary file and renamed into place.
 */
public final class LedgerStore {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerStore.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Path file;

  public LedgerStore(Path stateDir) {
    this.file = stateDir.resolve("findings.json");
  }

  public void save(Collection<Finding> findings) throws IOException {
    ArrayNode all = JSON.createArrayNode();
    for (Finding f : findings) {
      ObjectNode n = all.addObject();
      n.put("rule", f.rule().id());
      n.put("severity", f.rule().severity().label());
      n.put("state", f.state().name());
      n.put("fingerprint", f.fingerprint());
      n.put("first_seen", f.firstSeen().toString());
      n.put("last_seen", f.lastSeen().toString());
      n.put("last_stated", f.lastStated().toString());
      n.set("subject", JSON.valueToTree(f.subject()));
      n.put("detail", f.violation().detail());
      n.put("message", f.violation().message());
      n.set("evidence", JSON.valueToTree(f.violation().evidence()));
    }
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, JSON.writeValueAsBytes(all));
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The findings of the last run. A missing file is a first start; an unreadable one is logged and
   * treated as empty, since the first evaluation rebuilds the truth anyway (at the cost of
   * re-opening what stood before).
   */
  public List<Finding> load(RuleCatalog catalog) {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    try {
      for (JsonNode n : JSON.readTree(file.toFile())) {
        String id = n.path("rule").asText();
        if (!catalog.ids().contains(id)) {
          continue;
        }
        RuleInfo rule = catalog.get(id);
        rule =
            io.dockwatch.policy.Severity.parse(n.path("severity").asText())
                .map(rule::withSeverity)
                .orElse(rule);
        SubjectRef subject = JSON.treeToValue(n.path("subject"), SubjectRef.class);
        Violation v =
            new Violation(
                n.path("detail").asText(),
                n.path("message").asText(),
                JSON.convertValue(n.path("evidence"), MAP));
        out.add(
            new Finding(
                rule,
                subject,
                v,
                FindingState.valueOf(n.path("state").asText()),
                Optional.empty(),
                n.path("fingerprint").asText(),
                Instant.parse(n.path("first_seen").asText()),
                Instant.parse(n.path("last_seen").asText()),
                Instant.parse(n.path("last_stated").asText())));
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read {}; starting with no standing findings: {}", file, e.toString());
      return List.of();
    }
    return out;
  }
}
