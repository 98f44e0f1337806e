package dev.junction.ui.shared;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Gives each UI its browser's language as its locale (Vaadin would otherwise use the server's default locale, so an
 * en-GB browser got US dates in the date pickers), and asks the browser for its time zone early. {@link Times} and
 * every Vaadin field (date and time pickers) format with the UI's locale.
 */
@Component
class BrowserLocale implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            Locale asked = request == null ? null : request.getLocale();
            init.getUI().setLocale(usable(asked));
            if (init.getUI().getPage().getExtendedClientDetails().getTimeZoneId() == null) {
                init.getUI().getPage().retrieveExtendedClientDetails(details -> { });
            }
        });
    }

    /** The browser's locale when it named a language, else British English. */
    static Locale usable(Locale asked) {
        return asked == null || asked.getLanguage().isEmpty() ? Times.FALLBACK_LOCALE : asked;
    }
}
