package io.clinsum.sagemaker.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.clinsum.core.GenerationOptions;
import io.clinsum.core.InvalidRequestException;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.SummarizationResult;
import io.clinsum.core.Summarizer;
import io.clinsum.sagemaker.EndpointConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/** {@code /ping} and {@code /invocations}: the SageMaker container contract. */
@Path("/")
public final class InvocationsResource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = Logger.getLogger(InvocationsResource.class.getName());
  private final Summarizer summarizer;
  private final BooleanSupplier stopping;

  /**
   * @param stopping true once the server is draining, so that the load balancer sends no more
   */
  InvocationsResource(Summarizer summarizer, BooleanSupplier stopping) {
    this.summarizer = summarizer;
    this.stopping = stopping;
  }

  @GET
  @Path("ping")
  public Response ping() {
    return stopping.getAsBoolean()
        ? Response.status(503).build()
        : Response.ok("{\"status\":\"healthy\"}", MediaType.APPLICATION_JSON).build();
  }

  @POST
  @Path("invocations")
  public Response invocations(@HeaderParam("Content-Type") String contentType, InputStream body)
      throws IOException {
    if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
      return error(415, "send Content-Type: application/json (was " + contentType + ")");
    }
    byte[] bytes = body.readNBytes(EndpointConfig.MAX_REQUEST_BYTES + 1);
    if (bytes.length > EndpointConfig.MAX_REQUEST_BYTES) {
      return error(413, "the body is over " + EndpointConfig.MAX_REQUEST_BYTES + " bytes");
    }
    List<SummarizationRequest> requests;
    boolean many;
    try {
      JsonNode root = JSON.readTree(bytes);
      if (root == null || !root.isObject()) {
        return error(400, "the body must be a JSON object with \"inputs\"");
      }
      JsonNode inputs = root.get("inputs");
      many = inputs != null && inputs.isArray();
      GenerationOptions options = options(root.path("parameters"));
      String instruction = root.path("parameters").path("instruction").asText(null);
      requests = new ArrayList<>();
      for (JsonNode input : many ? inputs : List.of(inputs == null ? JSON.nullNode() : inputs)) {
        if (!input.isTextual()) {
          return error(400, "\"inputs\" must be a string or a list of strings");
        }
        SummarizationRequest.Builder r =
            SummarizationRequest.builder()
                .id("input-" + requests.size())
                .text(input.asText())
                .options(options);
        if (instruction != null) {
          r.instruction(instruction);
        }
        requests.add(r.build());
      }
    } catch (JsonProcessingException e) {
      long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
      return error(400, "the body is not JSON" + (offset >= 0 ? " (at byte " + offset + ")" : ""));
    } catch (IllegalArgumentException e) {
      return error(400, e.getMessage());
    }
    try {
      List<SummarizationResult> results = summarizer.summarizeAll(requests);
      ArrayNode out = JSON.createArrayNode();
      for (SummarizationResult r : results) {
        out.addObject().put("summary_text", r.text());
      }
      return Response.ok(JSON.writeValueAsBytes(out), MediaType.APPLICATION_JSON).build();
    } catch (InvalidRequestException e) {
      return error(400, e.getMessage());
    } catch (RuntimeException e) {
      // The container's log: the failure's kind, never the note.
      LOG.warning(() -> "Invocation failed: " + e.getClass().getSimpleName());
      return error(500, "the model failed: " + e.getClass().getSimpleName());
    }
  }

  private static GenerationOptions options(JsonNode p) {
    GenerationOptions.Builder b = GenerationOptions.builder();
    if (p.isMissingNode() || p.isNull()) {
      return b.build();
    }
    if (!p.isObject()) {
      throw new IllegalArgumentException("\"parameters\" must be an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "max_length", "max_new_tokens" -> b.maxLength(integer(e.getKey(), v));
        case "min_length" -> b.minLength(integer(e.getKey(), v));
        case "num_beams" -> b.numBeams(integer(e.getKey(), v));
        case "no_repeat_ngram_size" -> b.noRepeatNgramSize(integer(e.getKey(), v));
        case "length_penalty" -> b.lengthPenalty(number(e.getKey(), v));
        case "repetition_penalty" -> b.repetitionPenalty(number(e.getKey(), v));
        case "early_stopping" -> {
          if (!v.isBoolean()) {
            throw new IllegalArgumentException("parameters.early_stopping must be true or false");
          }
          b.earlyStopping(v.asBoolean());
        }
        default -> {
          // like the Hugging Face toolkit: parameters this model does not use are ignored
        }
      }
    }
    return b.build();
  }

  private static int integer(String name, JsonNode v) {
    if (!v.isIntegralNumber()) {
      throw new IllegalArgumentException(
          "parameters." + name + " must be a whole number, was " + v);
    }
    return v.asInt();
  }

  private static double number(String name, JsonNode v) {
    if (!v.isNumber()) {
      throw new IllegalArgumentException("parameters." + name + " must be a number, was " + v);
    }
    return v.asDouble();
  }

  private static Response error(int status, String message) {
    try {
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON)
          .entity(JSON.writeValueAsBytes(Map.of("error", message)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
