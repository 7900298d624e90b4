/**
 * Persistence adapters of the application's ports: {@code jdbc} (set-based SQL and the stores built
 * on it) and {@code jpa} (stores on the persistence unit); here only what both share.
 */
package io.clinsum.ee.infrastructure.persistence;
