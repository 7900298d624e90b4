package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.Actor;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document of this API, generated from the resource classes themselves (paths,
 * methods, parameters, bodies, roles), so it cannot drift from the code. Parameters carry their
 * type, typed default, and what {@link ApiParam} says they accept; responses are the method's
 * success (or what {@link Returns} names), the errors every operation of its kind can give (400,
 * 401 with the challenge, 403, 404, 406, 413, 415, 5XX), all as {@link Problem}, and links to the
 * operations that follow. {@code OpenApiContractIT} validates it; {@code SchemathesisIT} holds the
 * server to it.
 */
@Path("openapi.json")
public class OpenApiResource {
  private static volatile JsonObject document;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Actor.CLINICIAN, Actor.REVIEWER, Actor.ADMIN})
  public JsonObject openApi() {
    JsonObject d = document;
    if (d == null) {
      d = build(ClinSumApi.RESOURCES);
      document = d;
    }
    return d;
  }

  /** Every operation: HTTP method, path (under /api) and Java method, sorted by path. */
  public record Operation(String httpMethod, String path, Method method) {}

  static List<Operation> operations(Collection<Class<?>> resources) {
    List<Operation> out = new ArrayList<>();
    for (Class<?> resource : resources) {
      String base = resource.getAnnotation(Path.class).value();
      for (Method m : resource.getDeclaredMethods()) {
        String http = httpMethod(m);
        if (http == null) {
          continue;
        }
        Path sub = m.getAnnotation(Path.class);
        out.add(new Operation(http, "/" + base + (sub == null ? "" : "/" + sub.value()), m));
      }
    }
    out.sort(Comparator.comparing(Operation::path).thenComparing(Operation::httpMethod));
    return out;
  }

  static JsonObject build(Collection<Class<?>> resources) {
    Map<String, JsonObjectBuilder> paths = new TreeMap<>();
    for (Operation op : operations(resources)) {
      paths
          .computeIfAbsent(op.path(), p -> Json.createObjectBuilder())
          .add(op.httpMethod().toLowerCase(Locale.ROOT), operation(op));
    }
    JsonObjectBuilder pathsJson = Json.createObjectBuilder();
    paths.forEach(pathsJson::add);
    return Json.createObjectBuilder()
        .add("openapi", "3.1.0")
        .add(
            "info",
            Json.createObjectBuilder()
                .add("title", "ClinSum API")
                .add("version", "1")
                .add(
                    "description",
                    "Clinical notes, their summaries and their review. Every error is RFC 9457"
                        + " problem details (application/problem+json), including those the"
                        + " server makes itself. Roles: clinician, reviewer, admin (x-roles on"
                        + " each operation)."))
        .add(
            "servers",
            Json.createArrayBuilder().add(Json.createObjectBuilder().add("url", "/clinsum/api")))
        .add(
            "components",
            Json.createObjectBuilder()
                .add(
                    "securitySchemes",
                    Json.createObjectBuilder()
                        .add(
                            "basic",
                            Json.createObjectBuilder()
                                .add("type", "http")
                                .add("scheme", "basic")
                                .add("description", "API clients: on every request, over TLS"))
                        .add(
                            "session",
                            Json.createObjectBuilder()
                                .add("type", "apiKey")
                                .add("in", "cookie")
                                .add("name", "JSESSIONID")
                                .add(
                                    "description",
                                    "The console: the cookie of POST /session; changes also need"
                                        + " the session's token in X-CSRF-Token")))
                .add(
                    "schemas",
                    Json.createObjectBuilder().add(PROBLEM, schema(Problem.class).build())))
        .add("paths", pathsJson)
        .build();
  }

  private static final String PROBLEM = "Problem";

  /**
   * Links from a response to the operations that can follow it (operationId → response status →
   * link name → target operationId and its parameters), so that clients and Schemathesis walk from
   * a new note to its summary and its review with real ids.
   */
  private static final Map<String, Map<Integer, Map<String, Link>>> LINKS =
      Map.of(
          "NoteResource.create",
          Map.of(
              201,
              Map.of(
                  "read", new Link("NoteResource.read", Map.of("id", "$response.body#/id")),
                  "summarize",
                      new Link(
                          "NoteResource.summarize",
                          Map.of("id", "$response.body#/id", "wait", "true")))),
          "NoteResource.summarize",
          Map.of(
              200,
              Map.of(
                  "read", new Link("SummaryResource.read", Map.of("id", "$response.body#/id")),
                  "approve", review("SummaryResource.approve"),
                  "edit", review("SummaryResource.edit"),
                  "reject", review("SummaryResource.reject"),
                  "history",
                      new Link("SummaryResource.history", Map.of("id", "$response.body#/id"))),
              202,
              Map.of(
                  "summary",
                  new Link("NoteResource.summary", Map.of("id", "$response.body#/noteId")))),
          "SummaryResource.read",
          Map.of(
              200,
              Map.of(
                  "approve", review("SummaryResource.approve"),
                  "edit", review("SummaryResource.edit"),
                  "reject", review("SummaryResource.reject"))),
          "JobResource.summarize",
          Map.of(
              202,
              Map.of(
                  "job", new Link("JobResource.job", Map.of("id", "$response.body#/id")),
                  "errors", new Link("JobResource.errors", Map.of("id", "$response.body#/id")),
                  "stop", new Link("JobResource.stop", Map.of("id", "$response.body#/id")))));

  /** A link to another operation with its parameters (runtime expressions or constants). */
  private record Link(String operationId, Map<String, String> parameters) {}

  private static Link review(String operationId) {
    return new Link(
        operationId, Map.of("id", "$response.body#/id", "If-Match", "$response.header.ETag"));
  }

  private static String operationId(Method m) {
    return m.getDeclaringClass().getSimpleName() + "." + m.getName();
  }

  private static JsonObject operation(Operation op) {
    Method m = op.method();
    String id = operationId(m);
    JsonObjectBuilder o = Json.createObjectBuilder().add("operationId", id);
    boolean secured = !m.isAnnotationPresent(PermitAll.class);
    if (secured) {
      Set<String> roles = Authorization.rolesAllowed(m);
      o.add("x-roles", Json.createArrayBuilder(roles.stream().sorted().toList()));
      o.add(
          "security",
          Json.createArrayBuilder()
              .add(Json.createObjectBuilder().add("basic", Json.createArrayBuilder()))
              .add(Json.createObjectBuilder().add("session", Json.createArrayBuilder())));
    } else {
      o.add("security", Json.createArrayBuilder());
    }
    JsonArrayBuilder params = Json.createArrayBuilder();
    JsonObjectBuilder form = null;
    JsonArrayBuilder formRequired = Json.createArrayBuilder();
    boolean hasBody = false;
    boolean hasPath = false;
    boolean hasInput = false;
    for (Parameter p : m.getParameters()) {
      String in = null;
      String name = null;
      if (p.isAnnotationPresent(PathParam.class)) {
        in = "path";
        name = p.getAnnotation(PathParam.class).value();
        hasPath = true;
      } else if (p.isAnnotationPresent(QueryParam.class)) {
        in = "query";
        name = p.getAnnotation(QueryParam.class).value();
      } else if (p.isAnnotationPresent(HeaderParam.class)) {
        in = "header";
        name = p.getAnnotation(HeaderParam.class).value();
      } else if (p.isAnnotationPresent(FormParam.class)) {
        if (form == null) {
          form = Json.createObjectBuilder();
        }
        form.add(p.getAnnotation(FormParam.class).value(), parameterSchema(p));
        formRequired.add(p.getAnnotation(FormParam.class).value());
        continue;
      } else if (!p.isAnnotationPresent(Context.class)) {
        o.add("requestBody", body(m, p));
        hasBody = true;
        continue;
      }
      if (in != null) {
        hasInput = true;
        ApiParam api = p.getAnnotation(ApiParam.class);
        params.add(
            Json.createObjectBuilder()
                .add("name", name)
                .add("in", in)
                .add("required", in.equals("path") || (api != null && api.required()))
                .add("schema", parameterSchema(p)));
      }
    }
    if (form != null) {
      hasBody = true;
      o.add(
          "requestBody",
          Json.createObjectBuilder()
              .add("required", true)
              .add(
                  "content",
                  Json.createObjectBuilder()
                      .add(
                          MediaType.APPLICATION_FORM_URLENCODED,
                          Json.createObjectBuilder()
                              .add(
                                  "schema",
                                  Json.createObjectBuilder()
                                      .add("type", "object")
                                      .add("properties", form)
                                      .add("required", formRequired)))));
    }
    o.add("parameters", params);
    return o.add("responses", responses(op, id, secured, hasInput || hasBody, hasPath, hasBody))
        .build();
  }

  private static JsonObject responses(
      Operation op,
      String id,
      boolean secured,
      boolean hasInput,
      boolean hasPath,
      boolean hasBody) {
    Method m = op.method();
    Produces produces = m.getAnnotation(Produces.class);
    if (produces == null) {
      produces = m.getDeclaringClass().getAnnotation(Produces.class);
    }
    String type = produces == null ? MediaType.APPLICATION_JSON : produces.value()[0];
    Map<String, JsonObjectBuilder> responses = new TreeMap<>();
    List<Returns> declared = List.of(m.getAnnotationsByType(Returns.class));
    boolean successDeclared = declared.stream().anyMatch(r -> r.status() < 400);
    if (!successDeclared) {
      Class<?> returned = m.getReturnType();
      int status = returned == void.class ? 204 : 200;
      responses.put(
          Integer.toString(status),
          success(
              "Success",
              returned == void.class || returned == Response.class ? null : returned,
              type));
    }
    for (Returns r : declared) {
      if (r.status() < 400 || r.type() != Returns.Default.class) {
        Class<?> body = r.type() == Returns.Default.class ? m.getReturnType() : r.type();
        responses.put(
            Integer.toString(r.status()),
            success(
                r.description().isEmpty() ? "Success" : r.description(),
                body == void.class || body == Response.class ? null : body,
                type));
      } else {
        responses.put(Integer.toString(r.status()), problem(r.description()));
      }
    }
    if (hasInput) {
      responses.putIfAbsent("400", problem("Invalid request: errors[] names each bad field"));
    }
    if (secured) {
      responses.putIfAbsent(
          "401",
          problem("Not signed in, or wrong credentials")
              .add(
                  "headers",
                  Json.createObjectBuilder()
                      .add(
                          HttpHeaders.WWW_AUTHENTICATE,
                          Json.createObjectBuilder()
                              .add(
                                  "description",
                                  ClinSumAuthentication.CHALLENGE
                                      + "; absent when the request carries"
                                      + " X-Requested-With (the console)")
                              .add("schema", Json.createObjectBuilder().add("type", "string")))));
    }
    if (secured || !op.httpMethod().equals("GET")) {
      responses.putIfAbsent(
          "403", problem("A role this operation does not allow, or a cross-site change"));
    }
    if (hasPath) {
      responses.putIfAbsent("404", problem("No such record"));
    }
    responses.putIfAbsent("406", problem("The Accept header allows no type this operation makes"));
    if (hasBody) {
      responses.putIfAbsent("413", problem("The body is too large"));
      responses.putIfAbsent(
          "415", problem("The body's Content-Type is not one this operation reads"));
    }
    responses.putIfAbsent(
        "5XX", problem("Server failure; the detail quotes an incident id for the administrator"));
    Map<Integer, Map<String, Link>> links = LINKS.getOrDefault(id, Map.of());
    links.forEach(
        (status, named) -> {
          JsonObjectBuilder linksJson = Json.createObjectBuilder();
          new TreeMap<>(named)
              .forEach(
                  (name, link) -> {
                    JsonObjectBuilder parameters = Json.createObjectBuilder();
                    new TreeMap<>(link.parameters()).forEach(parameters::add);
                    linksJson.add(
                        name,
                        Json.createObjectBuilder()
                            .add("operationId", link.operationId())
                            .add("parameters", parameters));
                  });
          JsonObjectBuilder response = responses.get(Integer.toString(status));
          if (response == null) {
            throw new IllegalStateException(id + " links from an undocumented status " + status);
          }
          response.add("links", linksJson);
        });
    JsonObjectBuilder out = Json.createObjectBuilder();
    responses.forEach(out::add);
    return out.build();
  }

  private static JsonObjectBuilder success(String description, Class<?> body, String type) {
    JsonObjectBuilder ok = Json.createObjectBuilder().add("description", description);
    if (body != null) {
      ok.add(
          "content",
          Json.createObjectBuilder()
              .add(type, Json.createObjectBuilder().add("schema", schema(body))));
    }
    return ok;
  }

  private static JsonObjectBuilder problem(String description) {
    return Json.createObjectBuilder()
        .add("description", description.isEmpty() ? "Problem details" : description)
        .add(
            "content",
            Json.createObjectBuilder()
                .add(
                    Problems.MEDIA_TYPE,
                    Json.createObjectBuilder()
                        .add(
                            "schema",
                            Json.createObjectBuilder()
                                .add("$ref", "#/components/schemas/" + PROBLEM))));
  }

  /** A parameter's schema: its type, then its default, range, values and format. */
  private static JsonObjectBuilder parameterSchema(Parameter p) {
    Class<?> type = p.getType();
    JsonObjectBuilder schema = schema(type);
    ApiParam api = p.getAnnotation(ApiParam.class);
    if (api != null) {
      if (api.minimum() != Long.MIN_VALUE) {
        schema.add("minimum", api.minimum());
      }
      if (api.maximum() != Long.MAX_VALUE) {
        schema.add("maximum", api.maximum());
      }
      List<String> values = new ArrayList<>(List.of(api.values()));
      Arrays.stream(api.valuesOf().getEnumConstants()).forEach(c -> values.add(c.name()));
      if (!values.isEmpty()) {
        schema.add("enum", Json.createArrayBuilder(values));
      }
      if (!api.format().isEmpty()) {
        schema.add("format", api.format());
      }
      if (!api.pattern().isEmpty()) {
        schema.add("pattern", api.pattern());
      }
    }
    DefaultValue def = p.getAnnotation(DefaultValue.class);
    if (def != null) {
      schema.add("default", typed(type, def.value()));
    }
    return schema;
  }

  /** A {@link DefaultValue} as the JSON value of the parameter's type ({@code 50}, not "50"). */
  static JsonValue typed(Class<?> type, String value) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return Json.createValue(Long.parseLong(value));
    }
    if (type == boolean.class || type == Boolean.class) {
      return Boolean.parseBoolean(value) ? JsonValue.TRUE : JsonValue.FALSE;
    }
    return Json.createValue(value);
  }

  private static JsonObject body(Method m, Parameter p) {
    Consumes consumes = m.getAnnotation(Consumes.class);
    JsonObjectBuilder content = Json.createObjectBuilder();
    for (String type :
        consumes == null ? new String[] {MediaType.APPLICATION_JSON} : consumes.value()) {
      JsonObjectBuilder schema = schema(p.getType());
      if (p.getType().isRecord()) {
        schema.add("additionalProperties", false); // StrictJsonBodies refuses unknown fields
      }
      content.add(type, Json.createObjectBuilder().add("schema", schema));
    }
    return Json.createObjectBuilder()
        .add("required", p.isAnnotationPresent(NotNull.class) || p.getType().isPrimitive())
        .add("content", content)
        .build();
  }

  private static JsonObjectBuilder schema(Class<?> type) {
    JsonObjectBuilder s = Json.createObjectBuilder();
    if (type == String.class) {
      return s.add("type", "string");
    }
    if (type == long.class || type == Long.class) {
      return s.add("type", "integer").add("format", "int64");
    }
    if (type == int.class || type == Integer.class) {
      return s.add("type", "integer").add("format", "int32");
    }
    if (type == double.class || type == Double.class) {
      return s.add("type", "number");
    }
    if (type == boolean.class || type == Boolean.class) {
      return s.add("type", "boolean");
    }
    if (type == Instant.class) {
      return s.add("type", "string").add("format", "date-time");
    }
    if (type == java.io.InputStream.class) {
      return s.add("type", "string").add("format", "binary");
    }
    if (type.isEnum()) {
      JsonArrayBuilder values = Json.createArrayBuilder();
      Arrays.stream(type.getEnumConstants()).forEach(c -> values.add(((Enum<?>) c).name()));
      return s.add("type", "string").add("enum", values);
    }
    if (Collection.class.isAssignableFrom(type)) {
      return s.add("type", "array");
    }
    if (type.isRecord()) {
      JsonObjectBuilder props = Json.createObjectBuilder();
      JsonArrayBuilder required = Json.createArrayBuilder();
      for (RecordComponent c : type.getRecordComponents()) {
        JsonObjectBuilder prop = schema(c.getType());
        if (Collection.class.isAssignableFrom(c.getType())
            && c.getGenericType() instanceof ParameterizedType element
            && element.getActualTypeArguments()[0] instanceof Class<?> item) {
          prop.add("items", schema(item));
        }
        Size size = annotation(c, Size.class);
        if (size != null && c.getType() == String.class) {
          prop.add("maxLength", size.max());
          if (size.min() > 0) {
            prop.add("minLength", size.min());
          }
        }
        if (size != null && Collection.class.isAssignableFrom(c.getType())) {
          prop.add("maxItems", size.max());
          if (size.min() > 0) {
            prop.add("minItems", size.min());
          }
        }
        if (annotation(c, NotBlank.class) != null && c.getType() == String.class) {
          prop.add("pattern", "[^\\u0000-\\u0020]"); // what String.trim() keeps
        }
        ApiParam api = annotation(c, ApiParam.class);
        if (api != null && !api.pattern().isEmpty()) {
          prop.add("pattern", api.pattern()); // replaces the NotBlank one: it is stricter
        }
        if (annotation(c, NotEmpty.class) != null) {
          prop.add(c.getType() == String.class ? "minLength" : "minItems", 1);
        }
        if (annotation(c, NotNull.class) != null
            || annotation(c, NotBlank.class) != null
            || annotation(c, NotEmpty.class) != null
            || c.getType().isPrimitive()) {
          required.add(c.getName());
        }
        props.add(c.getName(), prop);
      }
      return s.add("type", "object").add("properties", props).add("required", required);
    }
    return s.add("type", "object");
  }

  private static <A extends Annotation> A annotation(RecordComponent c, Class<A> type) {
    A a = c.getAnnotation(type);
    if (a == null) {
      try {
        a = c.getDeclaringRecord().getDeclaredField(c.getName()).getAnnotation(type);
      } catch (NoSuchFieldException e) {
        return null;
      }
    }
    return a;
  }

  private static String httpMethod(Method m) {
    if (m.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (m.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (m.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    if (m.isAnnotationPresent(DELETE.class)) {
      return "DELETE";
    }
    return null;
  }
}
