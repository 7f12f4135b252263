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

/**
 * Parsing an NHS number in its spaced display form (R1: strip, length, Modulus 11).
 * Run: {@code mvn -q -B -pl benchmarks -am compile exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath org.openjdk.jmh.Main NhsNumberBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NhsNumberBenchmark {
    private final String spaced = "943 476 5870";

    @Benchmark
    public NhsNumber parseSpacedForm() {
        return NhsNumber.parse(spaced);
    }
}
