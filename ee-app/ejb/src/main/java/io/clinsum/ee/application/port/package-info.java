/**
 * Ports: what the application services need from the world (stores, the batch runtime, the model),
 * as interfaces the application owns. Adapters in {@code infrastructure} implement them; the
 * container injects the adapters, unit tests in-memory ones.
 */
package io.clinsum.ee.application.port;
