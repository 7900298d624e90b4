package io.clinsum.ee.devserver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process this JVM started and its descendants, captured at one moment. Only such trees are ever
 * signalled: nothing here looks processes up by name, command line or pid file.
 */
final class ProcessTree {
  private final Process root;
  private final List<ProcessHandle> members;

  private ProcessTree(Process root) {
    this.root = root;
    List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
    all.add(root.toHandle());
    this.members = List.copyOf(all);
  }

  /** {@code process} and its descendants as they are now. */
  static ProcessTree of(Process process) {
    return new ProcessTree(process);
  }

  /** SIGTERM to the descendants (the launcher script defers signals to its child), else root. */
  void terminate() {
    List<ProcessHandle> children =
        members.stream().filter(p -> !p.equals(root.toHandle())).toList();
    (children.isEmpty() ? members : children).forEach(ProcessHandle::destroy);
  }

  /** SIGKILL to every member. */
  void kill() {
    members.forEach(ProcessHandle::destroyForcibly);
  }

  /** Whether every member exited within {@code timeout}. */
  boolean awaitExit(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ProcessHandle process : members) {
      try {
        process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return false;
      } catch (ExecutionException e) {
        throw new LocalServerException("Waiting for process " + process.pid() + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Terminates, then kills whatever has not exited within {@code grace}. */
  boolean stop(Duration grace) {
    terminate();
    if (awaitExit(grace)) {
      return true;
    }
    kill();
    awaitExit(grace);
    return false;
  }
}
