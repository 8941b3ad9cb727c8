package org.customergateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.customergateway.simplepin.CCProfileApiV2Model;
import org.customergateway.syntch.ActivationStatus;
import org.customergateway.syntch.PostCustomer;
import org.customergateway.syntch.SyntchAddress;
import org.customergateway.syntch.SyntchContact;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** ModelValidator must reach Hibernate Validator's verdict, field for field and message for message. */
class ModelValidatorConformanceTest {

    private static final Validator ORACLE = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static final PropertyNamingStrategies.NamingBase UPPER_CAMEL = new PropertyNamingStrategies.UpperCamelCaseStrategy();
    private static final PropertyNamingStrategies.NamingBase SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private final ModelValidator syntch = new ModelValidator(UPPER_CAMEL);
    private final ModelValidator simplePin = new ModelValidator(SNAKE);

    @Test
    void agrees_with_hibernate_validator_on_a_thousand_generated_syntch_customers() {
        Random random = new Random(20261122);
        for (int i = 0; i < 1000; i++) {
            PostCustomer customer = randomCustomer(random);
            assertThat(Set.copyOf(syntch.validate(customer)))
                    .as("customer %d: %s", i, customer)
                    .isEqualTo(oracle(customer, UPPER_CAMEL));
        }
    }

    @Test
    void agrees_with_hibernate_validator_on_simplepin_requests() {
        for (String id : new String[] {null, "", "  ", "C-1"}) {
            CCProfileApiV2Model request = new CCProfileApiV2Model(null, null, null, id, null, null, null, null, null, null);
            assertThat(Set.copyOf(simplePin.validate(request)))
                    .isEqualTo(oracle(request, SNAKE));
        }
    }

    @Test
    void refuses_a_constraint_it_does_not_understand_rather_than_ignoring_it() {
        record WithEmail(@Email String email) {
        }
        assertThatThrownBy(() -> syntch.validate(new WithEmail("x"))).hasMessageContaining("@Email");
    }

    private static Set<FieldMessage> oracle(Object model, PropertyNamingStrategies.NamingBase naming) {
        return ORACLE.validate(model).stream()
                .map(v -> new FieldMessage(path(v, naming), v.getMessage()))
                .collect(Collectors.toSet());
    }

    private static String path(ConstraintViolation<?> violation, PropertyNamingStrategies.NamingBase naming) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(naming.translate(node.getName()));
        }
        return path.toString();
    }

    private static PostCustomer randomCustomer(Random random) {
        return new PostCustomer(text(random, 110), text(random, 55), random.nextBoolean() ? 7 : null,
                random.nextInt(4) == 0 ? null : randomContact(random), maybeAddress(random), maybeAddress(random),
                random.nextInt(5) == 0 ? null : ActivationStatus.values()[random.nextInt(4)]);
    }

    private static SyntchContact randomContact(Random random) {
        return new SyntchContact(text(random, 55), text(random, 55), text(random, 55), text(random, 55),
                text(random, 105), text(random, 28), text(random, 28), text(random, 28), text(random, 28),
                maybeAddress(random), maybeAddress(random));
    }

    private static SyntchAddress maybeAddress(Random random) {
        if (random.nextInt(3) == 0) {
            return null;
        }
        List<String> regions = List.of("ON", "NY", "XX", "", "QC");
        List<String> countries = List.of("USA", "CAN", "GBR", "", "usa");
        return new SyntchAddress(text(random, 55), text(random, 55), text(random, 55), text(random, 55),
                random.nextInt(6) == 0 ? null : regions.get(random.nextInt(regions.size())),
                text(random, 33), random.nextInt(6) == 0 ? null : countries.get(random.nextInt(countries.size())));
    }

    /** null, blank, or text of a length around the limits that matter (25, 30, 50, 100). */
    private static String text(Random random, int maxLength) {
        int kind = random.nextInt(6);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return " ".repeat(random.nextInt(3));
        }
        List<Integer> lengths = new ArrayList<>(List.of(1, 25, 26, 30, 31, 50, 51, 100, 101));
        lengths.removeIf(length -> length > maxLength);
        return "x".repeat(lengths.get(random.nextInt(lengths.size())));
    }
}
