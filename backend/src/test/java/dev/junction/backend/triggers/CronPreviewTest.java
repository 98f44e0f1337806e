package dev.junction.backend.triggers;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CronPreviewTest {

    private static final Instant WINTER = Instant.parse("2026-12-06T20:00:00Z");

    @Test
    void theNextFiveTimesAreInTheZoneWithItsOffset() {
        assertThat(CronPreview.next("0 0 6 * * ?", "America/New_York", WINTER, 5)).extracting(Object::toString)
                .containsExactly("2026-12-07T06:00-05:00", "2026-12-08T06:00-05:00", "2026-12-09T06:00-05:00",
                        "2026-12-10T06:00-05:00", "2026-12-11T06:00-05:00");
    }

    @Test
    void aSummerTimeChangeShowsInTheOffsetAndAnHourThatDoesNotExistThatDayIsSkippedAsQuartzSkipsIt() {
        assertThat(CronPreview.next("0 0 1 * * ?", "Europe/London", Instant.parse("2027-03-26T12:00:00Z"), 3))
                .extracting(Object::toString)
                .containsExactly("2027-03-27T01:00Z", "2027-03-29T01:00+01:00", "2027-03-30T01:00+01:00");
    }

    @Test
    void aWrongExpressionOrZoneIsNamed() {
        assertThatThrownBy(() -> CronPreview.next("0 0 25 * * ?", "UTC", WINTER, 5))
                .hasMessageStartingWith("cron: '0 0 25 * * ?' is not a Quartz cron expression");
        assertThatThrownBy(() -> CronPreview.next("0 0 6 * * ?", "Mars/Olympus", WINTER, 5))
                .hasMessageStartingWith("timeZone: 'Mars/Olympus' is not a time zone");
    }
}
