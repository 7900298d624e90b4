package io.clinsum.ee.interfaces.console;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The console's session cookie: {@code HttpOnly}, {@code SameSite=Strict}, and {@code Secure} when
 * the system property {@code clinsum.cookies.secure} is {@code true} (set it whenever the console
 * is served over TLS, as it must be in production).
 */
@WebListener
public class SessionCookies implements ServletContextListener {
  @Override
  public void contextInitialized(ServletContextEvent event) {
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setHttpOnly(true);
    cookie.setAttribute("SameSite", "Strict");
    cookie.setSecure(Boolean.getBoolean("clinsum.cookies.secure"));
  }
}
