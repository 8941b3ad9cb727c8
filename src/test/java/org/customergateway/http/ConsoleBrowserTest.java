package org.customergateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.http.ConsoleFixture.failAtSyntch;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.customergateway.simulation.Fault;
import org.customergateway.support.Browser;
import org.customergateway.support.BrowserPerClass;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestCustomers;
import org.customergateway.support.TestVendors;
import org.customergateway.support.GatewayExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser (headless chromium) against a gateway and the vendor simulators: it
 * loads with no JavaScript error, asks for the API key and refuses a wrong one, replays a dead letter
 * and a whole group once the vendor is back (each customer created exactly once), and follows a
 * dropped file to its report. Screenshots of each view go to target/console-screenshots (or the folder
 * -Dconsole.screenshots names: docs/console).
 */
class ConsoleBrowserTest {

    private static final String KEY = "console-browser-key-3b9e";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path drop;
    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();
    private final Browser browser = BROWSER.browser();

    @RegisterExtension
    static final BrowserPerClass BROWSER = new BrowserPerClass(1280, 800);
    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> {
        Map<String, String> settings = ConsoleFixture.settings(vendors, drop, KEY);
        // two records at a time: a file of a hundred takes long enough to watch it progress
        settings.put("gateway.filedrop.parallelism", "2");
        return settings;
    });

    @BeforeEach
    void newTab() {
        browser.resize(1280, 800);
        browser.driver().get(gateway.uri("/console").toString());
        browser.driver().executeScript("sessionStorage.clear()");
        browser.consoleErrors();
    }

    @AfterEach
    void noJavaScriptErrors() {
        assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
    }

    @Test
    void every_view_loads_by_keyboard_without_an_error_at_a_desktop_and_a_phone_width() {
        open("vendors");
        waitFor(By.cssSelector("[data-total='created']"));
        browser.waiting(PATIENCE).until(d -> d.findElements(By.cssSelector(".vendor .uplot")).size() == 6);
        assertThat(text(By.id("vendor-simplepin"))).contains("SimplePin").contains("circuit closed");
        // each vendor's pace: not paced, and the calls at once the file drop and the queue may make
        assertThat(browser.driver().findElements(By.cssSelector(".vendor .lane"))).hasSize(2)
                .allSatisfy(lane -> assertThat(lane.getText()).contains("not paced").contains("files and queue 8 calls at once"));
        assertThat(text(By.cssSelector(".readiness-checks"))).contains("ready").contains("ledger");
        // the header shows what the Vendors view read
        browser.waiting(PATIENCE).until(d -> "UP".equals(d.findElement(By.id("readiness")).getAttribute("data-state")));
        assertThat(text(By.id("readiness"))).isEqualTo("Ready");
        browser.screenshot("vendors");

        for (String view : List.of("Dead letters", "File drops", "Customers", "Vendors")) {
            WebElement link = browser.driver().findElement(By.linkText(view));
            link.sendKeys(Keys.ENTER);
            browser.waiting(PATIENCE).until(ExpectedConditions.attributeToBe(link, "aria-current", "page"));
            waitFor(By.tagName("h2"));
            assertThat(text(By.tagName("h2"))).isEqualTo(view);
        }

        browser.resize(390, 844);
        for (String view : List.of("vendors", "dead-letters", "file-drops", "customers")) {
            open(view);
            waitFor(By.tagName("h2"));
            Number overflow = (Number) browser.driver().executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow.intValue()).as(view + " wider than a phone").isLessThanOrEqualTo(0);
        }
        open("vendors");
        waitFor(By.cssSelector(".vendor .uplot"));
        browser.screenshot("phone-vendors");
    }

    @Test
    void a_wrong_key_is_refused_and_the_right_one_is_kept_for_the_tab_only() {
        browser.driver().get(gateway.uri("/console#vendors").toString());
        WebElement dialog = waitFor(By.cssSelector("dialog#key-dialog[open]"));
        browser.driver().findElement(By.id("key-input")).sendKeys("not-the-key", Keys.ENTER);
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("key-error"), "refused"));
        assertThat(dialog.getAttribute("open")).isNotNull();
        assertThat(browser.driver().findElements(By.cssSelector("[data-total='created']"))).isEmpty();
        browser.screenshot("key-refused");

        browser.driver().findElement(By.id("key-input")).sendKeys(KEY, Keys.ENTER);
        waitFor(By.cssSelector("[data-total='created']"));
        assertThat(browser.driver().executeScript("return sessionStorage.getItem('customer-gateway.api-key')")).isEqualTo(KEY);
        assertThat(browser.driver().executeScript("return localStorage.length")).isEqualTo(0L);
    }

    @Test
    void a_dead_letter_made_by_a_failing_vendor_is_replayed_from_the_page_and_created_once() throws Exception {
        String id = newId();
        String letterId = failAtSyntch(gateway, vendors, KEY, id);
        open("dead-letters");
        WebElement row = waitFor(By.cssSelector("tr[data-letter='" + letterId + "']"));
        assertThat(row.getText()).contains(id).contains("syntch").contains("WAITING");
        row.findElement(By.xpath(".//button[text()='Details']")).click();
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".detail pre.body"), id));
        assertThat(text(By.cssSelector(".detail"))).contains("The vendor's last answer").contains("http");
        browser.screenshot("dead-letters");

        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        browser.driver().findElement(By.xpath("//section[contains(@class,'detail')]//button[text()='Replay this letter']")).click();
        WebElement result = waitFor(By.cssSelector("tr[data-result='" + letterId + "']"));
        assertThat(result.getText()).contains("REPLAYED").contains("CREATED");
        assertThat(vendors.syntch.customer(id)).isNotNull();
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).isEqualTo(posts + 1);
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".detail"), "REPLAYED"));
        assertThat(browser.driver().findElements(By.xpath("//section[contains(@class,'detail')]//button[text()='Replay this letter']")))
                .as("a replayed letter cannot be replayed again").isEmpty();
    }

    @Test
    void a_whole_group_is_replayed_in_one_action() throws Exception {
        List<String> ids = List.of(newId(), newId(), newId());
        List<String> letters = new ArrayList<>();
        for (String id : ids) {
            letters.add(failAtSyntch(gateway, vendors, KEY, id));
        }
        String cause = json(gateway.send(java.net.http.HttpRequest.newBuilder(gateway.uri("/api/v1/dead-letters/" + letters.get(0)))
                .header("X-Api-Key", KEY).build())).path("error").asText();
        open("dead-letters");
        WebElement group = waitFor(By.xpath("//table[caption[starts-with(., 'Letters grouped')]]//tr[td[2][normalize-space(.)="
                + xpathLiteral(cause) + "]]"));
        group.findElement(By.xpath(".//button[starts-with(text(), 'Replay')]")).click();
        browser.waiting(PATIENCE).until(d -> letters.stream().allMatch(letter ->
                !d.findElements(By.cssSelector("tr[data-result='" + letter + "']")).isEmpty()));
        for (String letter : letters) {
            assertThat(text(By.cssSelector("tr[data-result='" + letter + "']"))).contains("REPLAYED");
        }
        assertThat(text(By.cssSelector(".result .summary"))).contains("replayed");
        for (String id : ids) {
            assertThat(vendors.syntch.customer(id)).as(id).isNotNull();
        }
    }

    @Test
    void an_outage_s_letters_of_every_cause_are_replayed_in_one_action() throws Exception {
        String refused = failAtSyntch(gateway, vendors, KEY, newId());
        String droppedId = newId();
        String dropped = failAtSyntch(gateway, vendors, KEY, droppedId, Fault.drop(), Fault.drop());
        open("dead-letters");
        waitFor(By.cssSelector("tr[data-letter='" + dropped + "']"));
        new Select(browser.driver().findElement(By.id("filter-vendor"))).selectByValue("syntch");
        browser.driver().findElement(By.xpath("//form[contains(@class,'filters')]//button[text()='Show']")).click();
        WebElement replayAll = waitFor(By.xpath("//button[starts-with(text(), 'Replay all')]"));
        replayAll.click();
        browser.waiting(PATIENCE).until(d -> !d.findElements(By.cssSelector("tr[data-result='" + refused + "']")).isEmpty()
                && !d.findElements(By.cssSelector("tr[data-result='" + dropped + "']")).isEmpty());
        assertThat(text(By.cssSelector("tr[data-result='" + refused + "']"))).contains("REPLAYED");
        assertThat(text(By.cssSelector("tr[data-result='" + dropped + "']"))).contains("REPLAYED");
        assertThat(vendors.syntch.customer(droppedId)).isNotNull();
        browser.screenshot("outage-replayed");
    }

    @Test
    void a_dropped_file_shows_its_progress_and_then_its_report() throws Exception {
        vendors.syntch.server().latency(Duration.ofMillis(100));
        List<String> ids = new ArrayList<>();
        StringBuilder csv = new StringBuilder(TestCustomers.CSV_HEADER).append('\n');
        for (int i = 0; i < 120; i++) {
            String id = newId();
            ids.add(id);
            csv.append(TestCustomers.csvRow(id, "Dropped " + i, "ACTIVE", i + " Main St")).append('\n');
        }
        open("file-drops");
        waitFor(By.xpath("//h3[starts-with(., 'Being read')]"));
        Path staging = Files.writeString(drop.resolve("console-big.csv.part"), csv);
        Files.move(staging, drop.resolve("inbox/syntch/console-big.csv"));

        WebElement progress = waitFor(By.cssSelector("progress[aria-label^='console-big.csv']"));
        assertThat(progress.getAttribute("max")).isEqualTo("100");
        browser.screenshot("file-drops-progress");
        WebElement finished = browser.waiting(Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-file='console-big.csv']")));
        assertThat(finished.getText()).contains("CREATED 120");
        finished.findElement(By.xpath(".//button[text()='Report']")).click();
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".report pre"), ids.get(119)));
        WebElement save = browser.driver().findElement(By.partialLinkText("Save console-big.csv.report.csv"));
        assertThat(save.getAttribute("href")).startsWith("blob:");
        browser.screenshot("file-drops");
    }

    @Test
    void a_customer_look_up_shows_its_vendors_and_its_dead_letters() throws Exception {
        String id = newId();
        String letterId = failAtSyntch(gateway, vendors, KEY, id);
        HttpResponse<String> created = gateway.post("/api/v1/customers", "application/json", customer(id),
                Map.of("X-Api-Key", KEY, "X-Gateway-Target", "simplepin"));
        assertThat(created.statusCode()).isEqualTo(201);
        open("customers");
        WebElement input = waitFor(By.id("customer-id"));
        input.sendKeys(id, Keys.ENTER);
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "At the vendors"));
        String page = text(By.tagName("main"));
        assertThat(page).contains("simplepin").contains("CREATED").contains("http");
        assertThat(page).contains("Its dead letters").contains("WAITING");
        browser.screenshot("customers");
        browser.driver().findElement(By.cssSelector("a[href='#dead-letters/" + letterId + "']")).click();
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".detail"), letterId));
    }

    /** Opens a view (loaded afresh), giving the key when the page asks for it: the first time in a tab. */
    private void open(String view) {
        browser.driver().get(gateway.uri("/console#" + view).toString());
        browser.driver().navigate().refresh();
        if (browser.driver().executeScript("return sessionStorage.getItem('customer-gateway.api-key')") == null) {
            waitFor(By.cssSelector("dialog#key-dialog[open]"));
            browser.driver().findElement(By.id("key-input")).sendKeys(KEY, Keys.ENTER);
        }
    }

    private WebElement waitFor(By locator) {
        return browser.waiting(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private String text(By locator) {
        return browser.driver().findElement(locator).getText();
    }


    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
