package io.clinsum.sagemaker;

import io.clinsum.core.ConfigurationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The codecs on the class path: the four built in, and any a custom container adds. */
public final class PayloadCodecs {
  private PayloadCodecs() {}

  /** Every codec, sorted by name. */
  public static List<PayloadCodec> all() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = PayloadCodecs.class.getClassLoader();
    }
    List<PayloadCodec> out = new ArrayList<>();
    ServiceLoader.load(PayloadCodec.class, loader).forEach(out::add);
    out.sort(Comparator.comparing(PayloadCodec::name));
    return out;
  }

  /**
   * The codec called {@code name}.
   *
   * @throws ConfigurationException naming the codecs there are
   */
  public static PayloadCodec named(String name) {
    List<PayloadCodec> all = all();
    return all.stream()
        .filter(c -> c.name().equals(name.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new ConfigurationException(
                    "No payload codec named '"
                        + name
                        + "'; available: "
                        + all.stream().map(PayloadCodec::name).collect(Collectors.joining(", "))
                        + " (a custom container adds its own through"
                        + " META-INF/services/io.clinsum.sagemaker.PayloadCodec)"));
  }
}
