package io.dockwatch.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The versions of the CIS Docker Benchmark a finding can be numbered in. Rule ids and the catalogue
 * keep the v1.6.0 numbers for good; a finding shows the number of the version the operator audits
 * against.
 */
public enum CisBenchmark {
  V1_6_0("1.6.0"),
  V1_7_0("1.7.0"),
  /** Inserts 2.7 "devicemapper storage driver is not used": v1.6.0's 2.7 to 2.18 move up by one. */
  V1_8_0("1.8.0");

  public static final CisBenchmark NEWEST = V1_8_0;

  private final String label;

  CisBenchmark(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<CisBenchmark> parse(String text) {
    for (CisBenchmark b : values()) {
      if (b.label.equals(text.trim())) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /**
   * The number in this version of a check numbered {@code v160} in v1.6.0. Several numbers may be
   * given separated by commas; empty stays empty.
   */
  public String number(String v160) {
    if (v160.isBlank()) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (String n : v160.split(",")) {
      out.add(one(n.trim()));
    }
    return String.join(",", out);
  }

  private String one(String n) {
    if (this != V1_8_0 || !n.startsWith("2.")) {
      return n;
    }
    String[] parts = n.split("\\.");
    if (parts.length != 2 || !parts[1].matches("\\d+")) {
      return n;
    }
    int minor = Integer.parseInt(parts[1]);
    return minor >= 7 && minor <= 18 ? "2." + (minor + 1) : n;
  }
}
