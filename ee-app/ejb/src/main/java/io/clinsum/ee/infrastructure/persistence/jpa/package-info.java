/**
 * JPA adapters of the application's ports: summaries, notes and the audit trail, read and changed
 * through the persistence unit (bulk writes go through the JDBC statements beside them).
 */
package io.clinsum.ee.infrastructure.persistence.jpa;
