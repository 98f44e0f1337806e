// Node-RED settings of the load-test comparison (tools/loadtest/run-comparison.sh): loopback only, no editor,
// quiet logs, no telemetry; the flow file is passed on the command line.
module.exports = {
    uiHost: "127.0.0.1",
    uiPort: process.env.PORT || 1880,
    httpAdminRoot: false,
    credentialSecret: false,
    diagnostics: {enabled: false},
    telemetry: {enabled: false},
    logging: {console: {level: "warn", metrics: false, audit: false}},
    functionExternalModules: false,
    externalModules: {autoInstall: false}
};
