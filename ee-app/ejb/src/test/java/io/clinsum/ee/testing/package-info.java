/**
 * In-memory implementations of the application's ports for unit tests, and the few fakes they need
 * (launcher, executor, transaction). They follow the contracts of the real adapters.
 */
package io.clinsum.ee.testing;
