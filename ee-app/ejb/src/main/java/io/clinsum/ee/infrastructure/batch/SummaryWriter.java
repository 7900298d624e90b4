package io.clinsum.ee.infrastructure.batch;

import io.clinsum.ee.application.internal.SummaryProducer;
import io.clinsum.ee.domain.model.note.PendingNote;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * Summarizes a chunk of notes together (backends batch them) and stores the results with the job's
 * counters, all in the chunk's transaction.
 */
@Named
@Dependent
public class SummaryWriter extends AbstractItemWriter {
  @Inject private JobContext jobContext;
  @EJB private SummaryProducer producer;

  @Override
  public void writeItems(List<Object> items) throws Exception {
    List<PendingNote> notes = new ArrayList<>(items.size());
    for (Object item : items) {
      notes.add((PendingNote) item);
    }
    long jobId = SummarizeJobListener.jobId(jobContext);
    producer.produce(notes, jobId, "job-" + jobId);
  }
}
