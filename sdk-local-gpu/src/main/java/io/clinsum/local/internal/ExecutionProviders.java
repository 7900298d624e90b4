package io.clinsum.local.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses CUDA or CPU for a model and says which, and why, in one log line. CUDA needs the {@code
 * onnxruntime_gpu} artifact on the class path and CUDA 12 with cuDNN 9 on the machine; anything
 * short of that falls back to CPU (unless CUDA was demanded).
 */
public final class ExecutionProviders {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionProviders.class);

  private ExecutionProviders() {}

  /**
   * What was chosen.
   *
   * @param options session options with the provider added
   * @param device "cuda:0" or "cpu"
   * @param reason why
   */
  public record Choice(OrtSession.SessionOptions options, String device, String reason) {}

  /**
   * @param device {@code auto}, {@code cpu} or {@code cuda}
   * @param deviceId CUDA device
   * @param gpuMemoryLimit bytes of GPU memory ONNX Runtime may use; 0 for no limit
   * @param base options with threads and optimization already set
   */
  public static Choice choose(
      String device, int deviceId, long gpuMemoryLimit, OrtSession.SessionOptions base)
      throws OrtException {
    if (device.equals("cpu")) {
      return log(new Choice(base, "cpu", "CPU requested"));
    }
    boolean listed = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
    if (!listed) {
      String why =
          "the CUDA provider is not in this ONNX Runtime build (use the onnxruntime_gpu artifact)";
      if (device.equals("cuda")) {
        throw new io.clinsum.core.ConfigurationException("CUDA requested but " + why);
      }
      return log(new Choice(base, "cpu", why));
    }
    try {
      OrtCUDAProviderOptions cuda = new OrtCUDAProviderOptions(deviceId);
      if (gpuMemoryLimit > 0) {
        cuda.add("gpu_mem_limit", Long.toString(gpuMemoryLimit));
      }
      base.addCUDA(cuda);
      return log(new Choice(base, "cuda:" + deviceId, "CUDA provider loaded"));
    } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
      String why =
          "the CUDA provider failed to load ("
              + e.getMessage()
              + "); it needs CUDA 12.x and cuDNN 9 libraries on the library path";
      if (device.equals("cuda")) {
        throw new io.clinsum.core.ConfigurationException("CUDA requested but " + why, e);
      }
      return log(new Choice(base, "cpu", why));
    }
  }

  private static Choice log(Choice c) {
    if (c.device().equals("cpu") && !c.reason().equals("CPU requested")) {
      LOG.warn("ONNX Runtime on cpu: {}", c.reason());
    } else {
      LOG.info("ONNX Runtime on {}: {}", c.device(), c.reason());
    }
    return c;
  }
}
