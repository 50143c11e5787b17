-- Dossier schema, version 1. The migration files are the only source of the schema.
-- Internal integer keys (rowid) join the tables; the public ids (URL-safe strings) are UNIQUE columns.

-- Small key/value settings: data_version (bumped by every write transaction), seeded, cursor_key.
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES ('data_version', '0');
-- The HMAC key of pagination cursors: random per database, so cursors survive restarts but not other databases.
INSERT INTO meta (key, value) VALUES ('cursor_key', lower(hex(randomblob(32))));

-- One row per article: every field of API.md's Article.
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    published_at TEXT,                      -- YYYY-MM-DD
    published_at_source TEXT CHECK (published_at_source IN ('header', 'inferred')),
    language TEXT NOT NULL,                 -- ISO 639-1
    languages TEXT NOT NULL,                -- JSON: [{"code", "share"}]
    source TEXT,
    word_count INTEGER NOT NULL,
    content_hash TEXT NOT NULL,             -- SHA-256 hex of body (UTF-8)
    ingested_at TEXT NOT NULL,              -- first ingestion, YYYY-MM-DDTHH:MM:SSZ; kept on update so paging stays stable
    updated_at TEXT NOT NULL,
    CHECK ((published_at IS NULL) = (published_at_source IS NULL))
);

-- GET /v1/articles order: publishedAt newest first (NULLs sort lowest, so last under DESC), ingestedAt newest, id.
CREATE INDEX articles_by_date ON articles (published_at DESC, ingested_at DESC, id);
CREATE INDEX articles_by_language_date ON articles (language, published_at DESC, ingested_at DESC, id);
-- POST without id: an article whose body is already stored.
CREATE INDEX articles_by_content_hash ON articles (content_hash);

-- Full-text index over title and body, an external-content table kept in step by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body,
    content = 'articles', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;

