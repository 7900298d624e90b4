package io.clinsum.core.dataset;

import io.clinsum.core.dataset.DatasetIssue.Kind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link DatasetValidator} found: every problem with its row, line, byte offset and field.
 *
 * @param source the file checked
 * @param rows data rows seen
 * @param validRows rows without any problem
 * @param counts number of problems of each kind (complete even when {@code issues} is capped)
 * @param issues the problems, in file order, at most {@link DatasetValidator#MAX_LISTED_ISSUES}
 */
public record ValidationReport(
    String source, long rows, long validRows, Map<Kind, Long> counts, List<DatasetIssue> issues) {

  public ValidationReport {
    EnumMap<Kind, Long> copy = new EnumMap<>(Kind.class);
    copy.putAll(counts);
    counts = Collections.unmodifiableMap(copy);
    issues = List.copyOf(issues);
  }

  /** Whether the dataset has rows and no problems. */
  public boolean isValid() {
    return counts.isEmpty() && rows > 0;
  }

  /** Total number of problems. */
  public long issueCount() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A human-readable report: a summary line, counts by kind, then each listed problem. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(source)
        .append(": ")
        .append(rows)
        .append(" rows, ")
        .append(validRows)
        .append(" valid, ")
        .append(issueCount())
        .append(" problem(s)\n");
    counts.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
    for (DatasetIssue issue : issues) {
      sb.append("  ").append(issue).append('\n');
    }
    long unlisted = issueCount() - issues.size();
    if (unlisted > 0) {
      sb.append("  ... and ").append(unlisted).append(" more\n");
    }
    return sb.toString();
  }
}
