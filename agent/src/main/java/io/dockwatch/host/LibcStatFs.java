package io.dockwatch.host;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.platform.linux.LibC;
import java.nio.file.Path;

/**
 * {@link StatFs} through the C library, which Java's own {@code FileStore} cannot replace: it has
 * no inode counts. Sizes are counted in {@code f_bsize} blocks, as node_exporter counts them, so
 * that the two agree on every file system.
 *
 * <p>A call on a hung network mount blocks its thread; the host collector runs on a thread of its
 * own so that container metrics keep flowing.
 */
public final class LibcStatFs implements StatFs {

  @Override
  public Result stat(Path path) {
    LibC.Statvfs buf = new LibC.Statvfs();
    try {
      if (LibC.INSTANCE.statvfs(path.toString(), buf) != 0) {
        int errno = Native.getLastError();
        return new Failure(Errno.describe(errno));
      }
    } catch (LinkageError e) {
      return new Failure("statvfs unavailable");
    }
    double block = unsigned(buf.f_bsize);
    return new Usage(
        unsigned(buf.f_blocks) * block,
        unsigned(buf.f_bfree) * block,
        unsigned(buf.f_bavail) * block,
        unsigned(buf.f_files),
        unsigned(buf.f_ffree));
  }

  /** The C fields are unsigned; a count past 2^63 must not turn negative. */
  private static double unsigned(NativeLong value) {
    long v = value.longValue();
    return v >= 0 ? v : v + 0x1p64;
  }
}
