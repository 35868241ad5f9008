package org.peersupport.portal.support;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, with axe-core checks and screenshots in
 * {@code target/screenshots}. Every page load, and {@link PortalBrowserTest} after every test, fails on a
 * Content-Security-Policy violation Chromium reported in its console (a blocked inline script, handler or style). When no browser is installed the tests are skipped on a developer's machine
 * and fail under CI ({@code CI=true}): a browser test that did not run proves nothing.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;
    private final Path userData;
    /** Pages (by path) already checked with axe-core: every page a test visits is checked once per browser. */
    private final java.util.Set<String> checkedPages = new java.util.HashSet<>();

    private Browser(WebDriver driver, String base, Path userData) {
        this.driver = driver;
        this.base = base.endsWith("/") ? base : base + "/";
        this.userData = userData;
    }

    public static Browser open(String baseUrl) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Chromium or chromedriver is not installed (apt-get install -y chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + ": browser tests must run under CI");
            }
            Assumptions.abort(message);
        }
        try {
            Path userData = Files.createTempDirectory("portal-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--window-size=1280,1000", "--lang=en-GB",
                    "--user-data-dir=" + userData);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, baseUrl, userData);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public String url(String path) {
        return base + (path.startsWith("/") ? path.substring(1) : path);
    }

    public Browser go(String path) {
        driver.get(url(path));
        return checkedOnce();
    }

    public String currentPath() {
        String current = driver.getCurrentUrl();
        String path = current.substring(base.length() - 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Browser type(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Clicks and waits for the next page to load. */
    public Browser clickAndWait(String css) {
        return clickAndWait(find(css));
    }

    /** Clicks the element (a button found inside a row, say) and waits for the next page to load. */
    public Browser clickAndWait(WebElement element) {
        element.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // stale, or Chromium's "node does not belong to the document" while the old page is torn down
                return true;
            }
        });
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return checkedOnce();
    }

    /**
     * Presses a key (e.g. {@code Keys.ENTER}) on the element that has the focus, as a keyboard user does, and waits for
     * the next page to load.
     */
    public Browser pressAndWait(CharSequence key) {
        WebElement focused = driver.switchTo().activeElement();
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(key).perform();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> {
            try {
                focused.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        try {
            wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                    && !d.findElements(By.tagName("h1")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("no-page-after-key");
            throw new AssertionError("No page with a heading after the key press; now at " + driver.getCurrentUrl()
                    + ":\n" + driver.getPageSource(), e);
        }
        return checkedOnce();
    }

    /**
     * Presses Tab until the focus reaches the element the CSS selector names (at most {@code maxTabs} times), as a
     * keyboard user moves through a page; fails if it never gets there.
     */
    public Browser tabTo(String css, int maxTabs) {
        WebElement target = find(css);
        for (int i = 0; i < maxTabs; i++) {
            if (target.equals(driver.switchTo().activeElement())) {
                return this;
            }
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        }
        if (!target.equals(driver.switchTo().activeElement())) {
            fail("Tab never reached " + css + " in " + maxTabs + " presses");
        }
        return this;
    }

    /**
     * Fails on any Content-Security-Policy violation Chromium reported in its console since the last check (Chromium
     * logs each one as "Refused to ... because it violates the following Content Security Policy directive").
     */
    public Browser assertNoPolicyViolations() {
        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .collect(Collectors.toList());
        assertTrue(violations.isEmpty(), () -> "Chromium reported Content-Security-Policy violations at "
                + driver.getCurrentUrl() + ":\n" + String.join("\n", violations));
        return this;
    }

    /**
     * Checks the page just loaded: no Content-Security-Policy violation, and axe-core unless a page with the same path
     * has been checked already.
     */
    private Browser checkedOnce() {
        assertNoPolicyViolations();
        String page = driver.getCurrentUrl().replaceFirst("[?#].*$", "");
        if (page.startsWith(base) && checkedPages.add(page)) {
            assertAccessible(page.substring(base.length() - 1));
        }
        return this;
    }

    /** Signs in through the real form and waits for the page after it. */
    public Browser signIn(String username, String password) {
        go("signin.xhtml");
        type("#signin\\:username", username);
        type("#signin\\:password", password);
        return clickAndWait("#signin\\:submit");
    }

    /**
     * Dispatches a paste into the field as the browser does and returns true when no script on the page cancelled it
     * and its form does not turn autocomplete off (WCAG 2.2, 3.3.8: passwords may be pasted and filled in).
     */
    public boolean pasteAllowed(String css) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "const data = new DataTransfer(); data.setData('text/plain', 'pasted-secret');"
                        + "const paste = new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true});"
                        + "const field = arguments[0]; const form = field.form;"
                        + "return field.dispatchEvent(paste) && field.getAttribute('onpaste') === null"
                        + " && field.getAttribute('autocomplete') !== 'off'"
                        + " && !(form && form.getAttribute('autocomplete') === 'off');", find(css)));
    }

    public Browser signOut() {
        return clickAndWait("#signOutForm\\:signOut");
    }

    public void clearCookies() {
        driver.manage().deleteAllCookies();
    }

    /**
     * Runs axe-core on the current page and fails on any serious or critical violation: the WCAG 2.0 to 2.2 A and AA
     * rules, and {@code label-content-name-mismatch} (WCAG 2.5.3, "label in name"), which axe-core ships as
     * experimental and so leaves out unless enabled.
     */
    public Browser assertAccessible(String pageName) {
        com.deque.html.axecore.args.AxeRunOnlyOptions wcag = new com.deque.html.axecore.args.AxeRunOnlyOptions();
        wcag.setType("tag");
        wcag.setValues(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"));
        com.deque.html.axecore.args.AxeRuleOptions enabled = new com.deque.html.axecore.args.AxeRuleOptions();
        enabled.setEnabled(true);
        com.deque.html.axecore.args.AxeRunOptions options = new com.deque.html.axecore.args.AxeRunOptions();
        options.setRunOnly(wcag);
        options.setRules(java.util.Map.of("label-content-name-mismatch", enabled));
        Results results = new AxeBuilder().withOptions(options).analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .collect(Collectors.toList());
        String report = serious.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                + " at " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertTrue(serious.isEmpty(), () -> "axe-core found serious or critical violations on " + pageName + ":\n" + report
                + "\nin the page:\n" + driver.getPageSource().substring(0, Math.min(2000, driver.getPageSource().length())));
        return this;
    }

    /**
     * What the link {@code linkCss} downloads, fetched with this browser's session (Chromium's own downloads are not
     * readable from a headless test): it must answer 200 as an attachment.
     */
    /**
     * Every cookie the browser holds, as a {@code Cookie} header, for a plain HTTP client that asks as this browser:
     * the session id alone is not enough, since the portal is distributable and Payara sends a session version
     * cookie ({@code JSESSIONIDVERSION}) beside it.
     */
    public String cookieHeader() {
        return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    public byte[] download(String linkCss) {
        String href = find(linkCss).getAttribute("href");
        try {
            java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
                            .header("Cookie", cookieHeader()).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            org.junit.jupiter.api.Assertions.assertEquals(200, response.statusCode(), href);
            assertTrue(response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), href);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Browser screenshot(String name) {
        try {
            Path folder = Files.createDirectories(ItServices.Paths.buildDirectory().resolve("screenshots"));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(userData)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
