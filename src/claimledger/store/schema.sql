-- claimledger SQLite store, schema version 3 (kept in PRAGMA user_version).
--
-- One row per extracted item, keyed by the content ids the pipeline computes, so saving the
-- same analysis twice changes nothing. Rows that belong to one document (mentions, claims,
-- citations, quotes, events) cascade from `documents`: re-saving a document replaces them in
-- one transaction. `seq` keeps each tuple's order so `Store.load_analysis` rebuilds the
-- dataclasses exactly as they were saved. Tuples of ids and nested records are JSON text.
-- Offsets (`start`, `end`, end exclusive) index the document's original `text`. Extracted
-- rows are keyed by (doc_id, seq), not by their content id, so even two identical spans
-- extracted twice round-trip exactly; their ids are indexed for look-ups.

-- Articles as read: the original text (never altered), the container's hints and what
-- `inspect` found (title, outlet, publication date with its evidence, page chrome spans).
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    text TEXT NOT NULL,
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    hints TEXT NOT NULL,                -- JSON object of models.Hints
    title TEXT,
    author TEXT,
    outlet TEXT,
    published TEXT,                     -- YYYY, YYYY-MM or YYYY-MM-DD
    published_confidence REAL NOT NULL DEFAULT 0,
    published_evidence TEXT,
    not_before TEXT,
    chrome TEXT NOT NULL DEFAULT '[]',  -- JSON list of models.Chrome
    pipeline TEXT NOT NULL DEFAULT ''   -- fingerprint of the code, data and model that made it
);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet);
-- a path analysed again with new content replaces its old version (store/stream.py)
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);

-- Canonical actors (ISO3 code or name slug as id), shared by every document.
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    iso3 TEXT,
    wikidata TEXT
);

-- Which canonical entities one document's analysis lists, in its order.
CREATE TABLE IF NOT EXISTS document_entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    PRIMARY KEY (doc_id, seq)
);

-- Each span of text naming an entity, with the framing of the name used.
CREATE TABLE IF NOT EXISTS mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    entity_id TEXT NOT NULL,           -- no foreign key: an extractor may name a new entity
    framing TEXT NOT NULL,             -- neutral | metonym | pejorative | epithet
    label TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);

-- Quantitative statements: who, what measure, how much, when, says whom, how sure.
CREATE TABLE IF NOT EXISTS claims (
    id TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value_text TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    measure TEXT NOT NULL,
    subject TEXT,
    object TEXT,
    qualifier TEXT,
    period_start TEXT,                 -- both NULL when the claim names no period
    period_end TEXT,
    source TEXT,
    source_named INTEGER NOT NULL DEFAULT 0,
    hedge TEXT NOT NULL,
    counted TEXT,
    frame TEXT NOT NULL DEFAULT '{}',  -- JSON: value_high, predicate, place, part_of, ... (v2)
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX IF NOT EXISTS claims_id ON claims(id);
CREATE INDEX IF NOT EXISTS claims_measure ON claims(measure);

-- Sources a text cites, named or not, and the claims each one backs.
CREATE TABLE IF NOT EXISTS citations (
    id TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    source TEXT NOT NULL,
    verb TEXT,
    named INTEGER NOT NULL DEFAULT 1,
    claim_ids TEXT NOT NULL DEFAULT '[]',  -- JSON list of claim ids
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX IF NOT EXISTS citations_id ON citations(id);

-- Direct quotations and their speakers.
CREATE TABLE IF NOT EXISTS quotes (
    id TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX IF NOT EXISTS quotes_id ON quotes(id);

-- Dated statements for the timeline, at the precision the text gives.
CREATE TABLE IF NOT EXISTS events (
    id TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    date TEXT NOT NULL,
    date_text TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX IF NOT EXISTS events_id ON events(id);

-- How two claims relate across sources (replaced as a whole by each reconciliation).
CREATE TABLE IF NOT EXISTS relations (
    seq INTEGER PRIMARY KEY,
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    type TEXT NOT NULL,                -- agree | conflict | different_scope
    reason TEXT NOT NULL
);

-- One fact across sources with its verdict (replaced as a whole by each reconciliation).
CREATE TABLE IF NOT EXISTS facts (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    measure TEXT NOT NULL,
    subject TEXT,
    object TEXT,
    unit TEXT NOT NULL,
    verdict TEXT NOT NULL,             -- agree | conflict | different_scope | single
    reason TEXT NOT NULL,
    primary_sources TEXT NOT NULL DEFAULT '[]',       -- JSON list
    independent_confirmations INTEGER NOT NULL DEFAULT 0,
    unattributed_outlets TEXT NOT NULL DEFAULT '[]',  -- JSON list
    story TEXT NOT NULL DEFAULT '',                   -- stories.id (version 2)
    label TEXT NOT NULL DEFAULT ''                    -- readable name of the fact (version 2)
);
CREATE INDEX IF NOT EXISTS facts_verdict ON facts(verdict);

-- Documents that tell one story (replaced as a whole by each reconciliation; version 2).
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    label TEXT NOT NULL,
    doc_ids TEXT NOT NULL,              -- JSON list
    copies TEXT NOT NULL DEFAULT '[]',  -- JSON list of lists of near-identical documents
    cast TEXT NOT NULL DEFAULT '{}'     -- JSON {names: {id: full name's id}, actor} (version 3)
);

-- The claims behind each fact, in the fact's order.
CREATE TABLE IF NOT EXISTS fact_claims (
    fact_id TEXT NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    claim_id TEXT NOT NULL,
    PRIMARY KEY (fact_id, seq)
);
CREATE INDEX IF NOT EXISTS fact_claims_claim ON fact_claims(claim_id);

-- One row per reconciliation: when, what it covered, and the inputs it skipped.
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    finished_at TEXT NOT NULL,         -- UTC ISO timestamp
    documents INTEGER NOT NULL,
    claims INTEGER NOT NULL,
    facts INTEGER NOT NULL,
    skipped TEXT NOT NULL DEFAULT '[]' -- JSON list of {"path", "reason"}
);

-- Full-text index over claim sentences, document texts and quotes. `kind` is
-- claim | document | quote and `ref` the id of the row it indexes.
CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(
    body,
    kind UNINDEXED,
    ref UNINDEXED,
    doc_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
