package dev.junction.engine.json;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldNamesTest {

    @Test
    void aRecordsKeysAreTheSameObjectsAsTheFieldNamesCompiledLookupsHold() {
        String name = new String("billingAddress".toCharArray());
        Map<?, ?> record = (Map<?, ?>) PayloadJson.read("{\"billingAddress\": {\"address1\": \"1 High St\"}}");
        Object key = record.keySet().iterator().next();
        Object innerKey = ((Map<?, ?>) record.get("billingAddress")).keySet().iterator().next();

        assertThat(FieldNames.of(name)).isSameAs(key);
        String[] segments = FieldNames.segments(new String("billingAddress.address1".toCharArray()));
        assertThat(segments[0]).isSameAs(key);
        assertThat(segments[1]).isSameAs(innerKey);
    }
}
