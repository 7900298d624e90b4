/** Account bootstrap; authentication itself is configured in the web module. */
package io.clinsum.ee.infrastructure.security;
