package io.clinsum.ee.application.internal;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.testing.FakeJobLauncher;
import io.clinsum.ee.testing.FakePasswordHash;
import io.clinsum.ee.testing.FakeUserTransaction;
import io.clinsum.ee.testing.FixedSummarizerSource;
import io.clinsum.ee.testing.InMemoryAuditLog;
import io.clinsum.ee.testing.InMemoryGroupingStore;
import io.clinsum.ee.testing.InMemoryJobStore;
import io.clinsum.ee.testing.InMemoryNoteStore;
import io.clinsum.ee.testing.InMemorySummaryStore;
import io.clinsum.ee.testing.InMemoryUserStore;
import io.clinsum.ee.testing.ManualExecutor;
import io.clinsum.ee.testing.MutableClock;
import java.time.Instant;
import java.util.Set;

/** The application's beans wired to in-memory ports, as the container wires them to adapters. */
final class TestApp implements AutoCloseable {
  static final Actor ADMIN = new Actor("admin", Set.of(Actor.ADMIN));
  static final Actor REVIEWER = new Actor("rita", Set.of(Actor.REVIEWER));
  static final Actor CLINICIAN = new Actor("carl", Set.of(Actor.CLINICIAN));

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
  final InMemoryJobStore jobs = new InMemoryJobStore(clock);
  final InMemoryNoteStore notes = new InMemoryNoteStore(clock);
  final InMemorySummaryStore summaries = new InMemorySummaryStore(notes, jobs, clock);
  final InMemoryGroupingStore groupings = new InMemoryGroupingStore(jobs);
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final FakeJobLauncher launcher = new FakeJobLauncher();
  final ManualExecutor executor = new ManualExecutor();
  final FakeUserTransaction tx = new FakeUserTransaction(notes);
  final FixedSummarizerSource summarizer;

  final JobSupervisor supervisor = new JobSupervisor();
  final SummaryProducer producer = new SummaryProducer();
  final SummarizationServiceBean summarization = new SummarizationServiceBean();
  final ReviewServiceBean review = new ReviewServiceBean();
  final ImportServiceBean imports = new ImportServiceBean();
  final ExportServiceBean export = new ExportServiceBean();
  final JobServiceBean jobService = new JobServiceBean();
  final GroupingRunner groupingRunner = new GroupingRunner();
  final GroupingServiceBean grouping = new GroupingServiceBean();
  final NoteServiceBean noteService = new NoteServiceBean();
  final InMemoryUserStore users = new InMemoryUserStore();
  final FakePasswordHash hash = new FakePasswordHash();
  final UserServiceBean userService = new UserServiceBean();

  TestApp() {
    this(FixedSummarizerSource.extractive());
  }

  TestApp(FixedSummarizerSource summarizer) {
    this.summarizer = summarizer;
    supervisor.jobs = jobs;
    supervisor.launcher = launcher;
    supervisor.notes = notes;
    supervisor.audit = audit;
    supervisor.clock = clock;

    producer.summarizer = summarizer;
    producer.summaries = summaries;

    summarization.producer = producer;
    summarization.supervisor = supervisor;
    summarization.jobs = jobs;
    summarization.notes = notes;
    summarization.summaries = summaries;
    summarization.summarizer = summarizer;
    summarization.audit = audit;
    summarization.executor = executor;

    review.summaries = summaries;
    review.audit = audit;
    review.clock = clock;

    imports.tx = tx;
    imports.jobs = jobs;
    imports.notes = notes;
    imports.supervisor = supervisor;
    imports.audit = audit;

    export.summaries = summaries;
    export.audit = audit;

    jobService.jobs = jobs;

    groupingRunner.tracker = jobs;
    groupingRunner.store = groupings;
    groupingRunner.executor = executor;
    // No embedder: these tests never reach the SDK's grouping (see GroupingServiceBeanTest).
    grouping.jobs = jobs;
    grouping.store = groupings;
    grouping.runner = groupingRunner;
    grouping.audit = audit;

    noteService.notes = notes;
    noteService.summaries = summaries;
    noteService.audit = audit;

    userService.users = users;
    userService.hash = hash;
    userService.audit = audit;
  }

  @Override
  public void close() {
    summarizer.close();
  }
}
