package org.customergateway.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless browser for a test class, opened before its tests and closed after them; the class's
 * static {@link Browser} field is filled in (as {@link VendorsAndGateway} fills the gateway's).
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
        for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Browser.class) {
                field.setAccessible(true);
                field.set(null, browser);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
    }
}
