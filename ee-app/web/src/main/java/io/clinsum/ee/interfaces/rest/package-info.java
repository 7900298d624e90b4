/**
 * The JSON REST API under {@code /api}: resources, request bodies, problem details (RFC 9457),
 * authorization and the OpenAPI document.
 */
package io.clinsum.ee.interfaces.rest;
