package io.github.personalcare.jdbc;

/**
 * A versioned schema migration shipped in the jar ({@code V<version>__<description>.sql}).
 *
 * @param version     its version; migrations apply in increasing order, each once
 * @param description words from its file name
 * @param checksum    SHA-256 (hex) of its text with line endings normalised to LF; verified on every
 *                    {@link JdbcStorage#migrate()} against the checksum recorded when it was applied
 */
public record Migration(int version, String description, String checksum) {
}
