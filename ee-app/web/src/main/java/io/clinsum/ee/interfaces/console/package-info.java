/**
 * The reviewers' console: static files under {@code /} (index.html, console/*.js) over the REST
 * API, plus the servlet settings it relies on.
 */
package io.clinsum.ee.interfaces.console;
