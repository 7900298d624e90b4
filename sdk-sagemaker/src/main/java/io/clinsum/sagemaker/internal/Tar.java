package io.clinsum.sagemaker.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a folder as a gzipped POSIX (ustar) tar, as SageMaker expects {@code sourcedir.tar.gz}:
 * regular files only, paths relative to the folder, sorted so that the archive is reproducible.
 */
public final class Tar {
  private static final int BLOCK = 512;

  private Tar() {}

  public static void gzipFolder(Path folder, Path target) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
      for (Path file : files) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        if (name.getBytes(StandardCharsets.UTF_8).length > 100) {
          throw new IOException(
              name + ": paths over 100 bytes do not fit a plain tar header; shorten it");
        }
        long size = Files.size(file);
        out.write(header(name, size));
        try (var in = Files.newInputStream(file)) {
          in.transferTo(out);
        }
        int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
        out.write(new byte[pad]);
      }
      out.write(new byte[BLOCK * 2]); // end of archive
    }
  }

  private static byte[] header(String name, long size) {
    byte[] h = new byte[BLOCK];
    put(h, 0, name.getBytes(StandardCharsets.UTF_8));
    put(h, 100, octal(0644, 7));
    put(h, 108, octal(0, 7));
    put(h, 116, octal(0, 7));
    put(h, 124, octal(size, 11));
    put(h, 136, octal(0, 11)); // mtime 0: the same folder gives the same bytes
    java.util.Arrays.fill(h, 148, 156, (byte) ' ');
    h[156] = '0';
    put(h, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(h, 263, "00".getBytes(StandardCharsets.US_ASCII));
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, octal(sum, 6));
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  private static byte[] octal(long value, int digits) {
    String s = Long.toOctalString(value);
    return ("0".repeat(Math.max(0, digits - s.length())) + s).getBytes(StandardCharsets.US_ASCII);
  }

  private static void put(byte[] h, int at, byte[] value) {
    System.arraycopy(value, 0, h, at, value.length);
  }
}
