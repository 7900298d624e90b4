/** Implementations of the application services (EJBs); not API: inject the interfaces. */
package io.clinsum.ee.application.internal;
