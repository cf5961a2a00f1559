package io.dockwatch.host;

import io.dockwatch.host.CgroupStats.DeviceIo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names block devices by number as cAdvisor names them, {@code /dev/} and the kernel's name: the
 * {@code DEVNAME} of {@code /sys/dev/block/<major>:<minor>/uevent}. A device {@code /sys} does not
 * show (it went away, or the root is a container's own) is named by the empty string, as cAdvisor
 * leaves the {@code device} label empty for a device its machine information does not list.
 *
 * <p>Each name is read once and kept while some container's cgroup counts I/O on the device; a
 * device that no container used for a whole round is forgotten, so that a number the kernel gives
 * to a new device later is read afresh. Not thread-safe.
 */
final class DeviceNames {
  private final HostFiles files;
  private final Map<String, String> thisRound = new HashMap<>();
  private final Map<String, String> lastRound = new HashMap<>();

  DeviceNames(HostFiles files) {
    this.files = files;
  }

  /** The devices, each with its name. */
  List<DeviceIo> named(List<DeviceIo> devices) {
    List<DeviceIo> out = new ArrayList<>(devices.size());
    for (DeviceIo d : devices) {
      out.add(d.named(name(d.major() + ":" + d.minor())));
    }
    return out;
  }

  /** Forgets the devices that were not named since the last call. */
  void endRound() {
    lastRound.clear();
    lastRound.putAll(thisRound);
    thisRound.clear();
  }

  private String name(String number) {
    String name = thisRound.get(number);
    if (name == null) {
      name = lastRound.get(number);
      if (name == null) {
        name = files.read("sys/dev/block/" + number + "/uevent").map(DeviceNames::node).orElse("");
      }
      thisRound.put(number, name);
    }
    return name;
  }

  /** The device node a {@code uevent} text names, or the empty string when it names none. */
  static String node(String uevent) {
    for (String line : Text.lines(uevent)) {
      if (line.startsWith("DEVNAME=") && line.length() > "DEVNAME=".length()) {
        return "/dev/" + line.substring("DEVNAME=".length()).strip();
      }
    }
    return "";
  }
}
