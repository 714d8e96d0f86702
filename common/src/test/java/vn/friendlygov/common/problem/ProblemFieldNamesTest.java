package vn.friendlygov.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class ProblemFieldNamesTest {

    record Item(@NotBlank String title) {
    }

    record Batch(@NotBlank String box, List<@NotBlank String> photos, List<@Valid Item> items) {
    }

    @Test
    void violationsNameFieldsAsTheClientWroteThem() {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        Set<ConstraintViolation<Batch>> violations = validator.validate(
                new Batch("", List.of("ok", " "), List.of(new Item("Hòm thư"), new Item(""))));
        Set<String> fields = new TreeSet<>();
        violations.forEach(v -> fields.add(ProblemMappers.fieldOf(v.getPropertyPath())));
        assertEquals(Set.of("box", "photos[1]", "items[1].title"), fields);
    }
}
