package dev.junction.backend.runs;

import dev.junction.backend.database.DatabaseOutage;
import dev.junction.db.lookups.LookupTableRepository;
import dev.junction.db.runs.PostgresRunStore;
import dev.junction.db.runs.RunControl;
import dev.junction.db.runs.RunLineage;
import dev.junction.db.runs.RunQueries;
import dev.junction.db.triggers.TriggerStateRepository;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.db.workflows.WorkflowVersionRepository;
import dev.junction.engine.connectors.ConnectorInvoker;
import dev.junction.engine.expressions.ExpressionRuntime;
import dev.junction.engine.runs.CachingWorkflowSource;
import dev.junction.engine.runs.LookupTables;
import dev.junction.engine.runs.Mappings;
import dev.junction.engine.runs.Notifier;
import dev.junction.engine.runs.RunStore;
import dev.junction.engine.runs.RunWorker;
import dev.junction.engine.runs.StepInterpreter;
import dev.junction.engine.runs.TransitionPlanner;
import dev.junction.engine.runs.WorkflowSource;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** The run machinery: the store on PostgreSQL, the interpreter with its ports, and this node's worker pool. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WorkerSettings.class, ReplaySettings.class})
class RunsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PostgresRunStore runStore(DSLContext db, WorkerSettings settings) {
        return new PostgresRunStore(db, settings.groupCompletions());
    }

    @Bean
    RunQueries runQueries(DSLContext db) {
        return new RunQueries(db);
    }

    @Bean
    RunLineage runLineage(DSLContext db) {
        return new RunLineage(db);
    }

    @Bean
    RunControl runControl(DSLContext db) {
        return new RunControl(db);
    }

    /** The lookup tables, also the {@link LookupTables} port that lookup nodes and mappings read. */
    @Bean
    LookupTableRepository lookupTableRepository(DSLContext db) {
        return new LookupTableRepository(db);
    }

    @Bean
    TriggerStateRepository triggerStateRepository(DSLContext db) {
        return new TriggerStateRepository(db);
    }

    @Bean
    WorkflowSource workflowSource(WorkflowRepository workflows, WorkflowVersionRepository versions) {
        return new CachingWorkflowSource(new StoredWorkflowSource(workflows, versions));
    }

    @Bean
    StepInterpreter stepInterpreter(ExpressionRuntime expressions, ConnectorInvoker connectors, RunStore store,
                                    WorkflowSource workflows, LookupTables lookups, Mappings mappings,
                                    Notifier notifier, Clock clock) {
        return new StepInterpreter(expressions, connectors, store, workflows, lookups, mappings, notifier, clock);
    }

    @Bean
    TransitionPlanner transitionPlanner(Clock clock) {
        return new TransitionPlanner(clock, RandomGenerator.getDefault());
    }

    @Bean
    WorkerPool workerPool(RunStore store, WorkflowSource workflows, StepInterpreter interpreter,
                          TransitionPlanner planner, Clock clock, WorkerSettings settings) {
        String node = ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new WorkerPool(store, settings.size(), index -> new RunWorker(store, workflows, interpreter, planner,
                clock, node + "/" + index, settings.lease(), DatabaseOutage::isCause), settings.pollInterval(), settings.shutdownGrace(), node + "/handed",
                new WorkerPool.Options(settings.lease(), settings.groupIntake(), settings.virtualThreads(),
                        settings.maxWaiting()));
    }

    /** Starts the workers once the application is up, and stops them before the database goes. */
    @Bean
    SmartLifecycle workerPoolLifecycle(WorkerPool pool, WorkerSettings settings) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                if (settings.enabled()) {
                    pool.start();
                }
            }

            @Override
            public void stop() {
                pool.stop();
            }

            @Override
            public boolean isRunning() {
                return pool.isRunning();
            }
        };
    }
}
