package dev.junction.backend.alerts.channels;

import dev.junction.backend.database.DatabaseOutage;
import dev.junction.db.alerts.channels.AlertOutbox;
import dev.junction.db.alerts.channels.OutboxNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the alert outbox on this node — every node runs one: every {@code interval} it claims due pending rows in
 * small batches ({@link AlertOutbox#claimDue}: {@code for update skip locked}, so two nodes never claim the same row)
 * and sends them one by one until none is due. A row whose node dies between sending and marking stays pending and is
 * sent again when its claim's lease ends (at least once; receivers deduplicate by the row id, sent as the idempotency
 * key).
 */
public class NotificationDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger("junction.alerts");

    private final AlertOutbox outbox;
    private final NotificationDelivery delivery;
    private final DispatchSettings settings;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    NotificationDispatcher(AlertOutbox outbox, NotificationDelivery delivery, DispatchSettings settings) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.settings = settings;
    }

    /** Claims and sends what is due now, until nothing is (tests call it; the schedule does too). */
    public int dispatchDue() {
        int sent = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<OutboxNotification> claimed = outbox.claimDue(settings.batchSize(), settings.lease());
            if (claimed.isEmpty()) {
                return sent;
            }
            for (int i = 0; i < claimed.size(); i++) {
                if (Thread.interrupted()) {
                    claimed.subList(i, claimed.size()).forEach(unsent -> outbox.release(unsent.id()));
                    Thread.currentThread().interrupt();
                    return sent;
                }
                delivery.deliver(claimed.get(i));
                sent++;
            }
        }
        return sent;
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled()) {
            log.info("Alert notifications are not dispatched by this node (junction.alerts.dispatch.enabled=false)");
            return;
        }
        running = true;
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("alert-dispatcher").daemon()
                .factory());
        executor.scheduleWithFixedDelay(this::dispatchQuietly, settings.interval().toMillis(),
                settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void dispatchQuietly() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            DatabaseOutage.log(log, "Alert notifications not dispatched", e);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
