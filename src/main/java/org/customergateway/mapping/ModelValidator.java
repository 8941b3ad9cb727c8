package org.customergateway.mapping;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Runs the Bean Validation constraints written on a model and names each violation by its JSON path
 * in that model's own schema ({@code ShippingAddress.PostalCode}, {@code main_address.zip}).
 */
public final class ModelValidator {

    private final Validator validator = Validation.byProvider(HibernateValidator.class)
            .configure()
            // messages carry only {max}-style parameters: no expression language needed on the classpath
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private final PropertyNamingStrategies.NamingBase naming;

    /** @param naming the model's Jackson naming, or null when JSON names are the Java names */
    public ModelValidator(PropertyNamingStrategies.NamingBase naming) {
        this.naming = naming;
    }

    public List<FieldMessage> validate(Object model) {
        return validator.validate(model).stream()
                .map(v -> new FieldMessage(jsonPath(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldMessage::field))
                .toList();
    }

    private String jsonPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(naming == null ? node.getName() : naming.translate(node.getName()));
            }
        }
        return path.toString();
    }
}
