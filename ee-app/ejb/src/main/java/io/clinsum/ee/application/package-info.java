/**
 * Application services: the use cases the REST API and console call, with their transactions and
 * audit. Interfaces and views here; implementations in {@code application.internal}; what they need
 * from outside as ports in {@code application.port}.
 */
package io.clinsum.ee.application;
