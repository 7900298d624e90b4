/**
 * Runs the whole ClinSum EE application on this machine (embedded PostgreSQL, WildFly, the EAR) for
 * integration tests ({@link io.clinsum.ee.devserver.LocalServer}) and demos ({@link
 * io.clinsum.ee.devserver.DevServer}). A development tool: never shipped.
 */
package io.clinsum.ee.devserver;
