package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.Actor;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * The identity store, portable across Jakarta EE 10 servers: the {@code app_user} table, whose
 * passwords are PBKDF2 hashes. Authentication is {@link ClinSumAuthentication} (HTTP Basic for API
 * clients, a session for the console); authorization is by role per endpoint ({@link
 * Authorization}).
 */
@ApplicationScoped
@DeclareRoles({Actor.CLINICIAN, Actor.REVIEWER, Actor.ADMIN})
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = "java:jboss/datasources/ClinSumDS",
    callerQuery = "SELECT password_hash FROM app_user WHERE username = ? AND enabled",
    groupsQuery = "SELECT role FROM app_user_role WHERE username = ?",
    hashAlgorithm = Pbkdf2PasswordHash.class)
public class SecurityConfig {}
