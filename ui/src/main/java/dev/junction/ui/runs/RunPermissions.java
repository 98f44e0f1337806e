package dev.junction.ui.runs;

import dev.junction.backend.security.CurrentUser;
import dev.junction.db.users.Role;

/** What the signed-in user may do with runs; the UI shows the buttons only then (the services check again). */
public final class RunPermissions {

    private RunPermissions() {
    }

    /** Start, cancel and replay runs. */
    public static boolean mayOperate() {
        return CurrentUser.hasAnyRole(Role.ADMIN, Role.DESIGNER, Role.OPERATOR);
    }

    /** Pin a run's data in the designer ("Debug in editor"): pinning is a workflow edit. */
    public static boolean mayPin() {
        return CurrentUser.hasAnyRole(Role.ADMIN, Role.DESIGNER);
    }
}
