package dev.junction.engine.mapping.bench;

import dev.junction.engine.mapping.MappingJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.schibsted.spt.data.jslt.Parser;
import dev.junction.engine.mapping.CompiledMapping;
import dev.junction.engine.mapping.MappingEnvironment;
import dev.junction.engine.mapping.MappingResult;
import dev.junction.engine.mapping.MappingTestSupport;
import dev.junction.engine.json.PayloadJson;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The three sides of the mapping benchmark do the same work: same output on every sample order. */
class BenchmarkParityTest {

    @Test
    void compiledMappingHandWrittenJavaAndJsltAgreeOnEveryOrder() throws Exception {
        CompiledMapping compiled = MappingTestSupport.COMPILER.compile(MappingJson.read(MappingTestSupport.resource(
                "/junction/mappings/amazon-order-to-opayo-payment.json")));
        var jslt = Parser.compileString(new String(BenchmarkParityTest.class
                .getResourceAsStream("/bench/order-to-opayo.jslt").readAllBytes(), StandardCharsets.UTF_8));
        ObjectMapper jackson = new ObjectMapper();
        List<Map<String, Object>> orders = OrderSamples.orders(1_000);
        for (int i = 0; i < orders.size(); i++) {
            Map<String, Object> order = orders.get(i);
            MappingResult result = compiled.apply(order, MappingEnvironment.NONE);
            assertThat(result.hasErrors()).as(result.problems().toString()).isFalse();
            String expected = PayloadJson.write(HandWrittenOrderToOpayo.map(order));
            assertThat(PayloadJson.write(result.output())).as("order %d", i).isEqualTo(expected);
            assertThat(jackson.readTree(jslt.apply(jackson.readTree(PayloadJson.write(order))).toString()))
                    .as("order %d", i).isEqualTo(jackson.readTree(expected));
        }
    }
}
