package io.clinsum.core.dataset.internal;

import io.clinsum.core.dataset.DatasetIssue;
import java.util.Map;

/**
 * One row as read from a file, before mapping to a record.
 *
 * @param row data row number
 * @param line physical line where it starts
 * @param byteOffset byte offset where it starts
 * @param fields named values, in source order ({@code null} values for JSON nulls)
 * @param issue the structural problem of this row, or {@code null}
 */
public record RawRow(
    long row, long line, long byteOffset, Map<String, String> fields, DatasetIssue issue) {}
