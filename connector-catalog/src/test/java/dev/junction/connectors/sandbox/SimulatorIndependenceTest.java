package dev.junction.connectors.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulator implements its remote API's contract on its own: nothing under {@code connectors/<x>/sandbox/}
 * refers to a class of its connector {@code connectors/<x>/} (its rules, its settings, its signing), so a rule the
 * connector gets wrong is caught by the simulator instead of being shared with it. Read from the sources.
 */
class SimulatorIndependenceTest {

    private static final Path CONNECTORS = Path.of("src/main/java/dev/junction/connectors");

    @Test
    void noSimulatorRefersToItsConnectorsOwnClasses() throws IOException {
        List<String> references = new ArrayList<>();
        List<Path> simulators;
        try (Stream<Path> files = Files.walk(CONNECTORS)) {
            simulators = files.filter(file -> file.getParent().getFileName().toString().equals("sandbox")
                    && !file.getParent().getParent().equals(CONNECTORS) && file.toString().endsWith(".java")).toList();
        }
        for (Path file : simulators) {
            String connector = file.getParent().getParent().getFileName().toString();
            Matcher reference = Pattern.compile("dev\\.junction\\.connectors\\." + connector + "\\.([A-Z]\\w*)")
                    .matcher(Files.readString(file));
            while (reference.find()) {
                references.add(CONNECTORS.relativize(file) + " → " + connector + "." + reference.group(1));
            }
        }
        assertThat(simulators).as("the simulators' sources").hasSizeGreaterThan(20);
        assertThat(references).isEmpty();
    }
}
