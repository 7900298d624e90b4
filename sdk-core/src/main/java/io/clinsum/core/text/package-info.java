/**
 * Text handling shared by every backend: token counting, note segmentation into sections and
 * sentences, chunking of long notes to a token budget, HTML escaping for reports.
 */
package io.clinsum.core.text;
