-- sitrep's DuckDB schema. Owned by the store (sitrep.store); canonical_* and
-- possible_duplicates by dedup, reviews by the API. Every statement is
-- idempotent: Store.migrate() runs this file on each open.
-- One article row per distinct normalised text; the ids inputs gave it live
-- in article_ids. Events keep ACLED's column names.

CREATE TABLE IF NOT EXISTS articles (
    article_id   VARCHAR PRIMARY KEY,      -- hash of normalised text
    url          VARCHAR,
    title        VARCHAR,
    source       VARCHAR,
    published    DATE,
    language     VARCHAR,
    text         VARCHAR NOT NULL,
    ingested_at  TIMESTAMP,
    version      INTEGER DEFAULT 1,        -- >1 when the URL (or input id) was seen with other text
    supersedes   VARCHAR,                  -- article_id of the previous version at this URL
    superseded_by VARCHAR                  -- set when a newer version arrives; NULL = current
);

CREATE TABLE IF NOT EXISTS article_ids (
    input_id     VARCHAR NOT NULL,         -- the id the input gave (JSONL id, URL, path)
    article_id   VARCHAR NOT NULL,
    source       VARCHAR,
    origin       VARCHAR,                  -- file path (and line) it came from
    url          VARCHAR,
    added_at     TIMESTAMP,
    PRIMARY KEY (input_id, article_id)
);

CREATE TABLE IF NOT EXISTS events (
    event_id            VARCHAR PRIMARY KEY,   -- article_id + '-' + ordinal (stable across re-ingests)
    article_id          VARCHAR NOT NULL,
    ordinal             INTEGER,
    event_date          DATE,
    time_precision      INTEGER,
    disorder_type       VARCHAR,
    event_type          VARCHAR,
    sub_event_type      VARCHAR,
    actor1              VARCHAR,
    assoc_actor_1       VARCHAR,
    inter1              INTEGER,
    actor2              VARCHAR,
    assoc_actor_2       VARCHAR,
    inter2              INTEGER,
    interaction         INTEGER,
    civilian_targeting  VARCHAR,
    iso                 INTEGER,
    region              VARCHAR,
    country             VARCHAR,
    admin1              VARCHAR,
    admin2              VARCHAR,
    admin3              VARCHAR,
    location            VARCHAR,
    latitude            DOUBLE,
    longitude           DOUBLE,
    geo_precision       INTEGER,
    source              VARCHAR,
    source_scale        VARCHAR,
    notes               VARCHAR,
    fatalities          INTEGER,
    tags                VARCHAR,
    timestamp           BIGINT,
    modality            VARCHAR,
    confidence          DOUBLE,
    plover_type         VARCHAR,
    plover_mode         VARCHAR,
    cameo_root          VARCHAR,
    trigger             VARCHAR,
    evidence            JSON
);

-- Mentions of every kind (actors, places, dates, quotes, entities) as JSON
-- payloads keyed by article, for the article view and re-export.
CREATE TABLE IF NOT EXISTS mentions (
    article_id  VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,          -- actor | place | date | quote | entity
    ordinal     INTEGER,
    start_char  INTEGER,
    end_char    INTEGER,
    payload     JSON
);

CREATE TABLE IF NOT EXISTS quarantine (
    quarantine_id VARCHAR PRIMARY KEY,     -- hash of input_id, code, content_hash: re-ingest adds nothing
    input_id    VARCHAR,
    origin      VARCHAR,
    code        VARCHAR NOT NULL,          -- sitrep.errors catalogue code
    message     VARCHAR,
    stage       VARCHAR,
    content_hash VARCHAR,                  -- of the text when there was one, else of the input id
    quarantined_at TIMESTAMP
);

