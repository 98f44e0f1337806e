/** Outbound calls: this installation's part of the outbound address policy (the allow-list, the sandbox's mounts). */
package dev.junction.backend.outbound;
