package io.clinsum.ee.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JSON request bodies are checked against the record the endpoint reads before any binding: the
 * body must be valid UTF-8 (else 400 with the byte offset), a JSON object, with no field the record
 * does not have (a misspelt field would otherwise be dropped silently) and with text where the
 * record wants text (JSON-B would turn {@code 12} into {@code "12"}).
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class StrictJsonBodies implements ContainerRequestFilter {
  /** Room for the longest note (1,000,000 characters) even when every one is escaped. */
  static final int MAX_BYTES = 8 * 1024 * 1024;

  @Context private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    Class<?> body = bodyRecord(resource.getResourceMethod());
    if (body == null
        || !request.hasEntity()
        || !MediaType.APPLICATION_JSON_TYPE.isCompatible(request.getMediaType())) {
      return;
    }
    byte[] bytes = request.getEntityStream().readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      request.abortWith(
          Problems.of(
              Response.Status.REQUEST_ENTITY_TOO_LARGE,
              "Request body too large",
              "JSON bodies are limited to "
                  + MAX_BYTES / (1024 * 1024)
                  + " MB; a note to"
                  + " 1,000,000 characters. Send files through /notes/import."));
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(bytes));
    if (bytes.length == 0) {
      return; // bound as null; @NotNull says what is missing
    }
    String text;
    try {
      CharsetDecoder utf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      text = utf8.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (MalformedInputException e) {
      request.abortWith(
          bad("The body is not UTF-8 (bad byte near offset " + utf8Offset(bytes) + ")", List.of()));
      return;
    } catch (CharacterCodingException e) {
      request.abortWith(bad("The body is not UTF-8", List.of()));
      return;
    }
    JsonValue value;
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      value = reader.readValue();
    } catch (RuntimeException | StackOverflowError e) {
      // Parsson reports nesting beyond its depth limit with a bare RuntimeException.
      request.abortWith(
          bad(
              "The body is not valid JSON"
                  + (e instanceof JsonException && e.getMessage() != null
                      ? ": " + e.getMessage()
                      : " (or nests deeper than 1000 levels)"),
              List.of()));
      return;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      request.abortWith(bad("The body must be a JSON object", List.of()));
      return;
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    JsonObject object = value.asJsonObject();
    for (String key : object.keySet()) {
      RecordComponent component = component(body, key);
      if (component == null) {
        errors.add(new Problem.FieldError(key, "is not a field of this request"));
      } else if (component.getType() == String.class) {
        JsonValue.ValueType t = object.get(key).getValueType();
        if (t != JsonValue.ValueType.STRING && t != JsonValue.ValueType.NULL) {
          errors.add(new Problem.FieldError(key, "must be text, was " + t.name().toLowerCase()));
        }
      }
    }
    if (!errors.isEmpty()) {
      request.abortWith(bad(errors.size() + " invalid field(s)", errors));
    }
  }

  private static Response bad(String detail, List<Problem.FieldError> errors) {
    return Problems.response(Response.Status.BAD_REQUEST, "Invalid request body", detail, errors)
        .build();
  }

  /** The record type of the method's entity parameter (the one without a JAX-RS annotation). */
  static Class<?> bodyRecord(Method method) {
    if (method == null) {
      return null;
    }
    for (Parameter p : method.getParameters()) {
      if (p.getType().isRecord() && p.getAnnotations().length == countValidation(p)) {
        return p.getType();
      }
    }
    return null;
  }

  private static final Set<String> VALIDATION =
      Set.of("jakarta.validation.Valid", "jakarta.validation.constraints.NotNull");

  private static int countValidation(Parameter p) {
    int n = 0;
    for (var a : p.getAnnotations()) {
      if (VALIDATION.contains(a.annotationType().getName())) {
        n++;
      }
    }
    return n;
  }

  private static RecordComponent component(Class<?> record, String name) {
    for (RecordComponent c : record.getRecordComponents()) {
      if (c.getName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
  static int utf8Offset(byte[] bytes) {
    CharsetDecoder d =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    java.nio.charset.CoderResult r = d.decode(in, out, true);
    return r.isError() ? in.position() : -1;
  }
}
