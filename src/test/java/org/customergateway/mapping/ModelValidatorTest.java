package org.customergateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator that runs the models' Bean Validation annotations, on small models of its own. */
public class ModelValidatorTest {

    public record Line(@NotBlank @Size(max = 5) String text) {
    }

    public record Order(
            @NotNull String orderId,
            @Size(min = 2, max = 4) String code,
            @Size(max = 2) List<String> tags,
            @Size(max = 1) Integer notText,
            @Pattern(regexp = "[A-Z]{3}", message = "must be three capitals") String currency,
            @JsonProperty("legacy_name") @Size(max = 3) String renamed,
            @JsonProperty @Size(max = 3) String plainName,
            @Valid Line first,
            List<@Valid Line> lines,
            List<Line> unchecked) {
    }

    public record Unknown(@Email String address) {
    }

    private final ModelValidator snake = new ModelValidator(new PropertyNamingStrategies.SnakeCaseStrategy());
    private final ModelValidator plain = new ModelValidator(null);

    @Test
    void a_valid_model_has_no_violations() {
        assertThat(plain.validate(valid())).isEmpty();
    }

    @Test
    void every_violation_is_reported_sorted_by_field() {
        Order order = new Order(null, "x", List.of("a", "b", "c"), 12345, "usd", "long", "long", new Line(" "),
                Arrays.asList(new Line("ok"), null, new Line("toolong")), List.of(new Line("not checked at all")));
        assertThat(plain.validate(order)).containsExactly(
                new FieldMessage("code", "must be at least 2 characters"),
                new FieldMessage("currency", "must be three capitals"),
                new FieldMessage("first.text", "is required"),
                new FieldMessage("legacy_name", "must be at most 3 characters"),
                new FieldMessage("lines[2].text", "must be at most 5 characters"),
                new FieldMessage("orderId", "is required"),
                new FieldMessage("plainName", "must be at most 3 characters"),
                new FieldMessage("tags", "must be at most 2 characters"));
    }

    @Test
    void names_fields_by_the_models_json_naming_unless_the_property_names_itself() {
        Order order = new Order("o", "ab", null, null, null, "long", "long", null, null, null);
        assertThat(snake.validate(order)).extracting(FieldMessage::field).containsExactly("legacy_name", "plain_name");
    }

    @Test
    void sizes_at_their_limits_pass() {
        Order order = new Order("o", "abcd", List.of("a", "b"), null, "USD", "abc", "abc", new Line("12345"),
                List.of(new Line("12345")), null);
        assertThat(plain.validate(order)).isEmpty();
        assertThat(plain.validate(new Order("o", "ab", null, null, null, null, null, null, null, null))).isEmpty();
    }

    @Test
    void a_single_violation_is_reported_as_it_is() {
        assertThat(plain.validate(new Order(null, null, null, null, null, null, null, null, null, null)))
                .containsExactly(new FieldMessage("orderId", "is required"));
    }

    @Test
    void a_type_that_is_not_a_record_has_nothing_to_check() {
        assertThat(plain.validate("just a string")).isEmpty();
    }

    @Test
    void refuses_a_constraint_it_does_not_understand_rather_than_skip_it() {
        assertThatThrownBy(() -> plain.validate(new Unknown("x"))).hasMessageContaining("@Email is not understood");
    }

    private static Order valid() {
        return new Order("o-1", "abc", List.of("a"), 7, "USD", "abc", "abc", new Line("one"), List.of(new Line("two")),
                List.of(new Line("not checked")));
    }
}
