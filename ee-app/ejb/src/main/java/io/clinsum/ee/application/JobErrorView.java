package io.clinsum.ee.application;

/** A row or note a job could not handle: where (row, note, field, location) and why. */
public record JobErrorView(Long row, Long noteId, String field, String location, String message) {}
