package io.clinsum.ee.application.internal;

import io.clinsum.ee.application.JobView;
import io.clinsum.ee.application.RevisionView;
import io.clinsum.ee.application.SummaryView;
import io.clinsum.ee.domain.model.job.Job;
import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.summary.Summary;
import io.clinsum.ee.domain.model.summary.SummaryRevision;

/** Entities to views, inside the transaction that loaded them. */
final class Views {
  private Views() {}

  static SummaryView summary(Summary s, boolean withNoteText) {
    ClinicalNote n = s.getNote();
    return new SummaryView(
        s.getId(),
        n.getId(),
        n.getPatient().getExternalId(),
        n.getNoteType(),
        s.getState().name(),
        s.getText(),
        s.getGeneratedText(),
        s.getBackend(),
        s.getModelId(),
        s.getModelVersion(),
        s.getElapsedMs(),
        s.getInputTokens(),
        s.getOutputTokens(),
        s.getChunks(),
        s.getReviewer(),
        s.getReviewedAt(),
        s.getReviewComment(),
        s.getCreatedAt(),
        s.getVersion(),
        withNoteText ? n.getText() : null,
        withNoteText ? PhiSpans.of(n.getText()) : null);
  }

  static JobView job(Job j) {
    return new JobView(
        j.getId(),
        j.getKind().name(),
        j.getStatus().name(),
        j.getTotal(),
        j.getProcessed(),
        j.getSucceeded(),
        j.getFailed(),
        j.progress(),
        j.getAttempts(),
        j.getLaunches(),
        j.getError(),
        j.getCreatedBy(),
        j.getCreatedAt(),
        j.getStartedAt(),
        j.getFinishedAt());
  }

  static RevisionView revision(SummaryRevision r) {
    return new RevisionView(
        r.getRevision(), r.getState().name(), r.getText(), r.getActor(), r.getComment(), r.getAt());
  }
}
