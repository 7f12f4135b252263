package io.github.personalcare.benchmarks;

import io.github.personalcare.identity.NhsNumber;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Parsing an NHS number in its spaced display form (R1: strip, length, Modulus 11), beside its
 * baseline: the check as suppliers often write it (strip spaces with a regular expression, match
 * ten digits with another, then Modulus 11), which yields a string, not a typed value.
 * Run: {@code mvn -q -B -pl benchmarks -am compile exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath org.openjdk.jmh.Main NhsNumberBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NhsNumberBenchmark {
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");
    private final String spaced = "943 476 5870";

    @Benchmark
    public NhsNumber parseSpacedForm() {
        return NhsNumber.parse(spaced);
    }

    /** The baseline: regular expressions and Modulus 11 on a string. */
    @Benchmark
    public String regexThenModulus11() {
        String digits = spaced.replaceAll("\\s", "");
        if (!TEN_DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("not ten digits");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        if (check == 10 || check != digits.charAt(9) - '0') {
            throw new IllegalArgumentException("check digit");
        }
        return digits;
    }
}