-- One entity per real-world referent across the corpus. Counts are kept by the writer in the same transaction
-- as the mentions they count; an entity whose mention_count reaches 0 is deleted.
CREATE TABLE entities (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,                -- URL-safe, stable while the entity exists
    name TEXT NOT NULL,                     -- the fullest common form
    name_fold TEXT NOT NULL,                -- case- and accent-folded name, for sort=name
    type TEXT NOT NULL CHECK (type IN ('person', 'organization', 'location', 'group', 'event')),
    canonical_key TEXT NOT NULL,
    mention_count INTEGER NOT NULL DEFAULT 0,
    article_count INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX entities_by_key ON entities (type, canonical_key);
CREATE INDEX entities_by_mentions ON entities (mention_count DESC, id);
CREATE INDEX entities_by_name ON entities (name_fold, id);
CREATE INDEX entities_by_type_mentions ON entities (type, mention_count DESC, id);
CREATE INDEX entities_by_type_name ON entities (type, name_fold, id);

-- Normalised keys by which a new article's entity finds an existing one (canonical key, surname, acronym, alias).
CREATE TABLE entity_keys (
    key TEXT NOT NULL,
    entity_rowid INTEGER NOT NULL REFERENCES entities (rowid) ON DELETE CASCADE,
    PRIMARY KEY (key, entity_rowid)
) WITHOUT ROWID;
CREATE INDEX entity_keys_by_entity ON entity_keys (entity_rowid);

-- Surface forms seen for an entity, with how many mentions use each (an alias goes when its count reaches 0).
CREATE TABLE entity_aliases (
    entity_rowid INTEGER NOT NULL REFERENCES entities (rowid) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    alias_fold TEXT NOT NULL,               -- case- and accent-folded, for q= prefix search
    mention_count INTEGER NOT NULL,
    PRIMARY KEY (entity_rowid, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_by_fold ON entity_aliases (alias_fold, entity_rowid);

-- Each occurrence of an entity in an article body. Offsets are UTF-16 code units, end exclusive.
CREATE TABLE mentions (
    rowid INTEGER PRIMARY KEY,
    article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    entity_rowid INTEGER NOT NULL REFERENCES entities (rowid),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    CHECK (start >= 0 AND "end" > start)
);
CREATE INDEX mentions_by_article ON mentions (article_rowid, start, "end" DESC);
CREATE INDEX mentions_by_entity ON mentions (entity_rowid);

-- Which entities an article names, with the article's sort keys copied in, so GET /v1/articles?entity=
-- and an entity's recent articles walk one index in order.
CREATE TABLE article_entities (
    entity_rowid INTEGER NOT NULL REFERENCES entities (rowid),
    article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    published_at TEXT,
    ingested_at TEXT NOT NULL,
    article_id TEXT NOT NULL,
    mention_count INTEGER NOT NULL,
    PRIMARY KEY (entity_rowid, article_rowid)
) WITHOUT ROWID;
CREATE INDEX article_entities_by_date ON article_entities (entity_rowid, published_at DESC, ingested_at DESC, article_id);
CREATE INDEX article_entities_by_article ON article_entities (article_rowid);

-- Co-occurrence: entities sharing sentences. Per article (so a delete can subtract exactly) and in total.
CREATE TABLE article_cooccurrences (
    article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    entity_a INTEGER NOT NULL,              -- entity_a < entity_b
    entity_b INTEGER NOT NULL,
    weight INTEGER NOT NULL,                -- sentences of this article naming both
    PRIMARY KEY (article_rowid, entity_a, entity_b)
) WITHOUT ROWID;

CREATE TABLE cooccurrences (
    entity_a INTEGER NOT NULL REFERENCES entities (rowid) ON DELETE CASCADE,
    entity_b INTEGER NOT NULL REFERENCES entities (rowid) ON DELETE CASCADE,
    weight INTEGER NOT NULL,
    PRIMARY KEY (entity_a, entity_b)
) WITHOUT ROWID;
CREATE INDEX cooccurrences_by_b ON cooccurrences (entity_b, entity_a);
CREATE INDEX cooccurrences_by_weight ON cooccurrences (weight DESC);

-- Dated events: one per temporal expression. start_date/end_date are NULL when the expression cannot be resolved;
-- such events stay with their article and out of the timeline.
CREATE TABLE events (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT,
    precision TEXT NOT NULL CHECK (precision IN ('day', 'week', 'month', 'quarter', 'season', 'year', 'decade', 'century', 'range')),
    text TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    resolution TEXT NOT NULL CHECK (resolution IN ('absolute', 'relative')),
    anchor TEXT,
    sentence INTEGER NOT NULL,
    summary TEXT NOT NULL,
    CHECK ((start_date IS NULL) = (end_date IS NULL)),
    CHECK (start_date IS NULL OR start_date <= end_date)
);
CREATE INDEX events_by_article ON events (article_rowid, span_start);
-- GET /v1/timeline: resolved events by start, end, id.
CREATE INDEX events_timeline ON events (start_date, end_date, id) WHERE start_date IS NOT NULL;
CREATE INDEX events_timeline_by_precision ON events (precision, start_date, end_date, id) WHERE start_date IS NOT NULL;
CREATE INDEX events_timeline_by_article ON events (article_id, start_date, end_date, id) WHERE start_date IS NOT NULL;

-- The entities named in an event's sentence, with the event's sort keys copied in for per-entity timelines.
CREATE TABLE event_entities (
    entity_rowid INTEGER NOT NULL REFERENCES entities (rowid),
    event_rowid INTEGER NOT NULL REFERENCES events (rowid) ON DELETE CASCADE,
    start_date TEXT,
    end_date TEXT,
    event_id TEXT NOT NULL,
    PRIMARY KEY (entity_rowid, event_rowid)
) WITHOUT ROWID;
CREATE INDEX event_entities_timeline ON event_entities (entity_rowid, start_date, end_date, event_id) WHERE start_date IS NOT NULL;
CREATE INDEX event_entities_by_event ON event_entities (event_rowid);
