package org.customergateway.simplepin;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import io.vertx.core.http.HttpMethod;
import org.customergateway.dispatch.DispatchProperties;
import org.customergateway.dispatch.DispatchRequest;
import org.customergateway.json.Codecs;
import org.customergateway.json.TextRules;
import org.customergateway.translation.Translation;

/**
 * SimplePin's requests for a create, as its document asks: getCustomer first, add when it is not there.
 * {@link #prepare} writes the profile once; every attempt then asks getCustomer again before it adds.
 */
public final class SimplePinRequests {

    private final Codecs codecs;
    private final SimplePinSettings settings;

    public SimplePinRequests(Codecs codecs, SimplePinSettings settings) {
        this.codecs = codecs;
        this.settings = settings;
    }

    /** The message body (a CCProfileApiV2Model) written in SimplePin's format, for every add to come. */
    public void prepare(Exchange exchange) throws JsonProcessingException {
        exchange.setProperty(DispatchProperties.VENDOR_BODY,
                codecs.writer(settings.format()).writeValueAsBytes(exchange.getMessage().getBody()));
    }

    public void getCustomer(Exchange exchange) {
        CCProfileApiV2Model profile = (CCProfileApiV2Model) exchange.getProperty(DispatchProperties.TRANSLATION,
                Translation.class).body();
        Message message = common(exchange, HttpMethod.GET, "/v2/customer/get");
        String locale = localeQuery(exchange);
        message.setHeader(Exchange.HTTP_QUERY, "customer_id=" + encode(profile.customerId())
                + (locale.isEmpty() ? "" : "&" + locale));
        message.removeHeader(Exchange.CONTENT_TYPE);
        message.setBody(new byte[0]);
    }

    public void add(Exchange exchange) {
        Message message = common(exchange, HttpMethod.POST, "/v2/customer/add");
        String locale = localeQuery(exchange);
        if (locale.isEmpty()) {
            message.removeHeader(Exchange.HTTP_QUERY);
        } else {
            message.setHeader(Exchange.HTTP_QUERY, locale);
        }
        message.setHeader(Exchange.CONTENT_TYPE, settings.format().mediaType());
        message.setBody(exchange.getProperty(DispatchProperties.VENDOR_BODY, byte[].class));
    }

    private Message common(Exchange exchange, HttpMethod method, String path) {
        Message message = exchange.getMessage();
        // nothing of an earlier answer (getCustomer's headers before an add) goes out again; Camel's count stays
        message.removeHeaders("*", "CamelRedelivery*", "CamelRedelivered");
        message.setHeader(Exchange.HTTP_METHOD, method);
        message.setHeader(Exchange.HTTP_PATH, path);
        message.setHeader("Accept", settings.format().mediaType());
        message.setHeader("X-Api-Key", settings.apiKey() == null ? "" : settings.apiKey());
        // a queue's correlation id may hold line breaks, which an HTTP header must not
        message.setHeader("X-Correlation-Id", TextRules.loggable(exchange.getProperty(DispatchProperties.REQUEST,
                DispatchRequest.class).correlationId()));
        return message;
    }

    private String localeQuery(Exchange exchange) {
        String locale = exchange.getProperty(DispatchProperties.TRANSLATION, Translation.class).canonical().locale();
        if (locale == null) {
            locale = settings.locale();
        }
        return locale == null || locale.isBlank() ? "" : "locale=" + encode(locale);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
