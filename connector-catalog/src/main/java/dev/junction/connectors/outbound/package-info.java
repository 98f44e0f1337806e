/**
 * The outbound address policy: which addresses Junction's outbound HTTP calls (connectors, their token endpoints,
 * notify webhooks, the simulators' notifications) may reach, decided after name resolution, and the one HTTP client
 * that applies it to every call and pins the admitted address for the connection.
 */
package dev.junction.connectors.outbound;
