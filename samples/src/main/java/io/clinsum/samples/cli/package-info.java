/**
 * The {@code clinsum} command line: summarize, evaluate, dataset tools. Built as {@code
 * samples/target/clinsum.jar}.
 */
package io.clinsum.samples.cli;
