package dev.junction.engine.expressions;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.util.List;
import java.util.Map;

/**
 * Java data handed to expressions without copying: maps and lists are wrapped in proxies that JavaScript can read
 * but not change (writes throw a TypeError in strict code and are refused otherwise).
 */
final class ReadOnlyValues {

    private ReadOnlyValues() {
    }

    static Object wrap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new ReadOnlyObject(map);
        }
        if (value instanceof List<?> list) {
            return new ReadOnlyArray(list);
        }
        return value;
    }

    private record ReadOnlyObject(Map<?, ?> map) implements ProxyObject {
        @Override
        public Object getMember(String key) {
            return wrap(map.get(key));
        }

        @Override
        public Object getMemberKeys() {
            return new ReadOnlyArray(List.copyOf(map.keySet().stream().map(String::valueOf).toList()));
        }

        @Override
        public boolean hasMember(String key) {
            return map.containsKey(key);
        }

        @Override
        public void putMember(String key, Value value) {
            throw new UnsupportedOperationException("input data is read-only; build a new object instead");
        }

        @Override
        public boolean removeMember(String key) {
            throw new UnsupportedOperationException("input data is read-only; build a new object instead");
        }
    }

    private record ReadOnlyArray(List<?> list) implements ProxyArray {
        @Override
        public Object get(long index) {
            // as in JavaScript, an index past the end reads undefined
            return index >= 0 && index < list.size() ? wrap(list.get((int) index)) : null;
        }

        @Override
        public void set(long index, Value value) {
            throw new UnsupportedOperationException("input data is read-only; build a new array instead");
        }

        @Override
        public long getSize() {
            return list.size();
        }
    }
}
