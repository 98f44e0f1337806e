package dev.junction.backend.dashboard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardTextsTest {

    @Test
    void aFailureRateChangeThatRoundsToZeroIsNeutralNotBad() {
        // 10.02 % after 10.00 %: the tile reads "±0.0 pp", so it must not be coloured as a rise
        String change = DashboardTexts.pointChange(10.02, 10.0);
        assertThat(change).isEqualTo("±0.0 pp");
        assertThat(DashboardTexts.moreIsBad(change)).isEqualTo("neutral");
        assertThat(DashboardTexts.moreIsBad(DashboardTexts.pointChange(10.1, 10.0))).isEqualTo("bad");
        assertThat(DashboardTexts.moreIsBad(DashboardTexts.pointChange(9.9, 10.0))).isEqualTo("good");
    }

    @Test
    void theImpactFollowsTheSignShownForEveryKindOfChange() {
        assertThat(DashboardTexts.moreIsBad(DashboardTexts.relativeChange(1002.0, 1000.0))).isEqualTo("neutral");
        assertThat(DashboardTexts.moreIsBad(DashboardTexts.relativeChange(1200.0, 1000.0))).isEqualTo("bad");
        assertThat(DashboardTexts.durationChange(1000.3, 1000.0)).isEqualTo("±0 ms");
        assertThat(DashboardTexts.moreIsBad(DashboardTexts.durationChange(1000.3, 1000.0))).isEqualTo("neutral");
        assertThat(DashboardTexts.moreIsBad(DashboardTexts.countChange(3.0, 3.0))).isEqualTo("neutral");
        assertThat(DashboardTexts.moreIsBad(DashboardTexts.countChange(2.0, 3.0))).isEqualTo("good");
        assertThat(DashboardTexts.moreIsBad(null)).isEqualTo("neutral");
    }
}
