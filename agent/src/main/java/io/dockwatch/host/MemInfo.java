package io.dockwatch.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The fields of {@code /proc/meminfo}, in the kernel's order and with the kernel's names. */
public record MemInfo(List<Field> fields) {

  public MemInfo {
    fields = List.copyOf(fields);
  }

  /**
   * One line of the file.
   *
   * @param name as the kernel spells it, for example {@code Active(anon)}
   * @param value the number as printed
   * @param kibibytes whether the kernel printed a {@code kB} unit (meaning KiB), as it does for
   *     every field but the huge page counts
   */
  public record Field(String name, long value, boolean kibibytes) {

    /** The value in bytes for a field with a unit, else the bare number. */
    public double scaled() {
      return kibibytes ? value * 1024.0 : value;
    }
  }

  /** The field of that name in bytes (or as printed, if it has no unit), if the kernel has it. */
  public Optional<Double> get(String name) {
    for (Field f : fields) {
      if (f.name.equals(name)) {
        return Optional.of(f.scaled());
      }
    }
    return Optional.empty();
  }

  static MemInfo parse(String text) {
    List<Field> out = new ArrayList<>();
    for (String line : Text.lines(text)) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String[] f = Text.fields(line.substring(colon + 1));
      if (f.length == 0 || f.length > 2 || !Text.isInteger(f[0])) {
        continue;
      }
      out.add(new Field(line.substring(0, colon).strip(), Long.parseLong(f[0]), f.length == 2));
    }
    return new MemInfo(out);
  }
}
