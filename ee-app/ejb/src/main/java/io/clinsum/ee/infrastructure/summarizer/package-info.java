/** The summarization backend, chosen by configuration through the SDK's SPI. */
package io.clinsum.ee.infrastructure.summarizer;
