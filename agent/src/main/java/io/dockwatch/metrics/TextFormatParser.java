package io.dockwatch.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text format 0.0.4, for the files of the textfile collector. It
 * accepts what node_exporter's parser accepts, less a few things that parser lets through and the
 * exposition cannot carry: names outside the classic character set, label names starting with
 * {@code __}, and the samples of a histogram or summary that are none of its own. Every error names
 * its line. Client-side timestamps are refused, as node_exporter refuses the whole file.
 */
final class TextFormatParser {
  /**
   * The types a {@code # TYPE} line may declare; a family with samples and no such line is untyped.
   */
  enum Type {
    COUNTER,
    GAUGE,
    HISTOGRAM,
    SUMMARY,
    UNTYPED
  }

  /**
   * One sample line: its own name (for a histogram {@code name_bucket} and so on), labels, value.
   */
  record Sample(String name, Map<String, String> labels, double value) {
    Sample {
      labels = Map.copyOf(labels);
    }
  }

  /** A family with at least one sample; {@code help} is null when the file gives none. */
  record Family(String name, String help, Type type, List<Sample> samples) {
    Family {
      samples = List.copyOf(samples);
    }
  }

  /** Why a text is not in the format, and where. */
  static final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    ParseException(int line, String message) {
      super("line " + line + ": " + message);
    }
  }

  static final String BUCKET_LABEL = "le";
  static final String QUANTILE_LABEL = "quantile";

  private static final Pattern FLOAT =
      Pattern.compile(
          "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(?i:inf|infinity)|(?i:nan)");

  /** What {@link #escaped} stops at to read a whole line: no character of a line is a newline. */
  private static final char END_OF_LINE = '\n';

  private static final Pattern TIMESTAMP = Pattern.compile("[+-]?\\d+");

  private final Map<String, Building> families = new LinkedHashMap<>();
  private String line = "";
  private int lineNumber;
  private int pos;

  private TextFormatParser() {}

  /** The families of {@code text}, in the order they first appear. */
  static List<Family> parse(String text) throws ParseException {
    return new TextFormatParser().all(text);
  }

  private List<Family> all(String text) throws ParseException {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      boolean last = i == lines.length - 1;
      if (last && !lines[i].isEmpty()) {
        lineNumber = i + 1;
        throw error("the last line does not end in a newline");
      }
      if (!last) {
        line(i + 1, lines[i]);
      }
    }
    List<Family> out = new ArrayList<>();
    for (Building b : families.values()) {
      if (!b.samples.isEmpty()) {
        out.add(new Family(b.name, b.help, b.type, b.samples));
      }
    }
    return out;
  }

  private void line(int number, String text) throws ParseException {
    line = text;
    lineNumber = number;
    pos = 0;
    skipBlanks();
    if (atEnd()) {
      return;
    }
    if (peek() == '#') {
      pos++;
      comment();
    } else {
      sample();
    }
  }

  /** A {@code # HELP} or {@code # TYPE} line; any other comment is skipped, as is a bare one. */
  private void comment() throws ParseException {
    skipBlanks();
    String keyword = word();
    if (atEnd() || !(keyword.equals("HELP") || keyword.equals("TYPE"))) {
      return;
    }
    skipBlanks();
    String name = name(false);
    if (atEnd()) {
      return;
    }
    if (name.isEmpty() || !isBlank(peek())) {
      throw error("invalid metric name in comment");
    }
    skipBlanks();
    if (atEnd()) {
      return;
    }
    Building family = families.computeIfAbsent(name, Building::new);
    if (keyword.equals("HELP")) {
      if (family.help != null) {
        throw error("second HELP line for " + name);
      }
      family.help = escaped(END_OF_LINE);
    } else {
      if (family.type != null) {
        throw error("second TYPE line for " + name + ", or TYPE after its samples");
      }
      family.type = type(line.substring(pos));
    }
  }

  private Type type(String word) throws ParseException {
    try {
      return Type.valueOf(word.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw error("unknown metric type \"" + word + "\"");
    }
  }

  private void sample() throws ParseException {
    String name = name(false);
    if (name.isEmpty()) {
      throw error("invalid metric name");
    }
    Building family = familyOf(name);
    if (family.type == null) {
      family.type = Type.UNTYPED;
    }
    skipBlanks();
    Map<String, String> labels = new LinkedHashMap<>();
    if (!atEnd() && peek() == '{') {
      pos++;
      labels(name, labels);
      skipBlanks();
    }
    String valueWord = word();
    double value = number(valueWord, "the value");
    if (!atEnd()) {
      skipBlanks();
      String timestamp = word();
      if (!TIMESTAMP.matcher(timestamp).matches()) {
        throw error("expected an integer timestamp, got \"" + timestamp + "\"");
      }
      if (!atEnd()) {
        throw error("spurious text after the timestamp");
      }
      throw error("client-side timestamps are not supported");
    }
    check(family, name, labels);
    family.samples.add(new Sample(name, labels, value));
  }

  private void labels(String metric, Map<String, String> labels) throws ParseException {
    while (true) {
      skipBlanks();
      if (!atEnd() && peek() == '}') {
        pos++;
        return;
      }
      String label = name(true);
      if (label.isEmpty()) {
        throw error("invalid label name for " + metric);
      }
      if (label.startsWith("__")) {
        throw error("label name " + label + " is reserved");
      }
      skipBlanks();
      expect('=', "'=' after label name " + label);
      skipBlanks();
      expect('"', "'\"' at start of the value of label " + label);
      String value = escaped('"');
      expect('"', "'\"' at the end of the value of label " + label);
      if (labels.put(label, value) != null) {
        throw error("duplicate label " + label + " for " + metric);
      }
      skipBlanks();
      if (!atEnd() && peek() == ',') {
        pos++;
      } else if (atEnd() || peek() != '}') {
        throw error("expected ',' or '}' after the value of label " + label);
      }
    }
  }

  /**
   * The family a sample belongs to: {@code x_sum} and {@code x_count} belong to summary {@code x},
   * and {@code x_bucket} too to histogram {@code x}, when {@code x} is declared so.
   */
  private Building familyOf(String name) {
    for (String suffix : List.of("_sum", "_count", "_bucket")) {
      if (name.endsWith(suffix)) {
        Building base = families.get(name.substring(0, name.length() - suffix.length()));
        if (base != null
            && (base.type == Type.HISTOGRAM
                || (base.type == Type.SUMMARY && !suffix.equals("_bucket")))) {
          return base;
        }
      }
    }
    return families.computeIfAbsent(name, Building::new);
  }

  /** A histogram's and a summary's samples are the ones their types define, nothing else. */
  private void check(Building family, String name, Map<String, String> labels)
      throws ParseException {
    String special =
        switch (family.type) {
          case HISTOGRAM -> BUCKET_LABEL;
          case SUMMARY -> QUANTILE_LABEL;
          default -> null;
        };
    if (special == null) {
      return;
    }
    boolean needsIt = name.equals(family.name + (family.type == Type.HISTOGRAM ? "_bucket" : ""));
    boolean sumOrCount = name.equals(family.name + "_sum") || name.equals(family.name + "_count");
    if (!needsIt && !sumOrCount) {
      throw error(
          name
              + " is not a sample of "
              + family.type.name().toLowerCase(Locale.ROOT)
              + " "
              + family.name);
    }
    String v = labels.get(special);
    if (needsIt && v == null) {
      throw error(name + " lacks the label " + special);
    }
    if (sumOrCount && v != null) {
      throw error(name + " must not carry the label " + special);
    }
    if (v != null) {
      number(v, "the label " + special);
    }
  }

  private double number(String word, String what) throws ParseException {
    if (!FLOAT.matcher(word).matches()) {
      throw error("expected a number as " + what + ", got \"" + word + "\"");
    }
    String w = word.toLowerCase(Locale.ROOT);
    if (w.equals("nan")) {
      return Double.NaN;
    }
    if (w.endsWith("inf") || w.endsWith("infinity")) {
      return w.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(word);
  }

  /** A metric name ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}) or label name (no colons); may be empty. */
  private String name(boolean label) {
    int start = pos;
    while (!atEnd()) {
      char c = peek();
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      boolean ok = letter || (!label && c == ':') || (pos > start && c >= '0' && c <= '9');
      if (!ok) {
        break;
      }
      pos++;
    }
    return line.substring(start, pos);
  }

  /** Text up to {@code end} or the line's end, with the escapes backslash, quote and n. */
  private String escaped(char end) throws ParseException {
    StringBuilder out = new StringBuilder();
    while (!atEnd() && peek() != end) {
      char c = line.charAt(pos++);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (atEnd()) {
        throw error("a backslash ends the line");
      }
      char e = line.charAt(pos++);
      switch (e) {
        case '\\', '"' -> out.append(e);
        case 'n' -> out.append('\n');
        default -> throw error("invalid escape sequence \\" + e);
      }
    }
    return out.toString();
  }

  /** The word from here to the next blank or the line's end. */
  private String word() {
    int start = pos;
    while (!atEnd() && !isBlank(peek())) {
      pos++;
    }
    return line.substring(start, pos);
  }

  private void expect(char c, String what) throws ParseException {
    if (atEnd() || peek() != c) {
      throw error("expected " + what);
    }
    pos++;
  }

  private void skipBlanks() {
    while (!atEnd() && isBlank(peek())) {
      pos++;
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private boolean atEnd() {
    return pos >= line.length();
  }

  private char peek() {
    return line.charAt(pos);
  }

  private ParseException error(String message) {
    return new ParseException(lineNumber, message);
  }

  /** A family while its lines are read. */
  private static final class Building {
    private final String name;
    private final List<Sample> samples = new ArrayList<>();
    private String help;
    private Type type;

    Building(String name) {
      this.name = name;
    }
  }
}
