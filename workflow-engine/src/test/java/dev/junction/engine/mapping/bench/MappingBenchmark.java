package dev.junction.engine.mapping.bench;

import dev.junction.engine.mapping.MappingJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.Parser;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * SP-API order (5 items) → Opayo payment request over 100,000 different orders, one order per operation: the
 * compiled shipped mapping, the same mapping with one JavaScript rule, hand-written Java, and JSLT. Run it with
 * the command in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class MappingBenchmark {

    static final int RECORDS = 100_000;

    private List<Map<String, Object>> orders;
    private List<JsonNode> orderNodes;
    private CompiledMapping compiled;
    private CompiledMapping compiledWithJs;
    private Expression jslt;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        orders = OrderSamples.orders(RECORDS);
        ObjectMapper jackson = new ObjectMapper();
        orderNodes = new ArrayList<>(RECORDS);
        for (Map<String, Object> order : orders) {
            orderNodes.add(jackson.readTree(PayloadJson.write(order)));
        }
        Map<String, Object> mapping = MappingTestSupport.resource("/junction/mappings/amazon-order-to-opayo-payment.json");
        compiled = MappingTestSupport.COMPILER.compile(MappingJson.read(mapping));
        String withJs = PayloadJson.write(mapping).replace(
                "{\"target\":\"description\",\"from\":\"AmazonOrderId\",\"pipe\":[{\"fn\":\"prefix\",\"args\":[\"Amazon order \"]}]}",
                "{\"target\":\"description\",\"expression\":\"'Amazon order ' + source.AmazonOrderId\"}");
        if (withJs.equals(PayloadJson.write(mapping))) {
            throw new IllegalStateException("the description rule of the shipped mapping changed: update the benchmark");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> jsMapping = (Map<String, Object>) PayloadJson.read(withJs);
        compiledWithJs = MappingTestSupport.COMPILER.compile(MappingJson.read(jsMapping));
        try (InputStream in = MappingBenchmark.class.getResourceAsStream("/bench/order-to-opayo.jslt")) {
            jslt = Parser.compileString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        MappingTestSupport.EXPRESSIONS.close();
    }

    private int nextIndex() {
        int index = next;
        next = index + 1 == RECORDS ? 0 : index + 1;
        return index;
    }

    @Benchmark
    public Object compiledMapping() {
        return compiled.apply(orders.get(nextIndex()), MappingEnvironment.NONE);
    }

    @Benchmark
    public Object compiledMappingWithOneJsRule() {
        return compiledWithJs.apply(orders.get(nextIndex()), MappingEnvironment.NONE);
    }

    @Benchmark
    public Object handWrittenJava() {
        return HandWrittenOrderToOpayo.map(orders.get(nextIndex()));
    }

    @Benchmark
    public Object jsltOnJsonNodes() {
        return jslt.apply(orderNodes.get(nextIndex()));
    }
}
