package dev.junction.ui.shared;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTest {

    private static final Instant AT = Instant.parse("2026-12-07T14:03:37Z");

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    @Test
    void aTimeReadsAsThePersonsLocaleWritesIt() {
        assertThat(Times.when(AT, Locale.UK, ZoneId.of("UTC"))).isEqualTo("7 Dec 2026, 14:03:37");
        assertThat(Times.when(AT, Locale.US, ZoneId.of("UTC"))).matches("Dec 7, 2026, 2:03:37[\\s\\u202f]PM");
        assertThat(Times.when(AT, Locale.GERMANY, ZoneId.of("Europe/Berlin"))).isEqualTo("07.12.2026, 15:03:37");
    }

    @Test
    void theUisLocaleDecidesAndWithoutAUiBritishEnglishAndTheServersZone() {
        assertThat(Times.locale()).isEqualTo(Locale.UK);
        assertThat(Times.zone()).isEqualTo(ZoneId.systemDefault());

        UI ui = new UI();
        ui.setLocale(Locale.US);
        UI.setCurrent(ui);
        assertThat(Times.locale()).isEqualTo(Locale.US);
        assertThat(Times.when(AT)).startsWith("Dec 7, 2026");
    }

    @Test
    void aZoneTheBrowserNamesIsUsedAndAnUnknownOneFallsBackToTheServers() {
        assertThat(Times.zoneNamed("Asia/Tokyo")).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(Times.zoneNamed("Not/AZone")).isEqualTo(ZoneId.systemDefault());
        assertThat(Times.zoneNamed(null)).isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void aBrowserWithoutALanguageGetsBritishEnglish() {
        assertThat(BrowserLocale.usable(Locale.forLanguageTag("en-GB"))).isEqualTo(Locale.UK);
        assertThat(BrowserLocale.usable(Locale.ROOT)).isEqualTo(Locale.UK);
        assertThat(BrowserLocale.usable(null)).isEqualTo(Locale.UK);
    }
}
