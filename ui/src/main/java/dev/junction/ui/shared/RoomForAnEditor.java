package dev.junction.ui.shared;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;

/** An editor view needs the width: the navigation drawer closes while it is attached, and comes back as it was. */
public final class RoomForAnEditor {

    private RoomForAnEditor() {
    }

    public static void closeDrawerWhileAttached(Component view) {
        view.addAttachListener(attach -> {
            AppLayout layout = view.findAncestor(AppLayout.class);
            if (layout == null) {
                return;
            }
            boolean wasOpen = layout.isDrawerOpened();
            layout.setDrawerOpened(false);
            view.addDetachListener(detach -> {
                layout.setDrawerOpened(wasOpen);
                detach.unregisterListener();
            });
        });
    }
}
