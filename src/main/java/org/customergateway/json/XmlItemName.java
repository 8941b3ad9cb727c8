package org.customergateway.json;

import com.fasterxml.jackson.annotation.JacksonAnnotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The element name of each item of a wrapped XML list ({@code <contracts><contract>...}). Jackson's own
 * {@code @JacksonXmlProperty(localName)} breaks reading records (the creator parameter takes the item
 * name; jackson-dataformat-xml #517), so the item name is applied only by the XML writer
 * ({@link Codecs#writer}); the reader takes any item name inside the wrapper.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
@JacksonAnnotation
public @interface XmlItemName {
    String value();
}
