package org.peertel.launch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.peertel.config.JobSettings;
import org.peertel.job.RegistryCache;
import org.peertel.job.TelemetryJobConfiguration;
import org.peertel.remote.RemoteRole;
import org.peertel.remote.RemoteSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring Boot application that hosts the telemetry job. Boot's batch auto-configuration provides the JDBC
 * job repository (an H2 file beside the DuckDB file unless {@code job-repository.url} says otherwise, e.g.
 * PostgreSQL) and the JobOperator; jobs are launched by {@link TelemetryLauncher}, never at start-up. The
 * repository is opened and its schema created by {@link JobRepositoryDatabase} before the context starts.
 */
// the job's beans live in package job, the launcher here: scan both
@SpringBootApplication(
        proxyBeanMethods = false,
        scanBasePackageClasses = {TelemetryApplication.class, TelemetryJobConfiguration.class, RemoteRole.class})
public class TelemetryApplication {

    /** Starts the context for one command-line invocation. */
    public static ConfigurableApplicationContext start(JobSettings settings, Path db) {
        return start(settings, db, null);
    }

    /**
     * Starts the context; the job executions take their registry from {@code registries} (null: a cache of their
     * own), so that a registry the command already checked is not read again.
     */
    public static ConfigurableApplicationContext start(JobSettings settings, Path db, RegistryCache registries) {
        return start(settings, db, registries, null, null);
    }

    /**
     * Starts the context of one part of a remote run: {@code role} manager ({@code run --workers remote}) or worker
     * ({@code peertel worker}, whose {@code registries} is null); {@code role} null is one process.
     */
    public static ConfigurableApplicationContext start(
            JobSettings settings, Path db, RegistryCache registries, RemoteRole role, RemoteSettings remote) {
        JobRepositoryDatabase.prepare(settings.jobRepository(), db);
        SpringApplication application = new SpringApplication(TelemetryApplication.class);
        Map<String, Object> properties = properties(settings, db);
        if (role != null) {
            properties.put(RemoteRole.PROPERTY, role.property());
        }
        application.setDefaultProperties(properties);
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("jobSettings", settings);
            if (registries != null) {
                context.getBeanFactory().registerSingleton("registryCache", registries);
            }
            if (remote != null) {
                context.getBeanFactory().registerSingleton("remoteSettings", remote);
            }
        });
        application.setLogStartupInfo(false);
        return application.run();
    }

    static Map<String, Object> properties(JobSettings settings, Path db) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.web-application-type", "none");
        // peertel's own SIGTERM hook stops the running job first, then closes the context (JobSession)
        properties.put("spring.main.register-shutdown-hook", "false");
        properties.put("logging.register-shutdown-hook", "false");
        properties.put("spring.batch.job.enabled", "false");
        // JobRepositoryDatabase.prepare created the tables if they were missing (see there why not Boot's "always")
        properties.put("spring.batch.jdbc.initialize-schema", "never");
        properties.put("spring.datasource.url", JobRepositoryDatabase.url(settings.jobRepository(), db));
        if (settings.jobRepository().user().isSet()) {
            properties.put(
                    "spring.datasource.username",
                    settings.jobRepository().user().text());
        }
        if (settings.jobRepository().password().isSet()) {
            properties.put(
                    "spring.datasource.password",
                    settings.jobRepository().password().text());
        }
        properties.put("logging.level.root", "WARN");
        // A failed step is reported once, by the command line, with its cause; the full stack trace stays in
        // the job repository (BATCH_STEP_EXECUTION.EXIT_MESSAGE) instead of flooding the console.
        properties.put("logging.level.org.springframework.batch.core.step.AbstractStep", "OFF");
        properties.put("logging.level.org.springframework.batch.core.job.AbstractJob", "OFF");
        properties.put("logging.level.org.springframework.batch.core.step.item.ChunkOrientedStep", "OFF");
        return properties;
    }
}
