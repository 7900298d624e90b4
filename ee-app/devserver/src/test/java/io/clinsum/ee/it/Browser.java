package io.clinsum.ee.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian chromium driven through chromium-driver, no downloads. */
final class Browser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  final ChromeDriver driver;
  final WebDriverWait wait;
  private final String base;

  Browser(String baseUrl, int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File("/usr/bin/chromium"));
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=en-GB");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    base = baseUrl + "/";
  }

  Browser(String baseUrl) {
    this(baseUrl, 1280, 800);
  }

  void open(String hash) {
    driver.get(base + hash);
  }

  void signIn(String user, String password) {
    open("");
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    name.sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("#login-form button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who-name")));
    wait.until(ExpectedConditions.textToBe(By.id("who-name"), user));
  }

  WebElement await(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void awaitText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  WebDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
