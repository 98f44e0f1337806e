package dev.junction.ui;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts Junction: the UI, the backend services and REST API, and the database they use. */
@SpringBootApplication(scanBasePackages = "dev.junction")
public class JunctionApplication {

    public static void main(String[] args) {
        SpringApplication.run(JunctionApplication.class, args);
    }
}
