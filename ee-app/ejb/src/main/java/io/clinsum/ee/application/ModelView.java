package io.clinsum.ee.application;

/**
 * How one model version fares in review. The ROUGE scores compare the generated summary with the
 * text reviewers kept (1.0 for an approval, the reviewer's correction for an edit): how much of the
 * model's output survives review. Null while no summary of this version was approved or edited.
 *
 * @param reviewed approved + edited + rejected
 */
public record ModelView(
    String backend,
    String modelId,
    String modelVersion,
    long summaries,
    long generated,
    long approved,
    long edited,
    long rejected,
    long reviewed,
    Double rouge1,
    Double rouge2,
    Double rougeL) {}