-- Canonical events (owned by sitrep.dedup; see sitrep/dedup/store.py): one
-- row per real-world event. payload = merged Event fields (Event.to_dict()
-- keys) plus event_ids, sources and provenance (which member gave the date,
-- place and type; each source's fatalities).
CREATE TABLE IF NOT EXISTS canonical_events (
    canonical_id   VARCHAR PRIMARY KEY,    -- 'ce-' + hash of its first member's event_id; never reused
    payload        JSON,                   -- merged Event fields (Event.to_dict() keys)
    article_ids    VARCHAR[],              -- store article_ids; exports expand them to input ids
    sources        VARCHAR[],
    created_at     TIMESTAMP,
    updated_at     TIMESTAMP,
    n_events       INTEGER,                -- member events
    n_articles     INTEGER                 -- distinct articles reporting it
);

CREATE TABLE IF NOT EXISTS canonical_members (
    canonical_id VARCHAR NOT NULL,
    event_id     VARCHAR NOT NULL PRIMARY KEY,
    article_id   VARCHAR,
    added_at     TIMESTAMP
);

-- Ids retired when two canonical events were found to be one: old_id now
-- means canonical_id (sitrep.dedup.store.resolve follows it).
CREATE TABLE IF NOT EXISTS canonical_aliases (
    old_id       VARCHAR PRIMARY KEY,
    canonical_id VARCHAR NOT NULL,
    merged_at    TIMESTAMP
);

-- Uncertain matches left apart for review: per-article events a and b (in
-- canonical events canonical_a and canonical_b), the match score and its
-- reasons (JSON: date, place, actors, type, text_similarity, ...).
CREATE TABLE IF NOT EXISTS possible_duplicates (
    event_a   VARCHAR NOT NULL,
    event_b   VARCHAR NOT NULL,
    score     DOUBLE,
    reasons   JSON,
    canonical_a VARCHAR,
    canonical_b VARCHAR,
    created_at  TIMESTAMP
);

-- Reviews (owned by the API, sitrep.server): a coder accepts, corrects or
-- rejects an event coding. One row per action; a correction is one row per
-- field changed, all rows of one submission sharing review_id's prefix and
-- reviewed_at. event_id is a per-article event_id or a canonical_id. Values
-- are text (NULL = empty); the views below cast them back.
CREATE TABLE IF NOT EXISTS reviews (
    review_id   VARCHAR PRIMARY KEY,
    event_id    VARCHAR NOT NULL,
    action      VARCHAR NOT NULL,          -- accept | correct | reject
    field       VARCHAR,                   -- the field a correction changes
    before      VARCHAR,
    after       VARCHAR,
    reviewer    VARCHAR,
    reviewed_at TIMESTAMP,
    note        VARCHAR
);

-- Per reviewed event: the latest action and the latest value of every field
-- a coder corrected, as one JSON object.
CREATE OR REPLACE VIEW review_fixes AS
WITH latest AS (
    SELECT event_id, field, after,
           row_number() OVER (PARTITION BY event_id, field ORDER BY reviewed_at DESC, review_id DESC) AS rn
    FROM reviews WHERE action = 'correct' AND field IS NOT NULL
), status AS (
    SELECT event_id, arg_max(action, reviewed_at) AS review_status, max(reviewed_at) AS reviewed_at
    FROM reviews GROUP BY event_id
)
SELECT s.event_id, s.review_status, s.reviewed_at,
       (SELECT json_group_object(l.field, l.after) FROM latest l WHERE l.event_id = s.event_id AND l.rn = 1) AS fix
FROM status s;

-- Reviewed events with the coders' corrections applied. Computed only for
-- reviewed events; reviewed_events holds a copy that the API refreshes in the
-- same transaction as each review (and rebuilds when it starts), so reading
-- never re-applies corrections to every event.
CREATE OR REPLACE VIEW events_corrected AS
SELECT
    e.event_id, e.article_id,
    CASE WHEN json_exists(r.fix, '$.event_date') THEN TRY_CAST(r.fix->>'event_date' AS DATE) ELSE e.event_date END AS event_date,
    CASE WHEN json_exists(r.fix, '$.time_precision') THEN TRY_CAST(r.fix->>'time_precision' AS INTEGER) ELSE e.time_precision END AS time_precision,
    CASE WHEN json_exists(r.fix, '$.disorder_type') THEN r.fix->>'disorder_type' ELSE e.disorder_type END AS disorder_type,
    CASE WHEN json_exists(r.fix, '$.event_type') THEN r.fix->>'event_type' ELSE e.event_type END AS event_type,
    CASE WHEN json_exists(r.fix, '$.sub_event_type') THEN r.fix->>'sub_event_type' ELSE e.sub_event_type END AS sub_event_type,
    CASE WHEN json_exists(r.fix, '$.actor1') THEN r.fix->>'actor1' ELSE e.actor1 END AS actor1,
    CASE WHEN json_exists(r.fix, '$.assoc_actor_1') THEN r.fix->>'assoc_actor_1' ELSE e.assoc_actor_1 END AS assoc_actor_1,
    CASE WHEN json_exists(r.fix, '$.inter1') THEN TRY_CAST(r.fix->>'inter1' AS INTEGER) ELSE e.inter1 END AS inter1,
    CASE WHEN json_exists(r.fix, '$.actor2') THEN r.fix->>'actor2' ELSE e.actor2 END AS actor2,
    CASE WHEN json_exists(r.fix, '$.assoc_actor_2') THEN r.fix->>'assoc_actor_2' ELSE e.assoc_actor_2 END AS assoc_actor_2,
    CASE WHEN json_exists(r.fix, '$.inter2') THEN TRY_CAST(r.fix->>'inter2' AS INTEGER) ELSE e.inter2 END AS inter2,
    CASE WHEN json_exists(r.fix, '$.interaction') THEN TRY_CAST(r.fix->>'interaction' AS INTEGER) ELSE e.interaction END AS interaction,
    CASE WHEN json_exists(r.fix, '$.civilian_targeting') THEN r.fix->>'civilian_targeting' ELSE e.civilian_targeting END AS civilian_targeting,
    CASE WHEN json_exists(r.fix, '$.iso') THEN TRY_CAST(r.fix->>'iso' AS INTEGER) ELSE e.iso END AS iso,
    CASE WHEN json_exists(r.fix, '$.region') THEN r.fix->>'region' ELSE e.region END AS region,
    CASE WHEN json_exists(r.fix, '$.country') THEN r.fix->>'country' ELSE e.country END AS country,
    CASE WHEN json_exists(r.fix, '$.admin1') THEN r.fix->>'admin1' ELSE e.admin1 END AS admin1,
    CASE WHEN json_exists(r.fix, '$.admin2') THEN r.fix->>'admin2' ELSE e.admin2 END AS admin2,
    CASE WHEN json_exists(r.fix, '$.admin3') THEN r.fix->>'admin3' ELSE e.admin3 END AS admin3,
    CASE WHEN json_exists(r.fix, '$.location') THEN r.fix->>'location' ELSE e.location END AS location,
    CASE WHEN json_exists(r.fix, '$.latitude') THEN TRY_CAST(r.fix->>'latitude' AS DOUBLE) ELSE e.latitude END AS latitude,
    CASE WHEN json_exists(r.fix, '$.longitude') THEN TRY_CAST(r.fix->>'longitude' AS DOUBLE) ELSE e.longitude END AS longitude,
    CASE WHEN json_exists(r.fix, '$.geo_precision') THEN TRY_CAST(r.fix->>'geo_precision' AS INTEGER) ELSE e.geo_precision END AS geo_precision,
    CASE WHEN json_exists(r.fix, '$.source') THEN r.fix->>'source' ELSE e.source END AS source,
    CASE WHEN json_exists(r.fix, '$.source_scale') THEN r.fix->>'source_scale' ELSE e.source_scale END AS source_scale,
    CASE WHEN json_exists(r.fix, '$.notes') THEN r.fix->>'notes' ELSE e.notes END AS notes,
    CASE WHEN json_exists(r.fix, '$.fatalities') THEN TRY_CAST(r.fix->>'fatalities' AS INTEGER) ELSE e.fatalities END AS fatalities,
    CASE WHEN json_exists(r.fix, '$.tags') THEN r.fix->>'tags' ELSE e.tags END AS tags,
    CASE WHEN json_exists(r.fix, '$.modality') THEN r.fix->>'modality' ELSE e.modality END AS modality,
    CASE WHEN json_exists(r.fix, '$.plover_type') THEN r.fix->>'plover_type' ELSE e.plover_type END AS plover_type,
    CASE WHEN json_exists(r.fix, '$.plover_mode') THEN r.fix->>'plover_mode' ELSE e.plover_mode END AS plover_mode,
    CASE WHEN json_exists(r.fix, '$.cameo_root') THEN r.fix->>'cameo_root' ELSE e.cameo_root END AS cameo_root,
    -- ACLED's timestamp is when the row last changed: a review changes it.
    greatest(e.timestamp, CAST(epoch(r.reviewed_at) AS BIGINT)) AS timestamp,
    e.confidence, e.trigger, e.evidence,
    r.review_status, r.reviewed_at
FROM events e JOIN review_fixes r ON r.event_id = e.event_id;

CREATE TABLE IF NOT EXISTS reviewed_events AS SELECT * FROM events_corrected LIMIT 0;

-- Every event, corrections winning over the machine coding, with its review
-- status (NULL = not reviewed). Exports and the API read these;
-- events_reviewed leaves out rejected codings.
CREATE OR REPLACE VIEW events_reviewed_all AS
SELECT
    e.event_id, e.article_id,
    e.event_date,
    e.time_precision,
    e.disorder_type,
    e.event_type,
    e.sub_event_type,
    e.actor1,
    e.assoc_actor_1,
    e.inter1,
    e.actor2,
    e.assoc_actor_2,
    e.inter2,
    e.interaction,
    e.civilian_targeting,
    e.iso,
    e.region,
    e.country,
    e.admin1,
    e.admin2,
    e.admin3,
    e.location,
    e.latitude,
    e.longitude,
    e.geo_precision,
    e.source,
    e.source_scale,
    e.notes,
    e.fatalities,
    e.tags,
    e.modality,
    e.plover_type,
    e.plover_mode,
    e.cameo_root,
    e.timestamp, e.confidence, e.trigger, e.evidence,
    NULL::VARCHAR AS review_status, NULL::TIMESTAMP AS reviewed_at
FROM events e ANTI JOIN reviewed_events r ON r.event_id = e.event_id
UNION ALL BY NAME
SELECT * FROM reviewed_events;

CREATE OR REPLACE VIEW events_reviewed AS
SELECT * FROM events_reviewed_all WHERE review_status IS DISTINCT FROM 'reject';

CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id       VARCHAR PRIMARY KEY,
    started_at   TIMESTAMP,
    finished_at  TIMESTAMP,
    paths        VARCHAR[],
    new          INTEGER,
    unchanged    INTEGER,
    updated      INTEGER,
    aliases      INTEGER,
    quarantined  INTEGER
);

