-- sitrep's DuckDB schema (first cut; the store issue owns and evolves it).
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
    version      INTEGER DEFAULT 1,        -- >1 when the URL was seen with other text
    supersedes   VARCHAR                   -- article_id of the previous version at this URL
);

CREATE TABLE IF NOT EXISTS article_ids (
    input_id     VARCHAR NOT NULL,         -- the id the input gave (JSONL id, URL, path)
    article_id   VARCHAR NOT NULL,
    source       VARCHAR,
    origin       VARCHAR,
    PRIMARY KEY (input_id, article_id)
);

CREATE TABLE IF NOT EXISTS events (
    event_id            VARCHAR PRIMARY KEY,   -- article_id + ordinal
    article_id          VARCHAR NOT NULL,
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
    start_char  INTEGER,
    end_char    INTEGER,
    payload     JSON
);

CREATE TABLE IF NOT EXISTS quarantine (
    input_id    VARCHAR,
    origin      VARCHAR,
    code        VARCHAR NOT NULL,
    message     VARCHAR,
    stage       VARCHAR,
    content_hash VARCHAR,
    quarantined_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS canonical_events (
    canonical_id   VARCHAR PRIMARY KEY,
    payload        JSON,                   -- merged Event fields
    article_ids    VARCHAR[],
    sources        VARCHAR[],
    created_at     TIMESTAMP,
    updated_at     TIMESTAMP
);

CREATE TABLE IF NOT EXISTS canonical_members (
    canonical_id VARCHAR NOT NULL,
    event_id     VARCHAR NOT NULL PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS possible_duplicates (
    event_a   VARCHAR NOT NULL,
    event_b   VARCHAR NOT NULL,
    score     DOUBLE,
    reasons   JSON
);

CREATE TABLE IF NOT EXISTS reviews (
    review_id   VARCHAR PRIMARY KEY,
    event_id    VARCHAR NOT NULL,
    action      VARCHAR NOT NULL,          -- accept | correct | reject
    field       VARCHAR,
    before      VARCHAR,
    after       VARCHAR,
    reviewer    VARCHAR,
    reviewed_at TIMESTAMP
);
