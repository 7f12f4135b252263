package io.github.personalcare.jdbc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per H2 database on disk, held by every commit and rollback of that database in this
 * JVM, so that no two transactions of it end at once.
 *
 * <p>Why: H2's MVStore writes a new version of the file by taking the root of each table and
 * index in turn, without stopping other sessions. A transaction ending ({@code COMMIT} or
 * {@code ROLLBACK} with {@code WRITE_DELAY=0}) writes such a version. If another session's
 * commit was making its rows committed one table after another at that moment, the version on
 * disk holds some of that commit's rows as committed and the rest as uncommitted, and the
 * commit's undo log may already be gone from it. Its own write follows within a millisecond; a
 * process killed between the two leaves, after recovery, part of a committed transaction: a
 * ledger entry and its budget without their audit record and outbox event (seen once in about
 * seven runs of {@code H2CrashIT}; copies of a live file taken every 20 ms while four threads
 * committed showed it in 2 of 250 copies). With transaction ends serialised, no version is written while a commit is
 * half applied. Throughput barely changes: H2 already writes the file once per commit under its
 * own store lock.
 *
 * <p>Not covered: sessions of the same file outside this JVM (H2's {@code AUTO_SERVER}) or
 * outside this storage's units of work (auto-commit statements of the supplier's own code), and
 * H2 writing a version in the middle of a single transaction that has written more than its
 * auto-commit buffer (megabytes). See docs/storage.md.
 */
final class H2Commits {
    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private H2Commits() {
    }

    /** {@return the lock of the H2 database at this file path (as H2's DATABASE_PATH() names it)} */
    static ReentrantLock lockFor(String databasePath) {
        return LOCKS.computeIfAbsent(databasePath, p -> new ReentrantLock());
    }
}
