package dev.junction.engine.expressions;

import dev.junction.engine.expressions.ExpressionSession.Scope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ExpressionRuntimeTest {

    private static final ExpressionRuntime RUNTIME = new ExpressionRuntime(1_000_000, Duration.ofSeconds(2));
    private static final Map<String, Object> ORDER = Map.of(
            "AmazonOrderId", "902-3159896-1390916",
            "OrderTotal", Map.of("Amount", "95.50", "CurrencyCode", "GBP"),
            "Items", List.of(Map.of("SellerSKU", "MUG-RED", "Quantity", 2, "Price", 10.5),
                    Map.of("SellerSKU", "MUG-BLUE", "Quantity", 1, "Price", 12.25)));
    private static final Scope SCOPE = new Scope(ORDER, Map.of("capture", Map.of("status", "Ok", "amount", 9550)),
            Map.of("region", "eu"));

    @AfterAll
    static void close() {
        RUNTIME.close();
    }

    private static ExpressionException failure(String script) {
        try (ExpressionSession session = RUNTIME.openSession()) {
            return catchThrowableOfType(ExpressionException.class, () -> session.runScript(script, SCOPE));
        }
    }

    @Test
    void anExpressionSeesTheTriggerEarlierNodesAndVariables() {
        try (ExpressionSession session = RUNTIME.openSession()) {
            assertThat(session.evaluate("trigger.AmazonOrderId", SCOPE)).isEqualTo("902-3159896-1390916");
            assertThat(session.evaluate("nodes.capture.amount / 100", SCOPE)).isEqualTo(95.5);
            assertThat(session.evaluate("trigger.Items.map(i => i.Quantity * i.Price).reduce((a, b) => a + b, 0)",
                    SCOPE)).isEqualTo(33.25);
            assertThat(session.test("nodes.capture.status === 'Ok' && vars.region === 'eu'", SCOPE)).isTrue();
            assertThat(session.test("trigger.Items.length > 5", SCOPE)).isFalse();
        }
    }

    @Test
    void aScriptReturnsPlainJavaValues() {
        try (ExpressionSession session = RUNTIME.openSession()) {
            Object result = session.runScript("""
                    const lines = trigger.Items.map(i => ({ sku: i.SellerSKU, quantity: i.Quantity }));
                    return { orderId: trigger.AmazonOrderId, lines, count: lines.length, gift: false, note: null };""",
                    SCOPE);

            assertThat(asMap(result)).containsEntry("orderId", "902-3159896-1390916")
                    .containsEntry("count", 2L).containsEntry("gift", false)
                    .containsEntry("lines", List.of(Map.of("sku", "MUG-RED", "quantity", 2L),
                            Map.of("sku", "MUG-BLUE", "quantity", 1L)));
            assertThat(asMap(result)).containsEntry("note", null).containsEntry("count", 2L);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @Test
    void anEndlessLoopEndsWithALimitError() {
        try (ExpressionSession session = RUNTIME.openSession()) {
            ExpressionException e = catchThrowableOfType(ExpressionException.class,
                    () -> session.runScript("while (true) {}", SCOPE));

            assertThat(e.kind()).isEqualTo(ExpressionException.Kind.LIMIT);
            assertThat(e.getMessage()).contains("ran too long").doesNotContain("allocated");
        }
    }

    @Test
    void aMemoryBombIsStoppedWithAMemoryErrorNotATimeError() {
        for (String bomb : List.of("let a = []; while (true) a.push(new Array(1e6).fill(1));",
                "const kept = []; while (true) kept.push('x'.repeat(1e5) + kept.length);",
                "const m = new Map(); let i = 0; while (true) m.set(i++, {i, text: 'item ' + i});")) {
            try (ExpressionSession session = RUNTIME.openSession()) {
                ExpressionException e = catchThrowableOfType(ExpressionException.class,
                        () -> session.runScript(bomb, SCOPE));

                assertThat(e).as(bomb).isNotNull();
                assertThat(e.kind()).as(bomb).isEqualTo(ExpressionException.Kind.MEMORY);
                assertThat(e.getMessage()).as(bomb).isEqualTo("stopped: the code allocated more than 64 MB (an array"
                        + " or text grown without end?)").doesNotContain("ran too long");
            }
        }
    }

    @Test
    void aScriptThatAllocatesWellBelowTheLimitRunsAndASessionStaysUsableAfterAStop() {
        try (ExpressionSession session = RUNTIME.openSession()) {
            assertThat(session.runScript("const a = []; for (let i = 0; i < 100; i++) a.push(new Array(1e4).fill(i));"
                    + " return a.length;", SCOPE)).isEqualTo(100L);
            assertThat(catchThrowableOfType(ExpressionException.class, () -> session.runScript(
                    "let a = []; while (true) a.push(new Array(1e6).fill(1));", SCOPE)).kind())
                    .isEqualTo(ExpressionException.Kind.MEMORY);
        }
        try (ExpressionSession next = RUNTIME.openSession()) {
            assertThat(next.evaluate("trigger.Items.length + 1", SCOPE)).isEqualTo(3L);
        }
    }

    @Test
    void theAllocationLimitIsOneEvaluationsNotTheSessionsTotal() {
        try (ExpressionRuntime small = new ExpressionRuntime(100_000_000, Duration.ofSeconds(10), 8L * 1024 * 1024);
             ExpressionSession session = small.openSession()) {
            for (int i = 0; i < 10; i++) {
                // ~4 MB each time: ten of them are 40 MB in the session, each under the 8 MB of one evaluation
                assertThat(session.runScript("return new Array(5e5).fill(1.5).length;", SCOPE)).isEqualTo(500000L);
            }
            ExpressionException e = catchThrowableOfType(ExpressionException.class, () -> session.runScript(
                    "let a = []; while (true) a.push(new Array(1e5).fill(1.5));", SCOPE));
            assertThat(e.getMessage()).isEqualTo("stopped: the code allocated more than 8 MB (an array or text"
                    + " grown without end?)");
        }
    }

    @Test
    void aSyntaxErrorNamesTheLineInTheUsersText() {
        ExpressionException e = failure("const a = 1;\nconst b = ;\nreturn a;");

        assertThat(e.kind()).isEqualTo(ExpressionException.Kind.SYNTAX);
        assertThat(e.getMessage()).startsWith("does not parse (line 2): Expected an operand but found ;")
                .doesNotContain(".js:").doesNotContain("\n");
        assertThat(RUNTIME.syntaxErrorOfExpression("order.total >")).isPresent();
        assertThat(RUNTIME.syntaxErrorOfExpression("trigger.Items.length > 1")).isEmpty();
        assertThat(RUNTIME.syntaxErrorOfExpression("{{ trigger.orderId }}")).hasValueSatisfying(error ->
                assertThat(error).endsWith("this field takes the expression itself: write trigger.orderId without {{ }}"));
        assertThat(RUNTIME.syntaxErrorOfScript("return 1;")).isEmpty();
    }

    @Test
    void syntaxChecksInTheKeptParsingContextsAnswerEachTextAsAloneWhateverCameBeforeAndFromManyThreads()
            throws Exception {
        List<String> texts = List.of("return {;", "return 1;", "const x = 1; return x;", "const x = 2; return x;",
                "return (;", "let y = ; return y;", "return trigger.Items.length;");
        List<Boolean> parses = List.of(false, true, true, true, false, false, true);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<Boolean>>> answers = new ArrayList<>();
            for (int thread = 0; thread < 6; thread++) {
                int offset = thread;
                answers.add(threads.submit(() -> {
                    List<Boolean> found = new ArrayList<>();
                    for (int i = 0; i < 70; i++) {
                        // a new text each time too: a declaration one parse made must not clash with the next
                        String text = i % 2 == 0 ? texts.get((i + offset) % texts.size())
                                : "const x = " + (offset * 1000 + i) + "; return x;";
                        found.add(RUNTIME.syntaxErrorOfScript(text).isEmpty() == (i % 2 == 0
                                ? parses.get((i + offset) % texts.size()) : true));
                    }
                    return found;
                }));
            }
            for (Future<List<Boolean>> answer : answers) {
                assertThat(answer.get()).containsOnly(true);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(RUNTIME.syntaxErrorOfScript("return {;")).hasValueSatisfying(error ->
                assertThat(error).startsWith("does not parse (line 1)"));
    }

    @Test
    void aRuntimeErrorSaysWhatFailed() {
        ExpressionException e = failure("return trigger.Missing.field;");

        assertThat(e.kind()).isEqualTo(ExpressionException.Kind.RUNTIME);
        assertThat(e.getMessage()).contains("TypeError");
    }

    @Test
    void theHostIsOutOfReach() {
        assertThat(failure("return Java.type('java.lang.System').exit(1);").kind())
                .isEqualTo(ExpressionException.Kind.RUNTIME);
        assertThat(failure("return java.lang.System.getenv();").kind()).isEqualTo(ExpressionException.Kind.RUNTIME);
        assertThat(failure("load('/etc/passwd'); return 1;").kind()).isEqualTo(ExpressionException.Kind.RUNTIME);
    }

    @Test
    void inputsAreReadOnly() {
        ExpressionException e = failure("trigger.AmazonOrderId = 'forged'; return trigger.AmazonOrderId;");

        assertThat(e.kind()).isEqualTo(ExpressionException.Kind.RUNTIME);
        assertThat(ORDER.get("AmazonOrderId")).isEqualTo("902-3159896-1390916");
    }

    @Test
    void whatOneSessionDefinesIsNotSeenByTheNext() {
        try (ExpressionSession first = RUNTIME.openSession()) {
            first.runScript("globalThis.leak = 42; Array.prototype.sum = function () { return 0; }; return 1;", SCOPE);
        }
        try (ExpressionSession second = RUNTIME.openSession()) {
            assertThat(second.evaluate("typeof globalThis.leak", SCOPE)).isEqualTo("undefined");
            assertThat(second.evaluate("typeof [].sum", SCOPE)).isEqualTo("undefined");
        }
    }

    @Test
    void aResultThatCannotLeaveTheSandboxIsRefused() {
        assertThat(failure("return () => 1;").kind()).isEqualTo(ExpressionException.Kind.OUTPUT);
        assertThat(failure("return new Array(200000).fill(1);").kind()).isEqualTo(ExpressionException.Kind.OUTPUT);
    }
}
