package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MP-3 and MP-4 in the rule panel: a function chain built with the picker shows the value after each step on the
 * sample; "only when present" leaves a field out when its source is missing; a default fills an empty result; a
 * VIEWER sees the rule and its values on their own sample but cannot change it.
 */
class MapperRulePanelTest extends MapperRuleBrowserTest {

    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    static final String RULES = """
            [{"target": "country", "from": "ShippingAddress.CountryCode"},
             {"target": "telephone1", "from": "Phone", "default": "not given"},
             {"target": "city", "from": "ShippingAddress.City"}]""";

    @Test
    void eachStepShowsItsValueOnTheSample() {
        openMapper(newMapping("Rule panel steps", mapping(RULES)));
        useSample("{\"ShippingAddress\": {\"CountryCode\": \" gb \", \"City\": \"Leeds\"}, \"Phone\": \"0113 496 0000\"}");
        selectTarget("country");
        assertThat(page.locator("[data-testid=source-value]")).hasText("\" gb \"");
        screenshot("selected");

        page.locator("[data-testid=add-step]").click();
        Locator picker = page.locator("[data-testid=function-picker]");
        picker.locator("[data-testid=function-search]").fill("upp");
        Locator upper = picker.locator("[data-testid=function-option][data-fn=upper]");
        upper.hover();
        assertThat(upper).containsText("string → string");
        assertThat(upper.locator("[data-testid=function-example]")).containsText("\" GB \""); // upper on the sample
        screenshot("picker");
        page.keyboard().press("Escape");
        assertThat(picker).isHidden();

        addStep("trim");
        addStep("upper");
        assertThat(step(0)).hasAttribute("data-fn", "trim");
        assertThat(step(1)).hasAttribute("data-fn", "upper");
        assertThat(historySize()).isEqualTo(2); // one history entry per committed edit
        previewNow();
        assertThat(step(0).locator("[data-testid=step-value]")).hasText("gb");
        assertThat(step(1).locator("[data-testid=step-value]")).hasText("GB");
        assertThat(page.locator("[data-testid=rule-value]")).hasText("GB");
        screenshot("steps");

        step(1).locator("[data-testid=step-up]").click(); // upper, then trim
        assertThat(step(0)).hasAttribute("data-fn", "upper");
        previewNow();
        assertThat(step(0).locator("[data-testid=step-value]")).hasText("\" GB \"");
        assertThat(step(1).locator("[data-testid=step-value]")).hasText("GB");
        step(0).locator("[data-testid=step-remove]").click();
        assertThat(page.locator("[data-testid=pipeline-step]")).hasCount(1);
        assertThat(rule("country")).isEqualTo("{\"from\":\"ShippingAddress.CountryCode\",\"pipe\":[{\"fn\":\"trim\"}],\"target\":\"country\"}");
    }

    @Test
    void onlyWhenPresentLeavesTheFieldOutAndADefaultFillsAMissingResult() {
        openMapper(newMapping("Rule panel conditions", mapping(RULES)));
        useSample("{\"ShippingAddress\": {\"CountryCode\": \"GB\"}}"); // no Phone, no City
        assertThat(output()).contains("\"telephone1\":\"not given\""); // the default fills the missing phone

        selectTarget("telephone1");
        Locator onlyWhenPresent = page.locator("[data-testid=only-when-present]");
        assertThat(onlyWhenPresent).not().isChecked();
        onlyWhenPresent.check();
        assertThat(rule("telephone1")).isEqualTo("{\"default\":\"not given\",\"from\":\"Phone\",\"target\":\"telephone1\",\"when\":{\"fn\":\"isNotEmpty\",\"from\":\"Phone\"}}");
        assertThat(page.locator("[data-testid=rule-condition]")).hasAttribute("data-mode", "predicate");
        previewNow();
        assertThat(output()).doesNotContain("\"telephone1\"");
        assertThat(page.locator("[data-testid=rule-value]")).hasAttribute("data-state", "skipped");
        screenshot("only-when-present");

        useSample("{\"ShippingAddress\": {\"CountryCode\": \"GB\"}, \"Phone\": \"0113 496 0000\"}");
        assertThat(output()).contains("\"telephone1\":\"0113 496 0000\"");

        selectTarget("city");
        commit(page.locator("[data-testid=rule-default]"), "Unknown");
        assertThat(rule("city")).isEqualTo("{\"default\":\"Unknown\",\"from\":\"ShippingAddress.City\",\"target\":\"city\"}");
        previewNow();
        assertThat(page.locator("[data-testid=rule-value]")).hasText("Unknown");
        assertThat(output()).contains("\"city\":\"Unknown\"");
        screenshot("default");

        page.locator("[data-testid=rule-default]").fill(""); // removing the default, committed on blur
        page.locator("[data-testid=rule-default]").blur();
        assertThat(rule("city")).isEqualTo("{\"from\":\"ShippingAddress.City\",\"target\":\"city\"}");
    }

    @Test
    void aViewerSeesTheRuleAndItsValuesButCannotChangeIt() {
        String id = newMapping("Rule panel read only", mapping("""
                [{"target": "country", "from": "ShippingAddress.CountryCode", "pipe": [{"fn": "trim"}, {"fn": "upper"}]}]"""));
        String viewer = "vic" + UUID.randomUUID().toString().substring(0, 6);
        users.insert(viewer, "Vic Viewer", passwords.encode("viewer-mapper-password"), Set.of(Role.VIEWER));
        page.setViewportSize(1600, 1000);
        signIn(viewer, "viewer-mapper-password");
        navigateToMapper(id);
        useSample("{\"ShippingAddress\": {\"CountryCode\": \" fr \"}}");
        selectTarget("country");
        assertThat(rulePanel("country")).hasAttribute("data-readonly", "true");
        assertThat(step(1).locator("[data-testid=step-value]")).hasText("FR");
        assertThat(page.locator("[data-testid=add-step]")).hasCount(0);
        assertThat(page.locator("[data-testid=step-remove]")).hasCount(0);
        assertThat(page.locator("[data-testid=only-when-present]")).isDisabled();
        assertThat(page.locator("[data-testid=rule-default]")).not().isEditable();
        screenshot("viewer");
    }
}
