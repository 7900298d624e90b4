package io.clinsum.local.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Groups concurrent generation requests into batches: the first request of a batch waits at most
 * {@code maxWait} for others with the same settings, up to {@code maxBatchSize}, then one worker
 * thread generates them together and completes each caller's future with its own output.
 */
public final class DynamicBatcher implements AutoCloseable {
  private record Item(long[] ids, GenerationParams params, CompletableFuture<long[]> result) {}

  private final Generator generator;
  private final int maxBatchSize;
  private final long maxWaitNanos;
  private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
  private final Thread worker;
  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicInteger largestBatch =
      new java.util.concurrent.atomic.AtomicInteger();

  public DynamicBatcher(Generator generator, int maxBatchSize, Duration maxWait, String name) {
    this.generator = generator;
    this.maxBatchSize = maxBatchSize;
    this.maxWaitNanos = maxWait.toNanos();
    this.worker = new Thread(this::work, "clinsum-onnx-batcher-" + name);
    this.worker.setDaemon(true);
    this.worker.start();
  }

  /** Queues one input; the future completes with its output sequence ({@link Generator}). */
  public CompletableFuture<long[]> submit(long[] ids, GenerationParams params) {
    CompletableFuture<long[]> f = new CompletableFuture<>();
    if (closed) {
      f.completeExceptionally(new IllegalStateException("the model is closed"));
      return f;
    }
    queue.add(new Item(ids, params, f));
    return f;
  }

  private void work() {
    List<Item> carry = new ArrayList<>();
    while (!closed) {
      List<Item> batch = new ArrayList<>(maxBatchSize);
      try {
        batch.add(carry.isEmpty() ? queue.take() : carry.remove(0));
        GenerationParams params = batch.get(0).params();
        for (Iterator<Item> it = carry.iterator(); it.hasNext() && batch.size() < maxBatchSize; ) {
          Item i = it.next();
          if (i.params().equals(params)) {
            batch.add(i);
            it.remove();
          }
        }
        long deadline = System.nanoTime() + maxWaitNanos;
        while (batch.size() < maxBatchSize) {
          Item next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          (next.params().equals(params) ? batch : carry).add(next);
        }
      } catch (InterruptedException e) {
        batch.forEach(i -> i.result().completeExceptionally(e));
        break;
      }
      run(batch);
    }
    failAll(carry);
    List<Item> rest = new ArrayList<>();
    queue.drainTo(rest);
    failAll(rest);
  }

  /** The most requests generated together so far (a diagnostic for tuning the wait). */
  public int largestBatch() {
    return largestBatch.get();
  }

  private void run(List<Item> batch) {
    largestBatch.accumulateAndGet(batch.size(), Math::max);
    try {
      List<long[]> inputs = new ArrayList<>(batch.size());
      batch.forEach(i -> inputs.add(i.ids()));
      List<long[]> outputs = generator.generate(inputs, batch.get(0).params(), null);
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result().complete(outputs.get(i));
      }
    } catch (Exception | Error e) {
      batch.forEach(i -> i.result().completeExceptionally(e));
    }
  }

  private static void failAll(List<Item> items) {
    items.forEach(
        i -> i.result().completeExceptionally(new IllegalStateException("the model is closed")));
  }

  /** Stops the worker; queued requests fail. */
  @Override
  public void close() {
    closed = true;
    worker.interrupt();
    try {
      worker.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
