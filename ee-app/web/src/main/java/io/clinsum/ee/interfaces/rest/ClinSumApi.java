package io.clinsum.ee.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The REST application. Its class list is also what the OpenAPI document describes. */
@ApplicationPath("api")
public class ClinSumApi extends Application {
  /** Every resource, in the order the OpenAPI document lists them. */
  static final Set<Class<?>> RESOURCES =
      Set.of(
          HealthResource.class,
          MeResource.class,
          SessionResource.class,
          PatientResource.class,
          GroupingResource.class,
          NoteResource.class,
          SummaryResource.class,
          JobResource.class,
          ExportResource.class,
          UserResource.class,
          BackendResource.class,
          ModelResource.class,
          OpenApiResource.class);

  @Override
  public Set<Class<?>> getClasses() {
    java.util.Set<Class<?>> all = new java.util.LinkedHashSet<>(RESOURCES);
    all.add(Authorization.class);
    all.add(CsrfProtection.class);
    all.add(StrictJsonBodies.class);
    all.add(ProblemMappers.Invalid.class);
    all.add(ProblemMappers.NotFound.class);
    all.add(ProblemMappers.Conflict.class);
    all.add(ProblemMappers.Unavailable.class);
    all.add(ProblemMappers.Stale.class);
    all.add(ProblemMappers.Constraint.class);
    all.add(ProblemMappers.Web.class);
    all.add(ProblemMappers.Ejb.class);
    all.add(ProblemMappers.Any.class);
    return all;
  }
}
