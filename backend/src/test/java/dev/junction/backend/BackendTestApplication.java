package dev.junction.backend;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The backend alone (no UI), for the backend's own tests. */
@SpringBootApplication
public class BackendTestApplication {
}
