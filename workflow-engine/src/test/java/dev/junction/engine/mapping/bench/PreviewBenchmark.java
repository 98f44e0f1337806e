package dev.junction.engine.mapping.bench;

import dev.junction.engine.mapping.MappingJson;
import dev.junction.engine.mapping.CompiledMapping;
import dev.junction.engine.mapping.MappingEnvironment;
import dev.junction.engine.mapping.MappingTestSupport;
import dev.junction.engine.json.PayloadJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the preview endpoint does server-side for a 100-field mapping on a ~50 KB sample: compile the mapping (the
 * endpoint compiles what the editor sends each time) and preview it, lineage included. Sample-time mode gives the
 * percentiles (p95 goal: under 50 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PreviewBenchmark {

    private Map<String, Object> mapping;
    private Map<String, Object> sample;

    @Setup(Level.Trial)
    public void setUp() {
        sample = sample();
        mapping = hundredFieldMapping();
        int bytes = PayloadJson.write(sample).length();
        if (bytes < 45_000 || bytes > 60_000) {
            throw new IllegalStateException("the sample should be about 50 KB, is " + bytes + " bytes");
        }
    }

    /** An order-like record of about 50 KB: 90 header fields and 390 lines. */
    static Map<String, Object> sample() {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int f = 0; f < 90; f++) {
            record.put("field" + f, "  value of header field number " + f + " ");
        }
        List<Object> lines = new ArrayList<>();
        for (int i = 0; i < 390; i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", "sku-" + i);
            line.put("title", "A product title for line " + i);
            line.put("quantity", (long) (i % 5 + 1));
            line.put("price", (i % 90 + 10) + ".99");
            line.put("currency", "GBP");
            line.put("gift", i % 2 == 0 ? "true" : "false");
            lines.add(line);
        }
        record.put("lines", lines);
        return record;
    }

    /** 90 header rules (trim, upper, truncate) and a forEach over the lines with 10 rules: 100 fields. */
    static Map<String, Object> hundredFieldMapping() {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<Object> rules = new ArrayList<>();
        for (int f = 0; f < 90; f++) {
            properties.put("out" + f, Map.of("type", "string", "maxLength", 30));
            rules.add(Map.of("target", "out" + f, "from", "field" + f, "pipe", List.of(Map.of("fn", "trim"),
                    Map.of("fn", "upper"), Map.of("fn", "truncate"))));
        }
        Map<String, Object> lineProperties = new LinkedHashMap<>();
        List<Object> lineRules = new ArrayList<>();
        String[][] lineFields = {{"sku", "sku", "upper"}, {"title", "title", "trim"}, {"qty", "quantity", "toInteger"},
                {"gift", "gift", "toBoolean"}, {"currency", "currency", "upper"}};
        for (String[] field : lineFields) {
            lineProperties.put(field[0], Map.of());
            lineRules.add(Map.of("target", field[0], "from", field[1], "pipe", List.of(Map.of("fn", field[2]))));
        }
        lineProperties.put("minor", Map.of("type", "integer"));
        lineRules.add(Map.of("target", "minor", "from", "price", "pipe", List.of(Map.of("fn", "toMinorUnits",
                "args", List.of(Map.of("from", "currency"))))));
        lineProperties.put("line", Map.of("type", "integer"));
        lineRules.add(Map.of("target", "line", "from", "$index", "pipe", List.of(Map.of("fn", "add", "args", List.of(1)))));
        lineProperties.put("order", Map.of("type", "string"));
        lineRules.add(Map.of("target", "order", "from", "$root.field0", "pipe", List.of(Map.of("fn", "trim"))));
        lineProperties.put("label", Map.of("type", "string"));
        lineRules.add(Map.of("target", "label", "from", List.of("sku", "title"), "pipe",
                List.of(Map.of("fn", "joinLines", "args", List.of(" - ")))));
        lineProperties.put("price", Map.of("type", "string"));
        lineRules.add(Map.of("target", "price", "from", "price", "pipe", List.of(Map.of("fn", "formatDecimal",
                "args", List.of(2)))));
        properties.put("lines", Map.of("type", "array", "items", Map.of("type", "object", "properties", lineProperties)));
        rules.add(Map.of("target", "lines", "forEach", "lines", "rules", lineRules));
        return Map.of("schemaVersion", 1L, "target", Map.of("schema", Map.of("type", "object",
                "properties", properties)), "rules", rules);
    }

    @Benchmark
    public Object compileAndPreview() {
        CompiledMapping compiled = MappingTestSupport.COMPILER.compile(MappingJson.read(mapping));
        return compiled.preview(sample, MappingEnvironment.NONE);
    }
}
