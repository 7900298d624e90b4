package io.clinsum.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.extractive.ExtractiveBackend;
import io.clinsum.core.extractive.SentenceScorer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A SageMaker runtime on loopback for one endpoint: {@code POST /endpoints/NAME/invocations} with
 * the Hugging Face toolkit's JSON, answered by ClinSum's extractive summarizer, so that answers are
 * real summaries of the note sent and differ from note to note.
 */
final class EmulatedEndpoint implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final Summarizer model =
      Summarizers.of(new ExtractiveBackend(SentenceScorer.Mode.SECTION_AWARE, 30));

  EmulatedEndpoint(String name) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/endpoints/" + name + "/invocations",
        exchange -> {
          byte[] answer;
          int status = 200;
          try {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String summary =
                model.summarize(SummarizationRequest.of(body.path("inputs").asText())).text();
            answer = JSON.writeValueAsBytes(List.of(Map.of("summary_text", summary)));
          } catch (RuntimeException e) {
            status = 424;
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ModelError");
            answer =
                JSON.writeValueAsBytes(
                    Map.of("OriginalStatusCode", 400, "OriginalMessage", e.getMessage()));
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    model.close();
  }
}
