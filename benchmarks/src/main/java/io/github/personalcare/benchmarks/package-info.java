/**
 * JMH benchmarks: the SDK's speed targets and their measurements, reported with the machine in
 * {@code docs/performance.md}. Each class comment gives the command that runs it. Never a timed
 * unit test: speed is measured here only.
 */
package io.github.personalcare.benchmarks;