-- No secondary indexes on purpose: DuckDB keeps ART indexes in memory and
-- scans with zone maps are fast enough for per-article lookups; the primary
-- keys above already make re-ingest idempotent.

-- Feeds the watcher polls (sitrep feeds add; owned by sitrep.store.feeds).
-- The ETag / Last-Modified a feed last answered with are stored only after
-- every item of that answer is in feed_items, so a crash mid-poll means the
-- next poll reads the feed again instead of getting a 304 and losing items.
CREATE TABLE IF NOT EXISTS feeds (
    feed_id        VARCHAR PRIMARY KEY,     -- hash of the normalised URL
    url            VARCHAR NOT NULL,
    country        VARCHAR,                 -- hint passed on as Article.country
    source         VARCHAR,                 -- publisher name; else the feed's title
    every_seconds  DOUBLE NOT NULL,
    added_at       TIMESTAMP,
    etag           VARCHAR,
    last_modified  VARCHAR,
    last_polled_at TIMESTAMP,
    last_ok_at     TIMESTAMP,
    last_status    INTEGER,                 -- HTTP status of the last answer (304 = unchanged)
    last_error_code VARCHAR,
    last_error     VARCHAR,
    failures       INTEGER DEFAULT 0,       -- consecutive failed polls
    polls          INTEGER DEFAULT 0,
    unchanged      INTEGER DEFAULT 0,       -- polls answered 304
    items          INTEGER DEFAULT 0,       -- items this feed put in the queue
    next_poll_at   TIMESTAMP
);

-- The durable queue: an item is stored here as soon as its page is fetched
-- (state 'fetched'), then 'processed' once its article is in the store; an
-- item whose page could not be fetched is 'failed' with the reason. Items
-- posted to the API in watch mode go through the same table (origin 'api').
CREATE TABLE IF NOT EXISTS feed_items (
    item_key     VARCHAR PRIMARY KEY,       -- normalised page URL (or feed URL#entry id, api:hash)
    feed_id      VARCHAR,
    url          VARCHAR,
    title        VARCHAR,
    published    VARCHAR,
    source       VARCHAR,
    country      VARCHAR,
    text         VARCHAR,
    content_hash VARCHAR,
    state        VARCHAR NOT NULL,          -- fetched | processed | failed
    attempts     INTEGER DEFAULT 0,
    error_code   VARCHAR,
    error        VARCHAR,
    origin       VARCHAR,                   -- feed | api
    fetched_at   TIMESTAMP,
    processed_at TIMESTAMP,
    article_id   VARCHAR
);

CREATE TABLE IF NOT EXISTS feed_failures (
    feed_id  VARCHAR,
    url      VARCHAR,                       -- the feed or the item page that failed
    code     VARCHAR,
    reason   VARCHAR,
    failed_at TIMESTAMP
);
