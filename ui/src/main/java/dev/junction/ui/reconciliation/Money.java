package dev.junction.ui.reconciliation;

import com.vaadin.flow.component.html.Span;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts as a finance tool shows them: minor units in major units with the currency's decimals, thousands grouped,
 * a minus sign for negatives, the ISO code after the number, in tabular figures so that columns line up.
 */
final class Money {

    private Money() {
    }

    /** {@code 123456, "EUR"} → {@code 1,234.56 EUR}; null → empty. */
    static String format(Long minor, String currency) {
        if (minor == null) {
            return "";
        }
        return number(minor, currency) + (currency == null ? "" : " " + currency);
    }

    /** The number alone: {@code 1,234.56}. */
    static String number(long minor, String currency) {
        int digits = 2;
        try {
            digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // two decimals
        }
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.UK));
        return format.format(BigDecimal.valueOf(minor, digits)).replace('-', '\u2212');
    }

    /** A right-aligned amount cell; a zero debit or credit stays empty. */
    static Span cell(Long minor, String currency, boolean blankWhenZero) {
        Span cell = new Span(minor == null || (blankWhenZero && minor == 0) ? "" : format(minor, currency));
        cell.getStyle().set("font-variant-numeric", "tabular-nums").set("white-space", "nowrap");
        if (minor != null && minor < 0) {
            cell.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        cell.getElement().setAttribute("data-minor", minor == null ? "" : String.valueOf(minor));
        return cell;
    }
}
