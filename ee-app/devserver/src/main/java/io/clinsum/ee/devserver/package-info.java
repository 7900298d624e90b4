/**
 * Runs the whole ClinSum EE application on this machine for integration tests ({@link
 * io.clinsum.ee.devserver.LocalServer}) and demos ({@link io.clinsum.ee.devserver.DevServer}), from
 * small parts: {@link io.clinsum.ee.devserver.EmbeddedDatabase}, {@link
 * io.clinsum.ee.devserver.WildFlyProvisioning}, {@link io.clinsum.ee.devserver.WildFlyProcess} and
 * {@link io.clinsum.ee.devserver.PortOffset}. A development tool: never shipped.
 */
package io.clinsum.ee.devserver;
