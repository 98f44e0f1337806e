package dev.junction.db.mappings;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.junction.db.schema.Tables.MAPPINGS;
import static dev.junction.db.schema.Tables.MAPPING_VERSIONS;

/**
 * Stored mappings and their immutable versions. A new version is appended only while the version it was based on is
 * still the latest (optimistic locking on {@code mappings.latest_version}), as with workflows.
 */
public class MappingRepository {

    private final DSLContext db;

    public MappingRepository(DSLContext db) {
        this.db = db;
    }

    /** Creates a mapping with its first version; empty when the name is taken (whatever its case). */
    public Optional<StoredMapping> create(String name, String description, String definitionJson, String actor) {
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            Optional<UUID> id = tx.insertInto(MAPPINGS)
                    .set(MAPPINGS.NAME, name.strip()).set(MAPPINGS.DESCRIPTION, description)
                    .set(MAPPINGS.LATEST_VERSION, 1)
                    .set(MAPPINGS.CREATED_BY, actor).set(MAPPINGS.UPDATED_BY, actor)
                    .onConflictDoNothing()
                    .returning(MAPPINGS.ID).fetchOptional().map(row -> row.getId());
            if (id.isEmpty()) {
                return Optional.<StoredMapping>empty();
            }
            tx.insertInto(MAPPING_VERSIONS)
                    .set(MAPPING_VERSIONS.MAPPING_ID, id.get()).set(MAPPING_VERSIONS.VERSION, 1)
                    .set(MAPPING_VERSIONS.DEFINITION, JSONB.valueOf(definitionJson))
                    .set(MAPPING_VERSIONS.COMMENT, "Created")
                    .set(MAPPING_VERSIONS.CREATED_BY, actor).execute();
            return find(tx, id.get());
        });
    }

    public List<StoredMapping> list() {
        return db.selectFrom(MAPPINGS).orderBy(DSL.lower(MAPPINGS.NAME)).fetch(MappingRepository::toMapping);
    }

    public Optional<StoredMapping> find(UUID id) {
        return find(db, id);
    }

    private static Optional<StoredMapping> find(DSLContext db, UUID id) {
        return db.selectFrom(MAPPINGS).where(MAPPINGS.ID.eq(id)).fetchOptional().map(MappingRepository::toMapping);
    }

    /** Whether a mapping other than {@code exceptId} has this name, ignoring case. */
    public boolean nameTaken(String name, UUID exceptId) {
        return db.fetchExists(MAPPINGS, DSL.lower(MAPPINGS.NAME).eq(DSL.lower(DSL.val(name.strip())))
                .and(MAPPINGS.ID.ne(exceptId)));
    }

    /**
     * Changes a mapping's name and description (its versions stay as they are); answers the mapping as it is now,
     * or empty when there is no such mapping.
     */
    public Optional<StoredMapping> describe(UUID id, String name, String description, String actor) {
        return db.update(MAPPINGS)
                .set(MAPPINGS.NAME, name.strip()).set(MAPPINGS.DESCRIPTION, description)
                .set(MAPPINGS.UPDATED_BY, actor).set(MAPPINGS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(MAPPINGS.ID.eq(id))
                .returning().fetchOptional().map(MappingRepository::toMapping);
    }

    /** Appends version {@code baseVersion + 1}; empty when the mapping is gone or someone saved in between. */
    public Optional<MappingVersion> append(UUID id, int baseVersion, String definitionJson, String comment,
                                           String actor) {
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            Optional<Integer> next = tx.update(MAPPINGS)
                    .set(MAPPINGS.LATEST_VERSION, MAPPINGS.LATEST_VERSION.plus(1))
                    .set(MAPPINGS.UPDATED_BY, actor).set(MAPPINGS.UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(MAPPINGS.ID.eq(id).and(MAPPINGS.LATEST_VERSION.eq(baseVersion)))
                    .returning(MAPPINGS.LATEST_VERSION).fetchOptional().map(row -> row.getLatestVersion());
            return next.map(version -> toVersion(tx.insertInto(MAPPING_VERSIONS)
                    .set(MAPPING_VERSIONS.MAPPING_ID, id).set(MAPPING_VERSIONS.VERSION, version)
                    .set(MAPPING_VERSIONS.DEFINITION, JSONB.valueOf(definitionJson))
                    .set(MAPPING_VERSIONS.COMMENT, comment).set(MAPPING_VERSIONS.CREATED_BY, actor)
                    .returning().fetchSingle()));
        });
    }

    public Optional<MappingVersion> version(UUID id, int version) {
        return db.selectFrom(MAPPING_VERSIONS)
                .where(MAPPING_VERSIONS.MAPPING_ID.eq(id), MAPPING_VERSIONS.VERSION.eq(version))
                .fetchOptional().map(MappingRepository::toVersion);
    }

    /** Every version, newest first. */
    public List<MappingVersion> versions(UUID id) {
        return db.selectFrom(MAPPING_VERSIONS).where(MAPPING_VERSIONS.MAPPING_ID.eq(id))
                .orderBy(MAPPING_VERSIONS.VERSION.desc()).fetch(MappingRepository::toVersion);
    }

    /** The definition of the published version (what map nodes naming this mapping run); empty when none. */
    public Optional<String> publishedDefinition(UUID id) {
        return db.select(MAPPING_VERSIONS.DEFINITION).from(MAPPING_VERSIONS).join(MAPPINGS)
                .on(MAPPINGS.ID.eq(MAPPING_VERSIONS.MAPPING_ID), MAPPINGS.PUBLISHED_VERSION.eq(MAPPING_VERSIONS.VERSION))
                .where(MAPPINGS.ID.eq(id)).fetchOptional().map(row -> row.value1().data());
    }

    /** Marks a version as published; false when the mapping or version does not exist. */
    public boolean publish(UUID id, int version, String actor) {
        return db.update(MAPPINGS)
                .set(MAPPINGS.PUBLISHED_VERSION, version)
                .set(MAPPINGS.UPDATED_BY, actor).set(MAPPINGS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(MAPPINGS.ID.eq(id))
                .and(DSL.exists(DSL.selectOne().from(MAPPING_VERSIONS)
                        .where(MAPPING_VERSIONS.MAPPING_ID.eq(id), MAPPING_VERSIONS.VERSION.eq(version))))
                .execute() == 1;
    }

    public boolean delete(UUID id) {
        return db.deleteFrom(MAPPINGS).where(MAPPINGS.ID.eq(id)).execute() == 1;
    }

    private static StoredMapping toMapping(Record row) {
        var record = row.into(MAPPINGS);
        return new StoredMapping(record.getId(), record.getName(), record.getDescription(), record.getLatestVersion(),
                record.getPublishedVersion(), record.getCreatedBy(), record.getCreatedAt(), record.getUpdatedBy(),
                record.getUpdatedAt());
    }

    private static MappingVersion toVersion(Record row) {
        var record = row.into(MAPPING_VERSIONS);
        return new MappingVersion(record.getMappingId(), record.getVersion(), record.getDefinition().data(),
                record.getComment(), record.getCreatedBy(), record.getCreatedAt());
    }
}
