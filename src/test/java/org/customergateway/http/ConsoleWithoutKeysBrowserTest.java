package org.customergateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.customergateway.support.Browser;
import org.customergateway.support.BrowserPerClass;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.GatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The console as the sandbox has it, with no API keys set: it never asks for one, and every view loads. */
class ConsoleWithoutKeysBrowserTest {

    private final RunningGateway gateway = SETUP.gateway();
    private final Browser browser = BROWSER.browser();

    @RegisterExtension
    static final BrowserPerClass BROWSER = new BrowserPerClass(1280, 800);
    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.withDefaults();


    @Test
    void every_view_loads_and_no_key_is_asked_for() {
        for (String view : new String[] {"vendors", "dead-letters", "file-drops", "customers/nobody"}) {
            browser.driver().get(gateway.uri("/console#" + view).toString());
            browser.driver().navigate().refresh();
            browser.waiting(Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("main table, main .vendor")).isEmpty());
            assertThat(browser.driver().findElements(By.cssSelector("dialog#key-dialog[open]"))).as(view).isEmpty();
        }
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("No vendor holds nobody");
        assertThat(browser.driver().executeScript("return sessionStorage.length")).isEqualTo(0L);
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
