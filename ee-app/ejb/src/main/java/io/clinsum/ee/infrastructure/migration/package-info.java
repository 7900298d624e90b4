/** Versioned schema migrations (Flyway), run when the application deploys. */
package io.clinsum.ee.infrastructure.migration;
