package io.clinsum.sagemaker;

/** SageMaker's rule for resource names (jobs, models, endpoints, configs). */
final class Names {
  private Names() {}

  static String check(String what, String name) {
    if (name == null || !name.matches("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}")) {
      throw new IllegalArgumentException(
          what + " name must be 1 to 63 letters, digits and hyphens, was '" + name + "'");
    }
    return name;
  }
}
