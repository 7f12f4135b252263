package io.github.personalcare.testkit;

import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.store.memory.InMemoryStorage;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/** The insider edits the in-memory store's committed chains and heads directly (by reflection). */
class InMemoryAuditInsiderContractTest extends AuditInsiderContract {
    @Override
    protected Storage newStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected void overwrite(Storage storage, AuditRecord forged) {
        List<AuditRecord> chain = chains(storage).get(forged.chain());
        chain.set((int) forged.sequence() - 1, forged);
        Map<String, AuditRecord> heads = heads(storage);
        if (heads.get(forged.chain()).sequence() == forged.sequence()) {
            heads.put(forged.chain(), forged);
        }
    }

    @Override
    protected void truncate(Storage storage, String chain, long keepThrough) {
        List<AuditRecord> records = chains(storage).get(chain);
        records.subList((int) keepThrough, records.size()).clear();
        if (records.isEmpty()) {
            chains(storage).remove(chain);
            heads(storage).remove(chain);
        } else {
            heads(storage).put(chain, records.get(records.size() - 1));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<AuditRecord>> chains(Storage storage) {
        return (Map<String, List<AuditRecord>>) field(storage, "auditChains");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, AuditRecord> heads(Storage storage) {
        return (Map<String, AuditRecord>) field(storage, "auditHeads");
    }

    private static Object field(Storage storage, String name) {
        try {
            Field f = InMemoryStorage.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(storage);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
