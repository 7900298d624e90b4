package io.clinsum.ee.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the whole web module ({@code web.xml} sends every error here): errors the
 * container makes itself, outside the resources — a missing or bad login (401, with the Basic
 * challenge unless the request carries {@code X-Requested-With}, as the console's do), 403, 404 on
 * paths no resource or file serves, 405 on static files, 413, and an exception that reaches the
 * container (500, with an incident id; the log gets the class and stack, never the message) — leave
 * as RFC 9457 problem details like the resources' own errors ({@link ProblemMappers}).
 */
@WebServlet(ContainerErrors.PATH)
public class ContainerErrors extends HttpServlet {
  static final String PATH = "/problem";
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (code == null && failure == null) {
      // Asked for directly, not as an error page: there is nothing here.
      write(response, 404, "Not Found", "No resource at this path");
      return;
    }
    int status = code instanceof Integer i ? i : 500;
    if (failure != null && status < 400) {
      status = 500;
    }
    if (status == 401
        && request.getHeader(ClinSumAuthentication.XHR_HEADER) == null
        && !response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ClinSumAuthentication.CHALLENGE);
    }
    String detail =
        failure != null || status == 500
            ? ProblemMappers.incident(failure == null ? new IllegalStateException() : failure)
            : detail(status);
    write(response, status, title(status), detail);
  }

  static String title(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return switch (status) {
      case 401 -> "Sign in first";
      case 403 -> "Not allowed";
      case 500 -> "Internal error";
      default -> known == null ? "HTTP " + status : known.getReasonPhrase();
    };
  }

  static String detail(int status) {
    return switch (status) {
      case 400 -> "The server could not read this request";
      case 401 ->
          "This needs a signed-in user: HTTP Basic over TLS, or a console session"
              + " (POST /api/session)";
      case 403 -> "Your roles do not allow this";
      case 404 -> "No resource at this path; the API is described at /clinsum/api/openapi.json";
      case 405 -> "This path does not take this method";
      case 413 -> "The request body is larger than the server accepts";
      default -> "The request failed with HTTP " + status;
    };
  }

  private static void write(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    JsonObjectBuilder problem =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status)
            .add("detail", detail)
            .add("errors", Json.createArrayBuilder());
    response.setStatus(status);
    response.setContentType(Problems.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    Writer out = response.getWriter();
    Json.createWriter(out).writeObject(problem.build());
    out.flush();
  }
}
