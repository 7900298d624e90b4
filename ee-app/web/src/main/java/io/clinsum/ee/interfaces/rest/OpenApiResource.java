package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.Actor;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document of this API, generated from the resource classes themselves (paths,
 * methods, parameters, bodies, roles), so it cannot drift from the code.
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

  static java.util.List<Operation> operations(Collection<Class<?>> resources) {
    java.util.List<Operation> out = new java.util.ArrayList<>();
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
          .add(op.httpMethod().toLowerCase(java.util.Locale.ROOT), operation(op));
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
                    "Clinical notes, their summaries and their review. Errors are RFC 9457"
                        + " problem details. Roles: clinician, reviewer, admin."))
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
                            Json.createObjectBuilder().add("type", "http").add("scheme", "basic"))))
        .add("paths", pathsJson)
        .build();
  }

  private static JsonObject operation(Operation op) {
    Method m = op.method();
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("operationId", m.getDeclaringClass().getSimpleName() + "." + m.getName());
    if (m.isAnnotationPresent(PermitAll.class)) {
      o.add("security", Json.createArrayBuilder());
    } else {
      Set<String> roles = Authorization.rolesAllowed(m);
      o.add("x-roles", Json.createArrayBuilder(roles.stream().sorted().toList()));
      o.add(
          "security",
          Json.createArrayBuilder()
              .add(Json.createObjectBuilder().add("basic", Json.createArrayBuilder())));
    }
    JsonArrayBuilder params = Json.createArrayBuilder();
    for (Parameter p : m.getParameters()) {
      String in = null;
      String name = null;
      if (p.isAnnotationPresent(PathParam.class)) {
        in = "path";
        name = p.getAnnotation(PathParam.class).value();
      } else if (p.isAnnotationPresent(QueryParam.class)) {
        in = "query";
        name = p.getAnnotation(QueryParam.class).value();
      } else if (p.isAnnotationPresent(HeaderParam.class)) {
        in = "header";
        name = p.getAnnotation(HeaderParam.class).value();
      } else if (!p.isAnnotationPresent(Context.class)) {
        o.add("requestBody", body(m, p));
        continue;
      }
      if (in != null) {
        JsonObjectBuilder schema = schema(p.getType());
        DefaultValue def = p.getAnnotation(DefaultValue.class);
        if (def != null) {
          schema.add("default", def.value());
        }
        params.add(
            Json.createObjectBuilder()
                .add("name", name)
                .add("in", in)
                .add("required", in.equals("path"))
                .add("schema", schema));
      }
    }
    o.add("parameters", params);
    Produces produces = m.getAnnotation(Produces.class);
    if (produces == null) {
      produces = m.getDeclaringClass().getAnnotation(Produces.class);
    }
    String type = produces == null ? MediaType.APPLICATION_JSON : produces.value()[0];
    JsonObjectBuilder ok = Json.createObjectBuilder().add("description", "Success");
    if (m.getReturnType() != void.class && m.getReturnType() != jakarta.ws.rs.core.Response.class) {
      ok.add(
          "content",
          Json.createObjectBuilder()
              .add(type, Json.createObjectBuilder().add("schema", schema(m.getReturnType()))));
    }
    JsonObjectBuilder responses = Json.createObjectBuilder().add("2XX", ok);
    JsonObjectBuilder problem =
        Json.createObjectBuilder()
            .add(
                "content",
                Json.createObjectBuilder()
                    .add(
                        Problems.MEDIA_TYPE,
                        Json.createObjectBuilder().add("schema", schema(Problem.class))));
    responses.add("4XX", problem.add("description", "Problem details"));
    return o.add("responses", responses).build();
  }

  private static JsonObject body(Method m, Parameter p) {
    Consumes consumes = m.getAnnotation(Consumes.class);
    JsonObjectBuilder content = Json.createObjectBuilder();
    for (String type :
        consumes == null ? new String[] {MediaType.APPLICATION_JSON} : consumes.value()) {
      content.add(type, Json.createObjectBuilder().add("schema", schema(p.getType())));
    }
    return Json.createObjectBuilder()
        .add("required", p.isAnnotationPresent(NotNull.class))
        .add("content", content)
        .build();
  }

  private static JsonObjectBuilder schema(Class<?> type) {
    JsonObjectBuilder s = Json.createObjectBuilder();
    if (type == String.class) {
      return s.add("type", "string");
    }
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
      return s.add("type", "integer");
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
      Arrays.stream(type.getEnumConstants()).forEach(c -> values.add(c.toString()));
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
        Size size = annotation(c, Size.class);
        if (size != null && c.getType() == String.class) {
          prop.add("maxLength", size.max());
          if (size.min() > 0) {
            prop.add("minLength", size.min());
          }
        }
        if (annotation(c, NotNull.class) != null
            || annotation(c, NotBlank.class) != null
            || annotation(c, NotEmpty.class) != null) {
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
