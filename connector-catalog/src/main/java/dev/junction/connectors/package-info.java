/**
 * Connectors: Amazon Selling Partner API, Opayo Pi, Dataverse (Dynamics 365), generic HTTP, their descriptors and
 * the sandbox simulators of each remote API. They know nothing of workflows, runs or the database.
 */
package dev.junction.connectors;
