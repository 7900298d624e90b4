package io.clinsum.ee.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** An executor that keeps submitted tasks until the test runs them. */
public final class ManualExecutor extends AbstractExecutorService {
  private final List<Runnable> tasks = new ArrayList<>();
  private boolean rejecting;

  @Override
  public void execute(Runnable command) {
    if (rejecting) {
      throw new RejectedExecutionException("the executor is full");
    }
    tasks.add(command);
  }

  /** Runs the waiting tasks, in order, on the caller's thread. */
  public void runAll() {
    while (!tasks.isEmpty()) {
      tasks.remove(0).run();
    }
  }

  public int waiting() {
    return tasks.size();
  }

  public void reject() {
    rejecting = true;
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }
}
