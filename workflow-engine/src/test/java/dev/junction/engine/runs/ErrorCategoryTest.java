package dev.junction.engine.runs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCategoryTest {

    @Test
    void placesTheClassesConnectorsAndNodesRaise() {
        assertThat(ErrorCategory.of("RateLimited")).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(ErrorCategory.of("AuthenticationFailed")).isEqualTo(ErrorCategory.AUTH);
        assertThat(ErrorCategory.of("RemoteUnavailable")).isEqualTo(ErrorCategory.INTERMITTENT);
        assertThat(ErrorCategory.of("ConnectionRefused")).isEqualTo(ErrorCategory.CONNECTION);
        assertThat(ErrorCategory.of("RemoteValidation")).isEqualTo(ErrorCategory.VALIDATION);
        assertThat(ErrorCategory.of("ExpressionLimit")).isEqualTo(ErrorCategory.VALIDATION);
        assertThat(ErrorCategory.of("DuplicateVendorTxCode")).isEqualTo(ErrorCategory.DUPLICATE);
        assertThat(ErrorCategory.of("ResponseTooLarge")).isEqualTo(ErrorCategory.TOO_LARGE);
        assertThat(ErrorCategory.of("NotJson")).isEqualTo(ErrorCategory.PARSE);
        assertThat(ErrorCategory.of("NotFound")).isEqualTo(ErrorCategory.MISSING);
        assertThat(ErrorCategory.of("SomethingNew")).isEqualTo(ErrorCategory.OTHER);
        assertThat(ErrorCategory.of(null)).isNull();
    }

    @Test
    void readsItsNameInUrlsWhateverTheCase() {
        assertThat(ErrorCategory.fromJson("RATE_LIMIT")).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(ErrorCategory.fromJson("rate_limit").jsonName()).isEqualTo("rate_limit");
        assertThat(ErrorCategory.fromJson("nope")).isNull();
    }
}
