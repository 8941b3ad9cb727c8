package org.customergateway.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless browser for a test class, opened before its tests and closed after them. The test
 * instance is made after it opened, so an instance field may hold it:
 * {@code private final Browser browser = BROWSER.browser();}
 */
public final class BrowserPerClass implements BeforeAllCallback, AfterAllCallback {

    private final int width;
    private final int height;
    private Browser browser;

    public BrowserPerClass(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        browser = new Browser(width, height);
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
    }
}
