package io.clinsum.sagemaker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import software.amazon.awssdk.regions.Region;

/**
 * URIs of the Hugging Face PyTorch training and inference images (AWS Deep Learning Containers), as
 * the SageMaker Python SDK's estimator picks them: {@code
 * ACCOUNT.dkr.ecr.REGION.amazonaws.com/huggingface-pytorch-training:TAG}. Registry accounts per
 * region and the default tags come from {@code huggingface-images.properties}; both can be
 * overridden (a newer tag, a private copy of the image).
 */
public final class HuggingFaceImages {
  private static final Properties TABLE = load();

  private HuggingFaceImages() {}

  /** The training image for {@code region} with {@code tag} (null: ClinSum's default tag). */
  public static String training(Region region, String tag) {
    return uri(
        region,
        "huggingface-pytorch-training",
        tag == null ? TABLE.getProperty("training.tag") : tag);
  }

  /** The inference image for {@code region} with {@code tag} (null: ClinSum's default tag). */
  public static String inference(Region region, String tag) {
    return uri(
        region,
        "huggingface-pytorch-inference",
        tag == null ? TABLE.getProperty("inference.tag") : tag);
  }

  /** The registry account that serves these images in {@code region}. */
  public static String account(Region region) {
    return TABLE.getProperty(region.id(), TABLE.getProperty("default"));
  }

  private static String uri(Region region, String repository, String tag) {
    String domain = region.id().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    return account(region)
        + ".dkr.ecr."
        + region.id()
        + "."
        + domain
        + "/"
        + repository
        + ":"
        + tag;
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in =
        HuggingFaceImages.class.getResourceAsStream("huggingface-images.properties")) {
      p.load(in);
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(
          new IOException("huggingface-images.properties is missing from the jar", e));
    }
    return p;
  }
}
