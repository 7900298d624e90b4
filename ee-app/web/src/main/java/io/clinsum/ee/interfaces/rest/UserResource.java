package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.UserService;
import io.clinsum.ee.application.UserService.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Set;

/** User accounts (admins only). */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Actor.ADMIN)
public class UserResource {
  @Inject private UserService users;
  @Context private SecurityContext security;

  /** A new account. */
  public record NewUser(
      @NotBlank @Size(max = 64) String username,
      @NotNull @Size(min = 5, max = 200) String password,
      @NotEmpty Set<@NotNull String> roles) {}

  @GET
  public List<UserView> list() {
    return users.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Returns(status = 201, type = UserView.class, description = "Created")
  @Returns(status = 409, description = "The user name is taken")
  public Response create(@NotNull @Valid NewUser body) {
    UserView created =
        users.create(
            Authorization.actor(security),
            body.username(),
            body.password().toCharArray(),
            body.roles());
    return Response.status(Response.Status.CREATED).entity(created).build();
  }
}
