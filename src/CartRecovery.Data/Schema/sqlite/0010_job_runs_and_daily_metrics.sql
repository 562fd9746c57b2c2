-- Every run of a scheduled job (start, end, outcome, error, items processed), and per-store daily metrics that
-- outlive the retention purge of the carts and messages they were counted from.

-- outcome: 0 running, 1 succeeded, 2 failed, 3 vetoed. Old runs are pruned by the purge job.
CREATE TABLE job_runs (
    id               INTEGER PRIMARY KEY,
    job_group        TEXT    NOT NULL,
    job_name         TEXT    NOT NULL,
    trigger_group    TEXT,
    trigger_name     TEXT,
    instance_id      TEXT    NOT NULL,
    fire_instance_id TEXT    NOT NULL,
    scheduled_at     INTEGER,
    started_at       INTEGER NOT NULL,
    finished_at      INTEGER,
    outcome          INTEGER NOT NULL,
    error            TEXT,
    items            INTEGER
) STRICT;

CREATE INDEX ix_job_runs_job_started ON job_runs (job_group, job_name, started_at);
CREATE INDEX ix_job_runs_fire ON job_runs (instance_id, fire_instance_id);
CREATE INDEX ix_job_runs_started ON job_runs (started_at);

-- One row per store, UTC day (day_start in unix ms) and cart currency; every count is attributed to the day of its
-- own event (abandoned_at, sent_at, delivered_at, opened_at, clicked_at, converted_at). Rolling a day up replaces it.
CREATE TABLE daily_store_metrics (
    store_id          INTEGER NOT NULL REFERENCES stores (id),
    day_start         INTEGER NOT NULL,
    currency          TEXT    NOT NULL,
    carts_abandoned   INTEGER NOT NULL,
    emails_sent       INTEGER NOT NULL,
    emails_delivered  INTEGER NOT NULL,
    emails_opened     INTEGER NOT NULL,
    emails_clicked    INTEGER NOT NULL,
    recovered_orders  INTEGER NOT NULL,
    recovered_revenue_minor INTEGER NOT NULL,
    rolled_up_at      INTEGER NOT NULL,
    PRIMARY KEY (store_id, day_start, currency)
) STRICT;

CREATE INDEX ix_daily_store_metrics_day ON daily_store_metrics (day_start);
