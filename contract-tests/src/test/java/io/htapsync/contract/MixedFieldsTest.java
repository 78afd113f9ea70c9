package io.htapsync.contract;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import org.junit.jupiter.api.Test;

/** A pact example for a counter must itself be one of the forms the pact allows. */
class MixedFieldsTest {

  @Test
  void rejectsANonNumericStringExampleNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MixedFields.percentage(new PactDslJsonBody(), "percentage", "n/a"));
    assertTrue(e.getMessage().contains("percentage") && e.getMessage().contains("n/a"), e.getMessage());
  }

  @Test
  void rejectsACountExampleOutsideTheSpecsPattern() {
    assertThrows(IllegalArgumentException.class, () -> MixedFields.count(new PactDslJsonBody(), "total_count", "-1"));
  }

  @Test
  void rejectsABooleanExample() {
    assertThrows(IllegalArgumentException.class,
        () -> MixedFields.percentageOrNull(new PactDslJsonBody(), "catchup_percentage", true));
  }
}
