package dev.junction.db.mappings;

import dev.junction.db.schema.tables.records.MappingTestCasesRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.junction.db.schema.Tables.MAPPING_TEST_CASES;

/** The saved test cases of mappings (deleted with their mapping). */
public class MappingTestCaseRepository {

    private final DSLContext db;

    public MappingTestCaseRepository(DSLContext db) {
        this.db = db;
    }

    /** A mapping's test cases, oldest first. */
    public List<MappingTestCase> list(UUID mappingId) {
        return db.selectFrom(MAPPING_TEST_CASES).where(MAPPING_TEST_CASES.MAPPING_ID.eq(mappingId))
                .orderBy(MAPPING_TEST_CASES.CREATED_AT, MAPPING_TEST_CASES.ID)
                .fetch(MappingTestCaseRepository::toTestCase);
    }

    public Optional<MappingTestCase> find(UUID mappingId, UUID id) {
        return db.selectFrom(MAPPING_TEST_CASES)
                .where(MAPPING_TEST_CASES.MAPPING_ID.eq(mappingId), MAPPING_TEST_CASES.ID.eq(id))
                .fetchOptional().map(MappingTestCaseRepository::toTestCase);
    }

    public MappingTestCase create(UUID mappingId, String name, String sampleJson, String expectedJson, String actor) {
        return toTestCase(db.insertInto(MAPPING_TEST_CASES)
                .set(MAPPING_TEST_CASES.MAPPING_ID, mappingId).set(MAPPING_TEST_CASES.NAME, name.strip())
                .set(MAPPING_TEST_CASES.SAMPLE, JSONB.valueOf(sampleJson))
                .set(MAPPING_TEST_CASES.EXPECTED, JSONB.valueOf(expectedJson))
                .set(MAPPING_TEST_CASES.CREATED_BY, actor)
                .returning().fetchSingle());
    }

    /** Deletes one test case of the mapping; false when it has none with that id. */
    public boolean delete(UUID mappingId, UUID id) {
        return db.deleteFrom(MAPPING_TEST_CASES)
                .where(MAPPING_TEST_CASES.MAPPING_ID.eq(mappingId), MAPPING_TEST_CASES.ID.eq(id)).execute() == 1;
    }

    private static MappingTestCase toTestCase(MappingTestCasesRecord row) {
        return new MappingTestCase(row.getId(), row.getMappingId(), row.getName(), row.getSample().data(),
                row.getExpected().data(), row.getCreatedBy(), row.getCreatedAt());
    }
}
